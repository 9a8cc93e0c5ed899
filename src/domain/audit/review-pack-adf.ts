/**
 * The management review pack as an ADF document (the Confluence page). Pure: the same pack gives the same
 * document. Every carried string goes through safe-text.ts; links are built only from the validated site URL,
 * issue keys that match Jira's key pattern, and the app's own JQL. Each figure is shown with its JQL and a link
 * that opens the search in Jira.
 */
import {
  type BlockContent,
  type DocNode,
  type Inline,
  type StatusColor,
  type TableRowDefinition,
  cell,
  doc,
  heading,
  inlineCard,
  link,
  lozenge,
  p,
  strong,
  t,
  table,
  tableHeader,
  tableRow,
  bullets,
} from '../report/adf';
import { isIssueKey, issueUrl, jqlSearchUrl, normaliseSiteBaseUrl } from '../report/gap-report';
import { safeLine } from '../report/safe-text';
import { type TracedFigure } from '../traced-figure';
import { type PackCell, type PackSection, type ReviewPack } from './review-pack';

const MAX_TEXT = 300;
const MAX_JQL_SHOWN = 400;

const TONE_COLORS: Readonly<Record<'good' | 'warn' | 'bad' | 'neutral', StatusColor>> = { good: 'green', warn: 'yellow', bad: 'red', neutral: 'neutral' };

function figureLine(site: string, f: TracedFigure): Inline[] {
  const how = f.exact ? 'finds exactly these' : 'counted among what this finds';
  return [
    strong(`${safeLine(f.label, MAX_TEXT, 'Figure')}: ${f.value}`) as Inline,
    t(` — JQL (${how}): ${safeLine(f.jql, MAX_JQL_SHOWN, '')} `),
    link({ href: jqlSearchUrl(site, f.jql) })('open in Jira') as Inline,
  ];
}

function cellContent(site: string, c: PackCell): Inline {
  switch (c.kind) {
    case 'issue':
      return isIssueKey(c.issueKey) ? inlineCard({ url: issueUrl(site, c.issueKey) }) : t(safeLine(c.issueKey, 40, '(no key)'));
    case 'status':
      return lozenge(safeLine(c.text, 60, '—'), TONE_COLORS[c.tone]);
    case 'text':
      return t(safeLine(c.text, MAX_TEXT, '—'));
  }
}

function sectionBlocks(site: string, s: PackSection): BlockContent[] {
  const blocks: BlockContent[] = [heading({ level: 2 })(t(s.title)), p(t(s.intro))];
  if (s.figures.length > 0) blocks.push(bullets(s.figures.map((f) => figureLine(site, f))));
  if (s.table !== null) {
    if (s.table.rows.length === 0) blocks.push(p(t(s.empty)));
    else {
      const header: TableRowDefinition = tableRow(s.table.header.map((h) => tableHeader()(p(t(h)))));
      const rows = s.table.rows.map((r) => tableRow(r.map((c) => cell(p(cellContent(site, c))))));
      blocks.push(table(header, ...rows));
    }
  }
  return blocks;
}

/** The pack as an ADF document. Throws VALIDATION_FAILED when the site URL is not a plain https site. */
export function renderReviewPackAdf(pack: ReviewPack): DocNode {
  const site = normaliseSiteBaseUrl(pack.siteBaseUrl);
  return doc(
    heading({ level: 1 })(t(safeLine(pack.title, MAX_TEXT, 'Management review'))),
    p(t(safeLine(pack.subtitle, MAX_TEXT * 2, ''))),
    ...pack.sections.flatMap((s) => sectionBlocks(site, s)),
  );
}
