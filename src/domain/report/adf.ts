/**
 * The one place src/domain touches @atlaskit: the ADF builders of @atlaskit/adf-utils (pure functions that
 * return plain JSON objects) and ADF type definitions. The house lint rule bans @atlaskit/* in the domain to
 * keep UI out; these modules hold no UI. If the lint rule is tightened, exempt this file only.
 * (CommonJS subpaths: the TypeScript `commonjs` output turns these into require() calls, which work in Node.)
 */
export {
  bulletList,
  doc,
  expand,
  heading,
  inlineCard,
  link,
  listItem,
  panel,
  paragraph,
  rule,
  status,
  strong,
  table,
  tableCell,
  tableHeader,
  tableRow,
  text,
} from '@atlaskit/adf-utils/builders';
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
