/** Tiny ADF builders for seed text (kept local so the seed needs no UI packages). */
export type AdfNode = { type: string; text?: string; attrs?: Record<string, unknown>; content?: AdfNode[]; marks?: { type: string }[] };
export type AdfDoc = { type: 'doc'; version: 1; content: AdfNode[] };

export const text = (t: string, strong = false): AdfNode => (strong ? { type: 'text', text: t, marks: [{ type: 'strong' }] } : { type: 'text', text: t });
export const p = (...parts: (string | AdfNode)[]): AdfNode => ({
  type: 'paragraph',
  content: parts.map((x) => (typeof x === 'string' ? text(x) : x)),
});
export const heading = (level: number, t: string): AdfNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
export const bullets = (items: string[]): AdfNode => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: [p(i)] })),
});
export const panel = (panelType: 'info' | 'note' | 'warning' | 'success' | 'error', ...content: AdfNode[]): AdfNode => ({
  type: 'panel',
  attrs: { panelType },
  content,
});
export const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });

/** Plain text of an ADF tree (for JQL text search and the storage representation). */
export function adfText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: unknown; content?: unknown };
  const own = typeof n.text === 'string' ? n.text : '';
  const kids = Array.isArray(n.content) ? n.content.map(adfText).join(' ') : '';
  return own && kids ? `${own} ${kids}` : own || kids;
}
