/**
 * The management review pack (ISO/IEC 20000-1 9.3): what top management looks at, assembled from the project's
 * data. The pack is a pure model (sections of figures and rows, every figure with its JQL); review-pack-adf.ts
 * renders it as the Confluence page. Decisions and actions of the meeting are recorded afterwards as Jira issues
 * linked to the review; the pack lists the actions of the previous review and where they stand.
 *
 * Section wording is our own short paraphrase of the review inputs.
 */
import { type ChallengeRegisterRow } from '../report/report-input';
import { type StatusCategory, STATUS_CATEGORY_LABELS } from '../gap/gap-model';
import { type FindingGrade, FINDING_GRADES, FINDING_GRADE_LABELS } from '../vocabulary';
import { type KpiRow } from '../evaluation/phase-evaluation';
import { LEVEL_LABELS, type MaturityLevel } from '../maturity/maturity-model';
import { type TracedFigure, andJql, exactFigure, keyListFigure, labelsJql, projectJql } from '../traced-figure';
import { FINDING_LABELS } from '../gap/finding-labels';
import { escapeJqlString } from '../jql-value';
import { type CorrectiveAction, type Nonconformity, NONCONFORMITY_STAGE_LABELS, countNonconformities, nonconformityState } from './nonconformity';
import { pageDay } from '../page-dates';

/** Label the app puts on the Jira issues that record a review's decisions and actions. */
export const REVIEW_ACTION_LABEL = 'sms-review-action';

export interface ReviewAudit {
  auditKey: string;
  title: string;
  start: string;
  end: string;
  clauseCount: number;
  /** Findings raised from the audit, by grade. */
  findings: Readonly<Record<FindingGrade, number>>;
}

export interface ReviewIssue {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
}

export interface ReviewMaturityChange {
  unitId: string;
  unitName: string;
  from: MaturityLevel;
  to: MaturityLevel;
  target: MaturityLevel;
}

export interface ReviewScopeChange {
  version: number;
  at: string;
  /** Plain lines from the scope diff (formatScopeDiff). */
  lines: readonly string[];
}

export interface ReviewPackInput {
  projectKey: string;
  projectName: string;
  siteBaseUrl: string;
  generatedAt: string;
  /** yyyy-mm-dd of the meeting. */
  reviewDate: string;
  /** yyyy-mm-dd; from when audits, changes and trends are reported (the previous review, or the start). */
  periodStart: string;
  audits: readonly ReviewAudit[];
  nonconformities: readonly Nonconformity[];
  actions: readonly CorrectiveAction[];
  kpis: readonly KpiRow[];
  maturity: readonly ReviewMaturityChange[];
  scopeChanges: readonly ReviewScopeChange[];
  risks: readonly ChallengeRegisterRow[];
  /** KPI ids that measure customer satisfaction (their rows go to that section). */
  customerSatisfactionKpiIds: readonly string[];
  /** Complaints in the period, when the project counts them (a JQL the service confined to the project). */
  complaints?: TracedFigure;
  /** The actions recorded at the previous review (REVIEW_ACTION_LABEL issues). */
  previousActions: readonly ReviewIssue[];
}

/** One cell of a pack table. */
export type PackCell =
  | { kind: 'text'; text: string }
  | { kind: 'issue'; issueKey: string }
  | { kind: 'status'; text: string; tone: 'good' | 'warn' | 'bad' | 'neutral' };

export interface PackTable {
  header: string[];
  rows: PackCell[][];
}

export const REVIEW_SECTION_IDS = [
  'previous-actions',
  'scope-changes',
  'audit-results',
  'nonconformities',
  'kpi-trends',
  'maturity',
  'customer-satisfaction',
  'risks',
  'decisions',
] as const;
export type ReviewSectionId = (typeof REVIEW_SECTION_IDS)[number];

export interface PackSection {
  id: ReviewSectionId;
  title: string;
  intro: string;
  figures: TracedFigure[];
  table: PackTable | null;
  /** Shown when the section has no rows. */
  empty: string;
}

export interface ReviewPack {
  title: string;
  subtitle: string;
  siteBaseUrl: string;
  sections: PackSection[];
}

const text = (value: string): PackCell => ({ kind: 'text', text: value });
const issue = (issueKey: string): PackCell => ({ kind: 'issue', issueKey });
const status = (value: string, tone: 'good' | 'warn' | 'bad' | 'neutral'): PackCell => ({ kind: 'status', text: value, tone });
const num = (n: number | null, unit = ''): string => (n === null ? '—' : `${Math.round(n * 100) / 100}${unit === '' ? '' : ` ${unit}`}`);
const statusTone = (c: StatusCategory): 'good' | 'warn' | 'neutral' => (c === 'done' ? 'good' : c === 'indeterminate' ? 'warn' : 'neutral');

function kpiTable(rows: readonly KpiRow[]): PackTable {
  return {
    header: ['KPI', 'Baseline', 'Now', 'Target', 'Trend'],
    rows: rows.map((k) => [
      text(k.name),
      text(num(k.baseline, k.unit)),
      text(num(k.now, k.unit)),
      text(num(k.target, k.unit)),
      k.improved === null ? status('No measurement', 'neutral') : k.targetMet ? status('Target met', 'good') : k.improved ? status('Improving', 'warn') : status('Not improving', 'bad'),
    ]),
  };
}

function kpiFigures(rows: readonly KpiRow[]): TracedFigure[] {
  return rows.flatMap((k) => (k.jql !== null && k.now !== null ? [exactFigure(`${k.name} (latest measurement)`, k.now, k.jql)] : []));
}

/** The pack's content, section by section, from the data. Pure. */
export function buildReviewPack(input: ReviewPackInput): ReviewPack {
  const { projectKey } = input;
  const project = projectJql(projectKey);
  const counts = countNonconformities(projectKey, input.nonconformities, input.actions, input.reviewDate);
  const states = input.nonconformities.map((nc) => nonconformityState(nc, input.actions, input.reviewDate));
  const satisfaction = new Set(input.customerSatisfactionKpiIds);
  const previousOpen = input.previousActions.filter((a) => a.statusCategory !== 'done').map((a) => a.issueKey);
  const reviewActionsJql = andJql(project, `labels = ${escapeJqlString(REVIEW_ACTION_LABEL)}`);
  const findingTotals = FINDING_GRADES.map((g) => input.audits.reduce((a, x) => a + x.findings[g], 0));

  const sections: PackSection[] = [
    {
      id: 'previous-actions',
      title: 'Actions from the previous review',
      intro: 'What the last review decided, and where each action stands now.',
      figures: [
        exactFigure('Actions from the previous review', input.previousActions.length, reviewActionsJql),
        keyListFigure('Of these, not done', projectKey, previousOpen, reviewActionsJql),
      ],
      table: { header: ['Action', 'Summary', 'Status'], rows: input.previousActions.map((a) => [issue(a.issueKey), text(a.summary), status(STATUS_CATEGORY_LABELS[a.statusCategory], statusTone(a.statusCategory))]) },
      empty: 'No actions were recorded at a previous review.',
    },
    {
      id: 'scope-changes',
      title: 'Changes to the scope and context of the SMS',
      intro: `Saved versions of the scope since ${input.periodStart}.`,
      figures: [],
      table: { header: ['Version', 'Saved', 'What changed'], rows: input.scopeChanges.map((c) => [text(String(c.version)), text(pageDay(c.at) ?? c.at.slice(0, 10)), text(c.lines.length === 0 ? 'No visible change.' : c.lines.join(' '))]) },
      empty: 'The scope did not change in this period.',
    },
    {
      id: 'audit-results',
      title: 'Results of internal audits',
      intro: 'Audits held in the period and the findings raised from them.',
      figures: FINDING_GRADES.map((g, i) => ({
        label: `Findings raised: ${FINDING_GRADE_LABELS[g].toLowerCase()}`,
        value: findingTotals[i] ?? 0,
        jql: andJql(project, labelsJql([FINDING_LABELS[g]]), `created >= ${escapeJqlString(input.periodStart)}`),
        exact: false,
      })),
      table: {
        header: ['Audit', 'Title', 'Dates', 'Clauses', 'Findings'],
        rows: input.audits.map((a) => [
          issue(a.auditKey),
          text(a.title),
          text(`${a.start} to ${a.end}`),
          text(String(a.clauseCount)),
          text(FINDING_GRADES.filter((g) => a.findings[g] > 0).map((g) => `${a.findings[g]} ${FINDING_GRADE_LABELS[g].toLowerCase()}`).join(', ') || 'none'),
        ]),
      },
      empty: 'No internal audit was held in this period.',
    },
    {
      id: 'nonconformities',
      title: 'Nonconformities and corrective actions',
      intro: 'A nonconformity stays open until its corrective action is verified as effective.',
      figures: [counts.openMajor, counts.openMinor, counts.withoutAction, counts.unverifiedActions, counts.overdueActions],
      table: {
        header: ['Nonconformity', 'Grade', 'Summary', 'Stage', 'Corrective actions'],
        rows: states.map((s) => [
          issue(s.nonconformity.issueKey),
          status(FINDING_GRADE_LABELS[s.nonconformity.grade], s.nonconformity.grade === 'major_nc' ? 'bad' : 'warn'),
          text(s.nonconformity.summary),
          status(NONCONFORMITY_STAGE_LABELS[s.stage], s.open ? (s.overdueActionKeys.length > 0 ? 'bad' : 'warn') : 'good'),
          text(s.actions.length === 0 ? 'none' : s.actions.map((a) => `${a.issueKey} due ${a.dueDate}`).join(', ')),
        ]),
      },
      empty: 'No nonconformity has been raised.',
    },
    {
      id: 'kpi-trends',
      title: 'Performance: KPIs from baseline to now',
      intro: 'Each KPI from its baseline to its latest measurement, against its target.',
      figures: kpiFigures(input.kpis.filter((k) => !satisfaction.has(k.kpiId))),
      table: kpiTable(input.kpis.filter((k) => !satisfaction.has(k.kpiId))),
      empty: 'No KPIs are defined.',
    },
    {
      id: 'maturity',
      title: 'Change in maturity',
      intro: 'Maturity of each unit at the start of the period and now, against its target (TS 20000-5 Table 1).',
      figures: [],
      table: {
        header: ['Unit', 'Then', 'Now', 'Target'],
        rows: input.maturity.map((m) => [
          text(m.unitName),
          text(LEVEL_LABELS[m.from]),
          status(LEVEL_LABELS[m.to], m.to >= m.target ? 'good' : m.to > m.from ? 'warn' : 'bad'),
          text(LEVEL_LABELS[m.target]),
        ]),
      },
      empty: 'No maturity assessment has been taken.',
    },
    {
      id: 'customer-satisfaction',
      title: 'Customer satisfaction and complaints',
      intro: 'Feedback from customers: the satisfaction KPIs and the complaints counted in Jira.',
      figures: [...kpiFigures(input.kpis.filter((k) => satisfaction.has(k.kpiId))), ...(input.complaints !== undefined ? [input.complaints] : [])],
      table: kpiTable(input.kpis.filter((k) => satisfaction.has(k.kpiId))),
      empty: 'No customer satisfaction measure is defined.',
    },
    {
      id: 'risks',
      title: 'Implementation challenges and risks',
      intro: 'The challenge register: risks still open or watched.',
      figures: [],
      table: {
        header: ['Challenge', 'Status', 'Note'],
        rows: input.risks
          .filter((r) => r.status !== 'resolved')
          .map((r) => [text(r.title ?? r.challengeId), status(r.status === 'open' ? 'Open' : 'Watching', r.status === 'open' ? 'bad' : 'warn'), text(r.note ?? '')]),
      },
      empty: 'No open risk in the register.',
    },
    {
      id: 'decisions',
      title: 'Decisions and actions',
      intro: `Recorded after the meeting as Jira issues labelled ${REVIEW_ACTION_LABEL} and linked to the review.`,
      figures: [],
      table: null,
      empty: '',
    },
  ];
  return {
    title: `Management review: ${input.projectName}`,
    subtitle: `Review of ${input.reviewDate}, covering ${input.periodStart} to ${input.reviewDate}. Generated ${input.generatedAt.slice(0, 16).replace('T', ' ')} UTC for project ${projectKey}.`,
    siteBaseUrl: input.siteBaseUrl,
    sections,
  };
}
