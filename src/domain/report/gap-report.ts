/**
 * The living gap report as an ADF document (Atlassian Document Format), built with the @atlaskit/adf-utils
 * builders. Pure: the same input gives the same document.
 *
 * Safety: every user or issue string (summaries, notes, names, the scope statement) goes into a plain text
 * node through safe-text.ts: it is never parsed, never given marks, and is capped in length. Links and inline
 * cards are only built from values the report constructs itself (validated site URL, issue keys that match
 * Jira's key pattern); a key that does not match is shown as text.
 *
 * Size: evidence is grouped per clause and at most `maxEvidencePerClause` inline cards are listed per clause,
 * followed by "and N more" linking to a Jira search on the `smsClause` entity-property alias. If the page is
 * still too large, splitReportByGroup() gives an overview page plus one page per top-level clause.
 */
import { evidenceIssuesJql } from '../issue-index';
import { CHALLENGES } from '../challenges';
import { type ClauseId } from '../catalogue/catalogue';
import { ValidationError } from '../errors';
import { asEvidence } from '../mapping/mapped-issue-words';
import { plural } from '../plural';
import { type ClauseChange } from '../gap/changes-since';
import { pageDateTime, pageDay } from '../page-dates';
import { FINDING_CONVENTION_TEXT, distinctFindings } from '../gap/finding-labels';
import { type ClauseGap, type EvidenceItem, type GapAnalysis, type GroupReadiness, STATUS_CATEGORY_LABELS } from '../gap/gap-model';
import { ISSUE_ROLE_RULE_TEXT } from '../gap/issue-roles';
import { PROPOSAL_RULES_TEXT } from '../gap/proposal-rules';
import { READINESS_FORMULA, formatReadiness } from '../gap/readiness';
import { LEVEL_LABELS, type MaturityLevel } from '../maturity/maturity-model';
import { CONFORMITY_RESULT_COLORS, CONFORMITY_RESULT_LABELS, type ConformityResult, FINDING_GRADE_COLORS, FINDING_GRADE_LABELS, STATUS_CATEGORY_COLORS } from '../vocabulary';
import {
  type BlockContent,
  type DocNode,
  type Inline,
  type PanelDefinition,
  type ParagraphDefinition,
  type StatusColor,
  type TableCellDefinition,
  type TableRowDefinition,
  PanelType,
  bullets,
  cell,
  doc,
  expand,
  extension,
  heading,
  inlineCard,
  link,
  lozenge,
  p,
  panel,
  strong,
  t,
  table,
  tableHeader,
  tableRow,
} from './adf';
import {
  type ChallengeRegisterRow,
  type GapReportInput,
  type ReadinessMacroRef,
  type ReportMaturityRow,
  type ReportPhase,
} from './report-input';
import { safeLine, safeParagraphs, utf8Length } from './safe-text';
import { type RegisterRow, clauseRegister, evidenceAgeText } from './clause-register';
import { type ReportDelta, deltaIsEmpty, notAssessedByGroup, openNonconformities, rankTopGaps, readinessChange, reportDelta } from './manager-summary';

export const REPORT_DEFAULTS = {
  maxEvidencePerClause: 10,
  maxTextLength: 300,
  maxScopeLength: 5000,
} as const;

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

/** Colour of a maturity lozenge by how far the current level is below target. */
export function maturityGapColor(current: MaturityLevel, target: MaturityLevel): StatusColor {
  const gap = target - current;
  if (gap <= 0) return 'green';
  return gap === 1 ? 'yellow' : 'red';
}

interface Ctx {
  site: string;
  projectKey: string;
  maxCards: number;
  maxText: number;
  maxScope: number;
}

/** Hosts of a local development sandbox, the only ones allowed over plain http. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Validates the site URL (https; plain http only on a loopback host) and returns it without a trailing slash. Throws ValidationError. */
export function normaliseSiteBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError('The Jira site address is not a valid URL.', { siteBaseUrl: value });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new ValidationError('The Jira site address must use https.', { siteBaseUrl: value });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ValidationError('The Jira site address must be a plain site URL.', { siteBaseUrl: value });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function isIssueKey(value: string): boolean {
  return ISSUE_KEY.test(value);
}

/** JQL for the evidence of a clause (no planned work, no findings): the one definition, src/domain/issue-index.ts. */
export function clauseEvidenceJql(projectKey: string, clauseId: ClauseId): string {
  return evidenceIssuesJql(projectKey, clauseId);
}

export function issueUrl(siteBaseUrl: string, issueKey: string): string {
  return `${siteBaseUrl}/browse/${encodeURIComponent(issueKey)}`;
}

export function jqlSearchUrl(siteBaseUrl: string, jql: string): string {
  return `${siteBaseUrl}/issues/?jql=${encodeURIComponent(jql)}`;
}

// ---------- small node helpers (all strings passed here are already safe) ----------

function bold(value: string): Inline {
  return strong(value) as Inline;
}

function headerRow(labels: readonly string[]): TableRowDefinition {
  return tableRow(labels.map((l) => tableHeader()(p(t(l)))));
}

function issueRef(ctx: Ctx, key: string): Inline {
  return isIssueKey(key) ? inlineCard({ url: issueUrl(ctx.site, key) }) : t(safeLine(key, 40, '(no key)'));
}

const formatDate = (iso: string): string => pageDateTime(iso) ?? safeLine(iso, 40, 'unknown date');
const formatDay = (iso: string): string => pageDay(iso) ?? safeLine(iso, 40, 'unknown date');

function resultLabel(r: ConformityResult): string {
  return CONFORMITY_RESULT_LABELS[r];
}

function pct(n: number): string {
  return `${n} %`;
}

// ---------- sections ----------

/** The page title is Confluence's own: the body does not repeat it as a heading. */
function titleBlocks(input: GapReportInput, ctx: Ctx, suffix?: string): BlockContent[] {
  const name = safeLine(input.projectName, ctx.maxText, input.projectKey);
  const part = suffix ? `${suffix}: part of the gap report of ${name}. ` : '';
  return [
    p(
      t(
        `${part}Generated ${formatDate(input.generatedAt)} for project ${safeLine(input.projectKey, 40, '?')} against ISO/IEC 20000-1:2018. ` +
          `Evidence not updated for more than ${plural(input.gaps.maxEvidenceAgeDays, 'day')} is flagged as stale.`,
      ),
    ),
  ];
}

/** One group's readiness in words (the formula with its figures is in the appendix). */
function groupReadinessLine(g: GroupReadiness): Inline[] {
  const f = g.figures;
  return [bold(`${g.groupId} ${g.title}: ${pct(f.percent)}`), t(` (${f.counts.conformant} of ${plural(f.denominator, 'clause')} conformant, ${f.counts.partially_conformant} partly)`)];
}

function signed(points: number): string {
  if (points === 0) return 'no change';
  return `${points > 0 ? 'up' : 'down'} ${plural(Math.abs(points), 'point')}`;
}

/**
 * "Of 57 clauses: 1 conformant, 8 partially conformant, 40 not yet conformant and 8 not assessed yet; 1 marked not
 * applicable, which blocks a conformity claim": the results of the clauses in words, with no verb to agree.
 */
export function clauseCountsInWords(counts: Readonly<Record<ConformityResult, number>>, clauseCount: number): string {
  const parts = `${counts.conformant} conformant, ${counts.partially_conformant} partially conformant, ${counts.nonconformant} not yet conformant and ${counts.not_assessed} not assessed yet`;
  const na = counts.not_applicable > 0 ? `; ${counts.not_applicable} marked not applicable, which blocks a conformity claim (ISO/IEC 20000-1 allows no exclusions)` : '';
  return `Of ${plural(clauseCount, 'clause')}: ${parts}${na}`;
}

function readinessParagraph(input: GapReportInput): ParagraphDefinition {
  const ch = readinessChange(input.gaps, input.previous);
  const now = bold(`Readiness ${pct(ch.now)}`);
  if (ch.previous === undefined) return p(now, t('. This is the first publish of the report.'));
  return p(now, t(`, ${signed(ch.change ?? 0)} since the previous publish on ${formatDay(ch.previousAt ?? '')} (then ${pct(ch.previous)}).`));
}

function groupReadinessTable(gaps: GapAnalysis): BlockContent {
  return table(
    headerRow(['Clause group', 'Readiness', 'Conformant', 'Partly conformant', 'Not yet conformant', 'Not assessed']),
    ...gaps.readiness.byGroup.map((g) =>
      tableRow([
        cell(p(t(`${g.groupId} ${g.title}`))),
        cell(p(bold(pct(g.figures.percent)))),
        cell(p(t(String(g.figures.counts.conformant)))),
        cell(p(t(String(g.figures.counts.partially_conformant)))),
        cell(p(t(String(g.figures.counts.nonconformant)))),
        cell(p(t(String(g.figures.counts.not_assessed)))),
      ]),
    ),
  );
}

function topGapsSection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  const gaps = rankTopGaps(input.gaps, 5);
  const blocks: BlockContent[] = [heading({ level: 3 })(t('The five largest gaps'))];
  if (gaps.length === 0) {
    blocks.push(p(t('No gaps: every clause counted is conformant.')));
    return blocks;
  }
  blocks.push(
    table(
      headerRow(['Clause', 'Result', 'Open nonconformities', 'Owner', 'Epic']),
      ...gaps.map((g) =>
        tableRow([
          cell(p(t(`${g.clauseId} ${g.title}`))),
          cell(p(lozenge(resultLabel(g.result), CONFORMITY_RESULT_COLORS[g.result]))),
          cell(p(t(g.openMajor + g.openMinor === 0 ? 'None' : [g.openMajor > 0 ? `${g.openMajor} major` : '', g.openMinor > 0 ? `${g.openMinor} minor` : ''].filter(Boolean).join(', ')))),
          cell(p(t(g.owner !== undefined ? safeLine(g.owner, 80, 'Unassigned') : g.workItemKey !== undefined ? 'Unassigned' : 'No work planned yet'))),
          cell(p(g.epicKey !== undefined ? issueRef(ctx, g.epicKey) : t('No epic yet'))),
        ]),
      ),
    ),
  );
  return blocks;
}

function nonconformitySection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  const open = openNonconformities(input.gaps);
  const blocks: BlockContent[] = [heading({ level: 3 })(t(`Open nonconformities (${open.length})`))];
  if (open.length === 0) {
    blocks.push(p(t('No major or minor nonconformity is open.')));
    return blocks;
  }
  const shown = open.slice(0, ctx.maxCards * 2);
  blocks.push(
    bullets(
      shown.map((n) => [
        issueRef(ctx, n.issueKey),
        t(' '),
        lozenge(FINDING_GRADE_LABELS[n.grade], FINDING_GRADE_COLORS[n.grade]),
        // The inline card shows the issue's summary (a smart link); a reference that is not an issue key gets it as text.
        t(`${isIssueKey(n.issueKey) ? '' : ` ${safeLine(n.summary, ctx.maxText, '(no summary)')}`} on clause ${n.clauses.join(', ')}`),
      ]),
    ),
  );
  if (open.length > shown.length) blocks.push(p(t(`and ${open.length - shown.length} more, listed clause by clause below.`)));
  return blocks;
}

function summarySection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  const { gaps } = input;
  const overall = gaps.readiness.overall;
  const type = overall.percent >= 80 ? PanelType.SUCCESS : overall.percent >= 40 ? PanelType.INFO : PanelType.WARNING;
  const content: PanelDefinition['content'] = [
    readinessParagraph(input),
    p(
      t(
        `${clauseCountsInWords(overall.counts, gaps.clauses.length)}. ` +
          `The clauses have ${gaps.evidenceCountApproximate === true ? `about ${asEvidence(gaps.evidenceCount)} (Jira's approximate count)` : asEvidence(gaps.evidenceCount)}.`,
      ),
    ),
  ];
  const blocks: BlockContent[] = [
    heading({ level: 2 })(t('Summary')),
    panel({ panelType: type })(...content),
    heading({ level: 3 })(t('Readiness per clause group')),
    groupReadinessTable(gaps),
    ...topGapsSection(input, ctx),
    ...nonconformitySection(input, ctx),
    ...changesSection(input, ctx),
  ];
  if (gaps.evidenceCount === 0) {
    blocks.push(
      panel({ panelType: PanelType.NOTE })(
        p(
          t(
            'No evidence is mapped yet. Link Jira issues to clauses from the issue panel: the report then proposes results from their status and lists them here as evidence.',
          ),
        ),
      ),
    );
  }
  return blocks;
}

function scopeSection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  const version = input.scopeVersion !== undefined ? ` (version ${safeLine(String(input.scopeVersion), 40, '?')})` : '';
  const paragraphs = safeParagraphs(input.scopeStatement, ctx.maxScope);
  return [
    heading({ level: 2 })(t(`Scope of the service management system${version}`)),
    ...(paragraphs.length > 0
      ? paragraphs.map((s) => p(t(s)))
      : [p(t('The scope statement has not been written yet. Write it on the Scope page of the app (clause 4.3).'))]),
  ];
}

function maturitySection(rows: readonly ReportMaturityRow[], ctx: Ctx): BlockContent[] {
  const blocks: BlockContent[] = [heading({ level: 2 })(t('Maturity against target'))];
  if (rows.length === 0) {
    blocks.push(p(t('No maturity assessment is recorded yet. Assess each process on the Maturity page to see it here.')));
    return blocks;
  }
  blocks.push(
    table(
      headerRow(['Process or unit', 'Current', 'Target', 'Gap']),
      ...rows.map((r) => {
        const gap = Math.max(0, r.target - r.current);
        return tableRow([
          cell(p(t(safeLine(r.unitName, ctx.maxText, safeLine(r.unitId, 80, '(unnamed)'))))),
          cell(p(lozenge(LEVEL_LABELS[r.current], maturityGapColor(r.current, r.target)))),
          cell(p(lozenge(LEVEL_LABELS[r.target], 'blue'))),
          cell(p(t(gap === 0 ? 'On target' : `${plural(gap, 'level')} below`))),
        ]);
      }),
    ),
  );
  return blocks;
}

function evidenceLine(ctx: Ctx, e: EvidenceItem): Inline[] {
  return [
    issueRef(ctx, e.issueKey),
    t(' '),
    lozenge(STATUS_CATEGORY_LABELS[e.statusCategory], STATUS_CATEGORY_COLORS[e.statusCategory]),
    t(` ${e.ageDays} d${e.stale ? ' (stale)' : ''} · ${safeLine(e.summary, ctx.maxText, '(no summary)')}`),
  ];
}

function evidenceCell(ctx: Ctx, c: ClauseGap): TableCellDefinition {
  if (c.evidence.length === 0) return cell(p(t('No evidence mapped.')));
  const shown = c.evidence.slice(0, ctx.maxCards);
  const blocks: TableCellDefinition['content'] = [bullets(shown.map((e) => evidenceLine(ctx, e)))];
  const total = c.evidenceBeyond?.approxTotal ?? c.evidence.length;
  const more = total - shown.length;
  if (more > 0) {
    const href = jqlSearchUrl(ctx.site, clauseEvidenceJql(ctx.projectKey, c.clauseId));
    const label = c.evidenceBeyond !== undefined ? `and about ${more} more; the most recently updated are listed (open the search in Jira)` : `and ${more} more (open the search in Jira)`;
    blocks.push(p(link({ href })(label) as Inline));
  }
  return cell(...blocks);
}

/** The plan's work items of the clause: implementation work, open or done, never evidence (src/domain/gap/issue-roles.ts). */
function plannedWorkCell(ctx: Ctx, c: ClauseGap): TableCellDefinition {
  if (c.plannedWork.length === 0) return cell(p(t('None planned.')));
  const shown = c.plannedWork.slice(0, ctx.maxCards);
  const open = c.plannedWork.filter((w) => !w.done).length;
  const blocks: TableCellDefinition['content'] = [
    p(t(`${open} open, ${c.plannedWork.length - open} done`)),
    bullets(shown.map((w) => [issueRef(ctx, w.issueKey), t(' '), lozenge(w.done ? 'Done' : 'Open', w.done ? 'green' : 'neutral')])),
  ];
  if (c.plannedWork.length > shown.length) blocks.push(p(t(`and ${c.plannedWork.length - shown.length} more`)));
  return cell(...blocks);
}

function findingsCell(ctx: Ctx, c: ClauseGap): TableCellDefinition {
  const all = distinctFindings(c.openFindings);
  if (all.length === 0) return cell(p(t('None.')));
  const shown = all.slice(0, ctx.maxCards);
  const blocks: TableCellDefinition['content'] = [
    bullets(
      shown.map((f) => [
        issueRef(ctx, f.id),
        t(' '),
        lozenge(FINDING_GRADE_LABELS[f.grade], FINDING_GRADE_COLORS[f.grade]),
        t(` ${safeLine(f.summary, ctx.maxText, '(no summary)')}`),
      ]),
    ),
  ];
  if (all.length > shown.length) blocks.push(p(t(`and ${all.length - shown.length} more`)));
  return cell(...blocks);
}

function resultCell(ctx: Ctx, c: ClauseGap): TableCellDefinition {
  const how = c.proposed
    ? 'Proposed from evidence'
    : `Set${(c.setByName ?? c.setBy) ? ` by ${safeLine(c.setByName ?? c.setBy ?? '', 80, '?')}` : ''}${c.setAt ? ` on ${formatDay(c.setAt)}` : ''}`;
  const content: TableCellDefinition['content'] = [p(lozenge(resultLabel(c.result), CONFORMITY_RESULT_COLORS[c.result])), p(t(how))];
  if (c.note) {
    const note = safeLine(c.note, ctx.maxText, '');
    if (note) content.push(p(t(`Note: ${note}`)));
  }
  return cell(...content);
}

function clauseRow(ctx: Ctx, c: ClauseGap): TableRowDefinition {
  return tableRow([
    cell(p(t(c.clauseId))),
    cell(p(t(c.title))),
    resultCell(ctx, c),
    evidenceCell(ctx, c),
    plannedWorkCell(ctx, c),
    findingsCell(ctx, c),
    cell(c.warnings.length === 0 ? p(t('None.')) : bullets(c.warnings.map((w) => [t(safeLine(w.message, 2 * ctx.maxText, w.code))]))),
  ]);
}

function groupTable(input: GapReportInput, ctx: Ctx, g: GroupReadiness, level: 2 | 3, collapsed: ReadonlyMap<string, ClauseGap[]>): BlockContent[] {
  const folded = collapsed.get(g.groupId) ?? [];
  const foldedIds = new Set(folded.map((c) => c.clauseId));
  const clauses = input.gaps.clauses.filter((c) => c.groupId === g.groupId && !foldedIds.has(c.clauseId));
  const blocks: BlockContent[] = [heading({ level })(t(`${g.groupId} ${g.title}: readiness ${pct(g.figures.percent)}`))];
  if (clauses.length > 0) {
    const rows = table(headerRow(['Clause', 'Title', 'Result', 'Evidence', 'Implementation work', 'Open findings', 'Warnings']), ...clauses.map((c) => clauseRow(ctx, c)));
    // On the report page each group's table sits in an expand (closed in Confluence), so the page reads as the summary first.
    blocks.push(level === 3 ? expand({ title: `${plural(clauses.length, 'clause')} with results, evidence, findings or planned work` })(rows) : rows);
  }
  if (folded.length > 0) {
    blocks.push(
      p(
        bold(`Not assessed yet, with no evidence, findings or planned work (${folded.length}): `),
        t(folded.map((c) => `${c.clauseId} ${c.title}`).join('; ')),
      ),
    );
  }
  return blocks;
}

/** "Clause by clause" and, under it, when and against what the tables were generated (read before the tables, not under maturity). */
function clauseByClauseHead(input: GapReportInput, ctx: Ctx): BlockContent[] {
  return [heading({ level: 2 })(t('Clause by clause')), ...titleBlocks(input, ctx)];
}

function gapSection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  const collapsed = notAssessedByGroup(input.gaps);
  return [...clauseByClauseHead(input, ctx), ...input.gaps.readiness.byGroup.flatMap((g) => groupTable(input, ctx, g, 3, collapsed))];
}

function phaseSection(phases: readonly ReportPhase[], ctx: Ctx): BlockContent[] {
  const blocks: BlockContent[] = [heading({ level: 2 })(t('Implementation progress by phase'))];
  if (phases.length === 0) {
    blocks.push(p(t('No implementation plan yet. Create the phases and their epics on the Plan page to follow progress here.')));
    return blocks;
  }
  blocks.push(
    table(
      headerRow(['Phase', 'Epic', 'Done', 'In progress', 'To do', 'Progress']),
      ...phases.map((ph) => {
        const total = ph.done + ph.inProgress + ph.toDo;
        const progress = total === 0 ? 'No issues yet' : pct(Math.round((ph.done / total) * 1000) / 10);
        return tableRow([
          cell(p(t(safeLine(ph.name, ctx.maxText, '(unnamed phase)')))),
          cell(ph.epicKey ? p(issueRef(ctx, ph.epicKey)) : p(t('No epic'))),
          cell(p(t(String(ph.done)))),
          cell(p(t(String(ph.inProgress)))),
          cell(p(t(String(ph.toDo)))),
          cell(p(t(progress))),
        ]);
      }),
    ),
  );
  return blocks;
}

/** The register rows used when none is given: the four known implementation challenges, all open. */
export function defaultChallengeRows(): ChallengeRegisterRow[] {
  return CHALLENGES.map((c) => ({
    challengeId: c.id,
    title: c.title,
    status: 'open',
    note: c.definition,
    relatedClauses: [...c.relatedClauses],
  }));
}

function riskSection(rows: readonly ChallengeRegisterRow[] | undefined, ctx: Ctx): BlockContent[] {
  const open = (rows ?? defaultChallengeRows()).filter((r) => r.status !== 'resolved');
  const blocks: BlockContent[] = [heading({ level: 2 })(t('Open risks from the implementation challenges'))];
  if (open.length === 0) {
    blocks.push(p(t('No open risks: every challenge in the register is marked resolved.')));
    return blocks;
  }
  blocks.push(
    table(
      headerRow(['Challenge', 'Status', 'Related clauses', 'Note']),
      ...open.map((r) => {
        const known = CHALLENGES.find((c) => c.id === r.challengeId);
        const title = safeLine(r.title ?? known?.title, ctx.maxText, safeLine(r.challengeId, 80, '(unnamed)'));
        const clauses = r.relatedClauses ?? known?.relatedClauses ?? [];
        return tableRow([
          cell(p(t(title))),
          cell(p(lozenge(r.status === 'open' ? 'Open' : 'Watching', r.status === 'open' ? 'red' : 'yellow'))),
          cell(p(t(clauses.length > 0 ? safeLine(clauses.join(', '), ctx.maxText, '—') : '—'))),
          cell(p(t(safeLine(r.note, ctx.maxText, '—')))),
        ]);
      }),
    ),
  );
  return blocks;
}

function changeLines(list: readonly ClauseChange[], titles: ReadonlyMap<ClauseId, string>): Inline[][] {
  return list.map((ch) => [
    t(`${safeLine(ch.clauseId, 40, '?')} ${titles.get(ch.clauseId) ?? ''}: from ${ch.from ? resultLabel(ch.from).toLowerCase() : 'not in the previous publish'} to `),
    lozenge(resultLabel(ch.to), CONFORMITY_RESULT_COLORS[ch.to]),
  ]);
}

function evidenceMoveLines(ctx: Ctx, moves: ReportDelta['evidenceAdded'], titles: ReadonlyMap<ClauseId, string>, what: string): Inline[][] {
  return moves.map((m) => {
    const head = t(`${m.clauseId} ${titles.get(m.clauseId) ?? ''}: ${m.approximate === true ? 'about ' : ''}${plural(m.count, 'issue')} ${what}`);
    const shown = m.keys.slice(0, ctx.maxCards);
    if (shown.length === 0) return [head];
    const cards = shown.flatMap((k, i) => (i === 0 ? [issueRef(ctx, k)] : [t(', '), issueRef(ctx, k)]));
    return [head, t(': '), ...cards, ...(m.keys.length > shown.length ? [t(` and ${m.keys.length - shown.length} more`)] : [])];
  });
}

function changesSection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  const blocks: BlockContent[] = [heading({ level: 3 })(t('What changed since the previous publish'))];
  const d = reportDelta(input.previous, input.gaps);
  if (!d.hasPrevious) {
    blocks.push(p(t('This is the first publish. Later publishes say here which clauses moved and which evidence was added or went stale.')));
    return blocks;
  }
  const titles = new Map(input.gaps.clauses.map((c) => [c.clauseId, c.title]));
  blocks.push(p(t(`Compared with the publish of ${d.previousAt ? formatDate(d.previousAt) : 'an earlier date'}.`)));
  const unknown = 'The previous publish kept no list of evidence, so added evidence is shown from the next publish on.';
  if (deltaIsEmpty(d)) {
    blocks.push(p(t(d.evidenceUnknown ? `No clause changed its result. ${unknown}` : 'No clause changed its result and no evidence was added or went stale.')));
    return blocks;
  }
  const list = (title: string, items: Inline[][]): void => {
    if (items.length > 0) blocks.push(p(bold(`${title} (${items.length})`)), bullets(items));
  };
  list('Improved', changeLines(d.improved, titles));
  list('Regressed', changeLines(d.regressed, titles));
  list('Other changes', changeLines(d.otherChanges, titles));
  list('Evidence added', evidenceMoveLines(ctx, d.evidenceAdded, titles, 'added'));
  list('Evidence gone stale', evidenceMoveLines(ctx, d.evidenceGoneStale, titles, 'gone stale'));
  if (d.evidenceUnknown) blocks.push(p(t(unknown)));
  return blocks;
}

function appendix(input: GapReportInput): BlockContent[] {
  const overall = input.gaps.readiness.overall;
  return [
    heading({ level: 2 })(t('Appendix: how the figures are made')),
    expand({ title: 'Readiness formula, proposed results and audit findings' })(
      ...READINESS_FORMULA.split('\n').map((line) => p(t(line))),
      p(t(`Overall: ${formatReadiness(overall)} (${plural(overall.clauseCount, 'clause')}).`)),
      ...input.gaps.readiness.byGroup.map((g) => p(t(`${g.groupId} ${g.title}: ${formatReadiness(g.figures)}`))),
      ...PROPOSAL_RULES_TEXT.split('\n').map((line) => p(t(line))),
      ...ISSUE_ROLE_RULE_TEXT.split('\n').map((line) => p(t(line))),
      ...FINDING_CONVENTION_TEXT.split('\n').map((line) => p(t(line))),
    ),
  ];
}

/** Key of the app's Confluence macro in manifest.yml (modules.macro). */
export const READINESS_MACRO_KEY = 'sms-readiness';
export const READINESS_MACRO_TITLE = 'SMS readiness';

/**
 * The "SMS readiness" macro as Confluence stores a Forge macro in ADF (docs/forge-facts.md): an `extension`
 * node of type com.atlassian.ecosystem whose key is `<app id>/<environment id>/static/<macro key>`, with the
 * macro's configuration in `parameters.guestParams` (mirrored in `parameters.config`).
 */
export function readinessMacroNode(m: ReadinessMacroRef): BlockContent {
  const key = `${m.appId}/${m.environmentId}/static/${READINESS_MACRO_KEY}`;
  const localId = macroLocalId(m.projectId);
  const config = { projectId: m.projectId, projectKey: m.projectKey };
  return extension({
    extensionType: 'com.atlassian.ecosystem',
    extensionKey: key,
    text: READINESS_MACRO_TITLE,
    // Wide, as Confluence's macro width option: the maturity heatmap's 19 columns do not fit the fixed page column.
    layout: 'wide',
    localId,
    parameters: {
      localId,
      extensionId: `ari:cloud:ecosystem::extension/${key}`,
      extensionTitle: READINESS_MACRO_TITLE,
      forgeEnvironment: m.environmentType,
      layout: 'extension',
      guestParams: config,
      config,
    },
  }) as BlockContent;
}

/** A stable UUID-shaped local id per project, so republishing leaves the macro node unchanged. */
export function macroLocalId(projectId: string): string {
  const digits = projectId.replace(/\D/g, '').slice(-12).padStart(12, '0');
  return `5a5ead1e-0000-4000-8000-${digits}`;
}

/** The clause register as a Confluence page body ("Evidence matrix"): the export's content, evidence as inline cards. */
export function buildEvidenceMatrixAdf(input: GapReportInput): DocNode {
  const ctx = context(input);
  const rows = clauseRegister(input.gaps);
  // The inline card shows the issue's key, summary and status (a smart link): the text beside it adds only what the card
  // does not show; a reference that is not an issue key (shown as text) gets its summary too.
  const cards = (items: readonly { key: string; summary: string }[], label: (i: number) => string, none: string): TableCellDefinition => {
    if (items.length === 0) return cell(p(t(none)));
    const shown = items.slice(0, ctx.maxCards);
    const extra = (item: { key: string; summary: string }, i: number): string =>
      ` ${isIssueKey(item.key) ? '' : `${safeLine(item.summary, ctx.maxText, '(no summary)')} `}${label(i)}`;
    const blocks: TableCellDefinition['content'] = [bullets(shown.map((item, i) => [issueRef(ctx, item.key), t(extra(item, i))]))];
    if (items.length > shown.length) blocks.push(p(t(`and ${items.length - shown.length} more (see the XLSX export)`)));
    return cell(...blocks);
  };
  const evidenceCards = (r: RegisterRow): TableCellDefinition => {
    const c = cards(r.evidence, (i) => { const e = r.evidence[i]; return e === undefined ? '' : `(${evidenceAgeText(e)})`; }, 'None');
    if (r.evidenceBeyond === undefined) return c;
    const more = r.evidenceBeyond - Math.min(r.evidence.length, ctx.maxCards);
    if (more <= 0) return c;
    const href = jqlSearchUrl(ctx.site, clauseEvidenceJql(ctx.projectKey, r.clauseId));
    return cell(...c.content.filter((b) => b.type !== 'paragraph' || r.evidence.length === 0), p(link({ href })(`and about ${more} more; the most recently updated are listed (open the search in Jira)`) as Inline));
  };
  const row = (r: RegisterRow): TableRowDefinition =>
    tableRow([
      cell(p(t(r.clauseId))),
      cell(p(t(r.title))),
      cell(p(t(r.result))),
      cell(p(t(safeLine(r.setBy, ctx.maxText, '—')))),
      cell(p(t(safeLine(r.why, ctx.maxText, '—')))),
      evidenceCards(r),
      cards(r.findings, (i) => r.findings[i]?.grade ?? '', 'None'),
      cards(r.plannedWork, (i) => `(${r.plannedWork[i]?.status ?? ''})`, 'None'),
    ]);
  return doc(
    p(
      t(
        `The clause register of project ${safeLine(input.projectKey, 40, '?')} on ${formatDate(input.generatedAt)}: every clause with its result, who set it and why, ` +
          'the evidence with its status and age, open findings and planned work. Planned work is the implementation plan, not evidence. ' +
          'The same rows can be downloaded as XLSX or CSV from the Gap report page of SMS Navigator.',
      ),
    ),
    // Eight columns of sentences and cards: the table breaks out of the page's fixed width, as Confluence's
    // "full width" table option does, instead of squeezing each column to a word per line.
    { ...table(headerRow(['Clause', 'Title', 'Result', 'Set by', 'Why', 'Evidence', 'Open findings', 'Planned work']), ...rows.map(row)), attrs: { layout: 'full-width', isNumberColumnEnabled: false } },
  );
}

function context(input: GapReportInput): Ctx {
  const o = input.options ?? {};
  return {
    site: normaliseSiteBaseUrl(input.siteBaseUrl),
    projectKey: input.projectKey,
    maxCards: Math.max(0, Math.floor(o.maxEvidencePerClause ?? REPORT_DEFAULTS.maxEvidencePerClause)),
    maxText: Math.max(20, Math.floor(o.maxTextLength ?? REPORT_DEFAULTS.maxTextLength)),
    maxScope: Math.max(100, Math.floor(o.maxScopeLength ?? REPORT_DEFAULTS.maxScopeLength)),
  };
}

function overviewBlocks(input: GapReportInput, ctx: Ctx): BlockContent[] {
  return [
    ...(input.macro !== undefined ? [readinessMacroNode(input.macro)] : []),
    ...summarySection(input, ctx),
    ...scopeSection(input, ctx),
    ...maturitySection(input.maturity, ctx),
  ];
}

function closingBlocks(input: GapReportInput, ctx: Ctx): BlockContent[] {
  return [
    ...phaseSection(input.phases, ctx),
    ...riskSection(input.challenges, ctx),
    ...appendix(input),
  ];
}

/** The whole gap report as one ADF document. Throws ValidationError for an invalid site URL. */
export function buildGapReportAdf(input: GapReportInput): DocNode {
  const ctx = context(input);
  return doc(...overviewBlocks(input, ctx), ...gapSection(input, ctx), ...closingBlocks(input, ctx));
}

export interface GroupReportPage {
  groupId: string;
  /** Suggested child page title, e.g. "8 Operation of the service management system". */
  title: string;
  doc: DocNode;
}

export interface SplitGapReport {
  /** Summary, scope, maturity, phases, risks, changes and formula; the clause tables live on the group pages. */
  overview: DocNode;
  groups: GroupReportPage[];
}

/** The report cut into an overview page and one page per top-level clause (4..10), for pages over the size limit. */
export function splitReportByGroup(input: GapReportInput): SplitGapReport {
  const ctx = context(input);
  const byGroup = input.gaps.readiness.byGroup;
  const overview = doc(
    ...overviewBlocks(input, ctx),
    ...clauseByClauseHead(input, ctx),
    p(t('The clause-by-clause tables are on the child pages of this page, one per top-level clause:')),
    bullets(byGroup.map(groupReadinessLine)),
    ...closingBlocks(input, ctx),
  );
  const groups = byGroup.map((g) => ({
    groupId: g.groupId,
    title: `${g.groupId} ${g.title}`,
    doc: doc(...titleBlocks(input, ctx, `${g.groupId} ${g.title}`), p(...groupReadinessLine(g)), ...groupTable(input, ctx, g, 2, notAssessedByGroup(input.gaps))),
  }));
  return { overview, groups };
}

/** Size in bytes of the document serialized as JSON (UTF-8), the form sent as the page body. */
export function estimateAdfBytes(document: DocNode): number {
  return utf8Length(JSON.stringify(document));
}
