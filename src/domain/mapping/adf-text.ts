/**
 * Plain text out of an Atlassian Document Format value (a Jira description, a comment), for the clause
 * suggester. Takes text, mentions, emoji, status lozenges, dates, inline/block card URLs and code blocks;
 * block nodes end with a line break. Tolerant of junk: anything that is not an object is skipped, the walk is
 * iterative (no recursion limit) and bounded by node count and output length.
 */

export const ADF_TEXT_DEFAULT_MAX = 20_000;
const MAX_NODES = 50_000;

const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'doc', 'paragraph', 'heading', 'blockquote', 'codeBlock', 'listItem', 'bulletList', 'orderedList', 'taskList',
  'taskItem', 'decisionList', 'decisionItem', 'panel', 'table', 'tableRow', 'tableHeader', 'tableCell', 'expand',
  'nestedExpand', 'layoutSection', 'layoutColumn', 'rule', 'mediaSingle', 'mediaGroup', 'blockCard', 'embedCard',
]);

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The words an inline node contributes, or null when it has none. */
function inlineText(node: Rec): string | null {
  const attrs = isRecord(node.attrs) ? node.attrs : {};
  switch (node.type) {
    case 'text':
      return str(node.text);
    case 'mention':
      return str(attrs.text) ?? (str(attrs.id) ? `@${String(attrs.id)}` : null);
    case 'emoji':
      return str(attrs.text) ?? str(attrs.shortName);
    case 'status':
      return str(attrs.text);
    case 'date': {
      const ts = Number(attrs.timestamp);
      return Number.isFinite(ts) && ts > 0 ? new Date(ts).toISOString().slice(0, 10) : null;
    }
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return str(attrs.url) ?? (isRecord(attrs.data) ? str(attrs.data.url) ?? str(attrs.data.name) : null);
    case 'hardBreak':
      return '\n';
    default:
      return null;
  }
}

/** Flattens an ADF document (or any ADF node) to plain text, at most `maxLength` characters. */
export function adfToPlainText(adf: unknown, maxLength: number = ADF_TEXT_DEFAULT_MAX): string {
  const limit = Math.max(0, Math.floor(maxLength));
  if (typeof adf === 'string') return adf.slice(0, limit);
  if (!isRecord(adf) || limit === 0) return '';

  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: (Rec | '\n')[] = [adf];
  while (stack.length > 0 && length < limit && visited < MAX_NODES) {
    const item = stack.pop() as Rec | '\n';
    if (item === '\n') {
      if (parts.length > 0 && parts[parts.length - 1] !== '\n') {
        parts.push('\n');
        length += 1;
      }
      continue;
    }
    visited += 1;
    const piece = inlineText(item);
    if (piece !== null) {
      parts.push(piece);
      length += piece.length;
    }
    const type = typeof item.type === 'string' ? item.type : '';
    if (BLOCK_TYPES.has(type)) stack.push('\n');
    if (Array.isArray(item.content)) {
      for (let i = Math.min(item.content.length, MAX_NODES) - 1; i >= 0; i -= 1) {
        const child: unknown = item.content[i];
        if (isRecord(child)) stack.push(child);
      }
    }
  }
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .slice(0, limit);
}
