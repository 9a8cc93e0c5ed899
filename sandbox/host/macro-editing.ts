/**
 * The sandbox's Confluence editor for the app's macro: insert an "SMS readiness" macro into a page, and store what
 * the macro's configuration frame submits (view.submit({ config })) in the page's extension node, where Confluence
 * keeps a Forge macro's configuration (`parameters.guestParams`, see docs/forge-facts.md). Every change is a page
 * update through Confluence's REST API made as the signed-in user, so it needs their right to edit the page: the
 * editor grants nothing the API would not.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { APP_ID, ENVIRONMENT_ID } from '../bridge/forge-context';

/** The app's macro (manifest.yml `macro: sms-readiness`) as the page editor offers it. */
export const READINESS_MACRO = {
  moduleKey: 'sms-readiness',
  title: 'SMS readiness',
  description: 'Live readiness per clause group, the maturity heatmap and the trend over published gap reports of an SMS Navigator project.',
  extensionKey: `${APP_ID}/${ENVIRONMENT_ID}/static/sms-readiness`,
} as const;

/**
 * What view.submit may carry from a configuration frame: `{ config: <object> }` (Forge refuses a config that is
 * not an object: "Invalid "config" provided. Expected object"). The config's own fields are the app's business:
 * the app validates them (zod) where it reads them, in the macro's resolver context.
 */
export const macroSubmitSchema = z.strictObject({ config: z.record(z.string(), z.json()) });
export type MacroSubmit = z.infer<typeof macroSubmitSchema>;

interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  [k: string]: unknown;
}

/** A new, unconfigured "SMS readiness" extension node, as Confluence stores a Forge macro it inserts. */
export function newReadinessMacroNode(localId: string = randomUUID()): AdfNode {
  return {
    type: 'extension',
    attrs: {
      extensionType: 'com.atlassian.ecosystem',
      extensionKey: READINESS_MACRO.extensionKey,
      text: READINESS_MACRO.title,
      layout: 'default',
      localId,
      parameters: {
        localId,
        extensionId: `ari:cloud:ecosystem::extension/${READINESS_MACRO.extensionKey}`,
        extensionTitle: READINESS_MACRO.title,
        layout: 'extension',
        guestParams: {},
      },
    },
  };
}

/** The document with `node` appended at the end of the page (where the editor's cursor is when it opens). */
export function withMacroAppended(doc: AdfNode, node: AdfNode): AdfNode {
  return { ...doc, content: [...(doc.content ?? []), node] };
}

/**
 * The document with the configuration of the app's macro `localId` replaced by `config` (in `guestParams`, mirrored
 * in `config` as the report publish writes it), or undefined when the page has no such macro of this app.
 */
export function withMacroConfig(doc: AdfNode, localId: string, config: MacroSubmit['config']): AdfNode | undefined {
  let found = false;
  const visit = (node: AdfNode): AdfNode => {
    if (node.type === 'extension' && node.attrs?.localId === localId && node.attrs.extensionKey === READINESS_MACRO.extensionKey) {
      found = true;
      const parameters = (node.attrs.parameters ?? {}) as Record<string, unknown>;
      return { ...node, attrs: { ...node.attrs, parameters: { ...parameters, guestParams: config, config } } };
    }
    return node.content === undefined ? node : { ...node, content: node.content.map(visit) };
  };
  const next = visit(doc);
  return found ? next : undefined;
}

/** The ids of this app's macros in a document, in page order (the editor puts an "Edit" action on each). */
export function readinessMacroIds(doc: AdfNode): string[] {
  const ids: string[] = [];
  const visit = (node: AdfNode): void => {
    if (node.type === 'extension' && node.attrs?.extensionKey === READINESS_MACRO.extensionKey && typeof node.attrs.localId === 'string') ids.push(node.attrs.localId);
    node.content?.forEach(visit);
  };
  visit(doc);
  return ids;
}

export type { AdfNode };
