/**
 * The one place src/domain touches @atlaskit: the ADF builders of @atlaskit/adf-utils (pure functions that
 * return plain JSON objects) and ADF type definitions. The house lint rule bans @atlaskit/* in the domain to
 * keep UI out; these modules hold no UI. If the lint rule is tightened, exempt this file only.
 * (CommonJS subpaths: the TypeScript `commonjs` output turns these into require() calls, which work in Node.)
 * It also holds the small node helpers (p, t, lozenge, bullets, cell) that every ADF document here builds with.
 */
import { bulletList, listItem, paragraph, status, tableCell, text as textNode } from '@atlaskit/adf-utils/builders';
import type { TextDefinition } from '@atlaskit/adf-schema/text';
import { neutraliseBidi } from './safe-text';
import type {
  BulletListDefinition,
  Inline,
  ListItemDefinition,
  ParagraphDefinition,
  TableCellDefinition,
} from '@atlaskit/adf-schema';

export {
  bulletList,
  doc,
  expand,
  extension,
  heading,
  inlineCard,
  link,
  listItem,
  mention,
  orderedList,
  panel,
  paragraph,
  rule,
  status,
  strong,
  table,
  tableCell,
  tableHeader,
  tableRow,
  taskItem,
  taskList,
} from '@atlaskit/adf-utils/builders';

/** Every ADF text node of the app's documents is made here: bidi controls are neutralised (see neutraliseBidi). */
export function text(value: string): TextDefinition {
  return textNode(neutraliseBidi(value));
}
export { PanelType } from '@atlaskit/adf-schema/panel';
export type {
  BlockContent,
  BulletListDefinition,
  DocNode,
  Inline,
  ListItemDefinition,
  PanelDefinition,
  ParagraphDefinition,
  StatusDefinition,
  TableCellDefinition,
  TableRowDefinition,
} from '@atlaskit/adf-schema';

// ---------- small node helpers shared by the ADF documents (strings passed here must already be safe) ----------

import type { StatusColor } from '../vocabulary';

/** The colours of an ADF status lozenge (defined with the vocabulary's colours). */
export type { StatusColor } from '../vocabulary';

export function p(...content: Inline[]): ParagraphDefinition {
  return paragraph(...content);
}

export function t(value: string): Inline {
  return text(value);
}

export function lozenge(value: string, color: StatusColor): Inline {
  return status({ text: neutraliseBidi(value), color });
}

/** A bullet list of the given lines, or a "None." paragraph when there are none. */
export function bullets(items: readonly Inline[][]): BulletListDefinition | ParagraphDefinition {
  const list: ListItemDefinition[] = items.map((inlines) => listItem([p(...inlines)]));
  const [first, ...rest] = list;
  return first ? bulletList(first, ...rest) : p(t('None.'));
}

export function cell(...content: TableCellDefinition['content']): TableCellDefinition {
  return tableCell()(...content);
}
