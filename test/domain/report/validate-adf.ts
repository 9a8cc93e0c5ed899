/** Test helper: validates an ADF document with @atlaskit/adf-utils' validator and collects every error. */
import { validator } from '@atlaskit/adf-utils/validator';

type AdfNode = { type: string; text?: string; marks?: unknown[]; attrs?: Record<string, unknown>; content?: AdfNode[] };

let validate: ReturnType<typeof validator> | undefined;

export function adfErrors(document: unknown): string[] {
  if (!validate) {
    // The validator asks a feature-gate client that is not initialised outside Atlassian and logs once; keep tests quiet.
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      validate = validator();
      validate({ type: 'doc', version: 1, content: [] });
    } finally {
      spy.mockRestore();
    }
  }
  const errors: string[] = [];
  validate(document as Parameters<NonNullable<typeof validate>>[0], (entity, error) => {
    errors.push(`${error.code} ${error.message} at ${JSON.stringify(entity).slice(0, 120)}`);
    return entity;
  });
  return errors;
}

/** Every node of the tree, depth first. */
export function allNodes(node: unknown): AdfNode[] {
  const out: AdfNode[] = [];
  const walk = (n: AdfNode): void => {
    out.push(n);
    for (const c of n.content ?? []) walk(c);
  };
  walk(node as AdfNode);
  return out;
}

export function textNodes(node: unknown): AdfNode[] {
  return allNodes(node).filter((n) => n.type === 'text');
}

/** All visible text of the document joined, for "does the page say X" checks. */
export function plainText(node: unknown): string {
  return allNodes(node)
    .map((n) => (n.type === 'text' ? n.text : n.type === 'status' ? `[${String(n.attrs?.text)}]` : n.type === 'inlineCard' ? `<${String(n.attrs?.url)}>` : ''))
    .join('');
}
