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
import { clauseIssuesJql } from '../issue-index';
import { CHALLENGES } from '../challenges';
import { type ClauseId } from '../catalogue/catalogue';
import { ValidationError } from '../errors';
import { type GapChanges } from '../gap/changes-since';
import { FINDING_CONVENTION_TEXT, distinctFindings } from '../gap/finding-labels';
import { type ClauseGap, type EvidenceItem, type GroupReadiness, STATUS_CATEGORY_LABELS, type StatusCategory } from '../gap/gap-model';
import { ISSUE_ROLE_RULE_TEXT } from '../gap/issue-roles';
import { PROPOSAL_RULES_TEXT } from '../gap/proposal-rules';
import { READINESS_FORMULA, formatReadiness } from '../gap/readiness';
import { LEVEL_LABELS, type MaturityLevel } from '../maturity/maturity-model';
import { CONFORMITY_RESULT_LABELS, type ConformityResult, FINDING_GRADE_LABELS, type FindingGrade } from '../vocabulary';
import {
  type BlockContent,
  type DocNode,
  type Inline,
  type PanelDefinition,
  type StatusColor,
  type TableCellDefinition,
  type TableRowDefinition,
  PanelType,
  bullets,
  cell,
  doc,
  expand,
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
  type ReportMaturityRow,
  type ReportPhase,
} from './report-input';
import { safeLine, safeParagraphs, utf8Length } from './safe-text';

export const REPORT_DEFAULTS = {
  maxEvidencePerClause: 10,
  maxTextLength: 300,
  maxScopeLength: 5000,
} as const;

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

export const RESULT_COLORS: Readonly<Record<ConformityResult, StatusColor>> = {
  conformant: 'green',
  partially_conformant: 'yellow',
  nonconformant: 'red',
  not_assessed: 'neutral',
  not_applicable: 'purple',
};

const STATUS_CATEGORY_COLORS: Readonly<Record<StatusCategory, StatusColor>> = {
  done: 'green',
  indeterminate: 'blue',
  new: 'neutral',
};

export const FINDING_GRADE_COLORS: Readonly<Record<FindingGrade, StatusColor>> = {
  major_nc: 'red',
  minor_nc: 'yellow',
  observation: 'blue',
  opportunity_for_improvement: 'purple',
};

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

/** JQL for the issues mapped to a clause: the one definition, src/domain/issue-index.ts. */
export function clauseEvidenceJql(projectKey: string, clauseId: ClauseId): string {
  return clauseIssuesJql(projectKey, clauseId);
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

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return safeLine(iso, 40, 'unknown date');
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function resultLabel(r: ConformityResult): string {
  return CONFORMITY_RESULT_LABELS[r];
}

function pct(n: number): string {
  return `${n} %`;
}

// ---------- sections ----------

function titleBlocks(input: GapReportInput, ctx: Ctx, suffix?: string): BlockContent[] {
  const name = safeLine(input.projectName, ctx.maxText, input.projectKey);
  const base = input.title !== undefined ? safeLine(input.title, ctx.maxText, `Gap report: ${name}`) : `Gap report: ${name}`;
  return [
    heading({ level: 1 })(t(suffix ? `${base} — ${suffix}` : base)),
    p(
      t(
        `Generated ${formatDate(input.generatedAt)} for project ${safeLine(input.projectKey, 40, '?')} against ISO/IEC 20000-1:2018. ` +
          `Evidence not updated for more than ${input.gaps.maxEvidenceAgeDays} days is flagged as stale.`,
      ),
    ),
  ];
}

function groupReadinessLine(g: GroupReadiness): Inline[] {
  return [bold(`${g.groupId} ${g.title}: ${pct(g.figures.percent)}`), t(` — ${formatReadiness(g.figures)}`)];
}

function summarySection(input: GapReportInput): BlockContent[] {
  const { gaps } = input;
  const overall = gaps.readiness.overall;
  const type = overall.percent >= 80 ? PanelType.SUCCESS : overall.percent >= 40 ? PanelType.INFO : PanelType.WARNING;
  const content: PanelDefinition['content'] = [
    p(bold(`Readiness: ${pct(overall.percent)}`), t(` — ${formatReadiness(overall)}`)),
    p(
      t(
        `${gaps.clauses.length} assessable clauses; ${overall.counts.conformant} conformant, ${overall.counts.partially_conformant} partially conformant, ` +
          `${overall.counts.nonconformant} nonconformant, ${overall.counts.not_assessed} not assessed, ${overall.counts.not_applicable} not applicable. ` +
          `${gaps.evidenceCount} Jira issues serve as evidence; ${gaps.warningCount} warnings.`,
      ),
    ),
    bullets(gaps.readiness.byGroup.map(groupReadinessLine)),
  ];
  if (overall.counts.not_applicable > 0) {
    content.push(
      p(
        t(
          `${overall.counts.not_applicable === 1 ? '1 clause is' : `${overall.counts.not_applicable} clauses are`} marked not applicable. ` +
            'ISO/IEC 20000-1 allows no exclusions, so this blocks a conformity claim.',
        ),
      ),
    );
  }
  const blocks: BlockContent[] = [heading({ level: 2 })(t('Summary')), panel({ panelType: type })(...content)];
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
          cell(p(t(gap === 0 ? 'On target' : `${gap} level${gap === 1 ? '' : 's'} below`))),
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
  const more = c.evidence.length - shown.length;
  if (more > 0) {
    const href = jqlSearchUrl(ctx.site, clauseEvidenceJql(ctx.projectKey, c.clauseId));
    blocks.push(p(link({ href })(`and ${more} more (open the search in Jira)`) as Inline));
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
    : `Set${(c.setByName ?? c.setBy) ? ` by ${safeLine(c.setByName ?? c.setBy ?? '', 80, '?')}` : ''}${c.setAt ? ` on ${formatDate(c.setAt).slice(0, 10)}` : ''}`;
  const content: TableCellDefinition['content'] = [p(lozenge(resultLabel(c.result), RESULT_COLORS[c.result])), p(t(how))];
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

function groupTable(input: GapReportInput, ctx: Ctx, g: GroupReadiness, level: 2 | 3): BlockContent[] {
  const clauses = input.gaps.clauses.filter((c) => c.groupId === g.groupId);
  return [
    heading({ level })(t(`${g.groupId} ${g.title} — readiness ${pct(g.figures.percent)}`)),
    table(headerRow(['Clause', 'Title', 'Result', 'Evidence', 'Implementation work', 'Open findings', 'Warnings']), ...clauses.map((c) => clauseRow(ctx, c))),
  ];
}

function gapSection(input: GapReportInput, ctx: Ctx): BlockContent[] {
  return [
    heading({ level: 2 })(t('Clause by clause')),
    ...input.gaps.readiness.byGroup.flatMap((g) => groupTable(input, ctx, g, 3)),
  ];
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

function changeLines(list: GapChanges['improved'], titles: ReadonlyMap<ClauseId, string>): Inline[][] {
  return list.map((ch) => [
    t(`${safeLine(ch.clauseId, 40, '?')} ${titles.get(ch.clauseId) ?? ''}: ${ch.from ? resultLabel(ch.from) : 'not in the last publish'} → `),
    lozenge(resultLabel(ch.to), RESULT_COLORS[ch.to]),
  ]);
}

function changesSection(input: GapReportInput): BlockContent[] {
  const blocks: BlockContent[] = [heading({ level: 2 })(t('What changed since the last publish'))];
  const ch = input.changes;
  if (!ch || !ch.hasPrevious) {
    blocks.push(p(t('This is the first publish. Later publishes list here the clauses whose result improved or regressed.')));
    return blocks;
  }
  const titles = new Map(input.gaps.clauses.map((c) => [c.clauseId, c.title]));
  blocks.push(p(t(`Compared with the publish of ${ch.previousTakenAt ? formatDate(ch.previousTakenAt) : 'an earlier date'}.`)));
  if (ch.improved.length + ch.regressed.length + ch.otherChanges.length === 0) {
    blocks.push(p(t('No clause changed its result.')));
    return blocks;
  }
  blocks.push(heading({ level: 3 })(t(`Improved (${ch.improved.length})`)), bullets(changeLines(ch.improved, titles)));
  blocks.push(heading({ level: 3 })(t(`Regressed (${ch.regressed.length})`)), bullets(changeLines(ch.regressed, titles)));
  if (ch.otherChanges.length > 0) {
    blocks.push(heading({ level: 3 })(t(`Other changes (${ch.otherChanges.length})`)), bullets(changeLines(ch.otherChanges, titles)));
  }
  return blocks;
}

function formulaExpand(input: GapReportInput): BlockContent {
  const overall = input.gaps.readiness.overall;
  return expand({ title: 'How readiness is calculated, results are proposed and findings are read' })(
    ...READINESS_FORMULA.split('\n').map((line) => p(t(line))),
    p(
      t(
        `Overall: numerator ${overall.numerator}, denominator ${overall.denominator} (${overall.clauseCount} clauses, ${overall.excludedNotApplicable} not applicable left out): ${formatReadiness(overall)}.`,
      ),
    ),
    ...PROPOSAL_RULES_TEXT.split('\n').map((line) => p(t(line))),
    ...ISSUE_ROLE_RULE_TEXT.split('\n').map((line) => p(t(line))),
    ...FINDING_CONVENTION_TEXT.split('\n').map((line) => p(t(line))),
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
    ...summarySection(input),
    ...scopeSection(input, ctx),
    ...maturitySection(input.maturity, ctx),
  ];
}

function closingBlocks(input: GapReportInput, ctx: Ctx): BlockContent[] {
  return [
    ...phaseSection(input.phases, ctx),
    ...riskSection(input.challenges, ctx),
    ...changesSection(input),
    formulaExpand(input),
  ];
}

/** The whole gap report as one ADF document. Throws ValidationError for an invalid site URL. */
export function buildGapReportAdf(input: GapReportInput): DocNode {
  const ctx = context(input);
  return doc(...titleBlocks(input, ctx), ...overviewBlocks(input, ctx), ...gapSection(input, ctx), ...closingBlocks(input, ctx));
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
    ...titleBlocks(input, ctx),
    ...overviewBlocks(input, ctx),
    heading({ level: 2 })(t('Clause by clause')),
    p(t('The clause-by-clause tables are on the child pages of this page, one per top-level clause:')),
    bullets(byGroup.map(groupReadinessLine)),
    ...closingBlocks(input, ctx),
  );
  const groups = byGroup.map((g) => ({
    groupId: g.groupId,
    title: `${g.groupId} ${g.title}`,
    doc: doc(...titleBlocks(input, ctx, `${g.groupId} ${g.title}`), p(...groupReadinessLine(g)), ...groupTable(input, ctx, g, 2)),
  }));
  return { overview, groups };
}

/** Size in bytes of the document serialized as JSON (UTF-8), the form sent as the page body. */
export function estimateAdfBytes(document: DocNode): number {
  return utf8Length(JSON.stringify(document));
}
