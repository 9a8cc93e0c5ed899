/**
 * Payloads and responses of the gap report resolvers (getGapReport, setClauseResult, previewReport,
 * startPublishReport) and the result of a 'publish-report' job. Types only: `static/` imports them via `@contract/*`.
 */
import type { Heatmap } from '../domain/assessment';
import type { ConformityResult, FindingGrade } from '../domain/vocabulary';
import type { EvidenceItem, GapWarningCode, PlannedWorkItem, ReadinessFigures } from '../domain/gap/gap-model';
import type { PeopleNames } from './people';

/** One evidence issue of a clause as the UI shows it: the domain's evidence item without its evidence kinds. */
export type EvidenceView = Omit<EvidenceItem, 'kinds'>;

/** An open audit finding on a clause: a mapped Jira issue with a finding label (src/domain/gap/finding-labels.ts). */
export interface FindingView {
  issueKey: string;
  summary: string;
  grade: FindingGrade;
  /** Plain name of the grade, e.g. "Major nonconformity". */
  gradeTitle: string;
}

/** One label of the finding convention. */
export interface FindingLabelView {
  grade: FindingGrade;
  /** The Jira label, e.g. "sms-major-nc". */
  label: string;
  title: string;
}

export interface GapWarningView {
  code: GapWarningCode;
  message: string;
}

export interface ClauseGapView {
  clauseId: string;
  title: string;
  /** Top-level clause '4'..'10'. */
  groupId: string;
  /** Nesting depth in the catalogue (1 = top-level clause). */
  depth: number;
  result: ConformityResult;
  /** true when the app proposed the result from evidence (nobody set one). */
  proposed: boolean;
  /** Id of the proposal rule that gave the result, 'user-set' when a person set it. */
  ruleId: string;
  note: string | null;
  setBy: string | null;
  setAt: string | null;
  /** Version of the stored clause record (0 = never set); send it back to setClauseResult. */
  version: number;
  /** At most GAP_VIEW_EVIDENCE_PER_CLAUSE items; `evidenceCount` has the full number. */
  evidence: EvidenceView[];
  evidenceCount: number;
  /** JQL (values escaped) of every issue of the project mapped to the clause: the full evidence list in Jira. */
  evidenceJql: string;
  /** The plan's work items for the clause (open first, then done): implementation work, never evidence. */
  plannedWork: PlannedWorkItem[];
  /** Open audit findings on the clause, most severe first. */
  findings: FindingView[];
  warnings: GapWarningView[];
}

export interface GroupReadinessView {
  groupId: string;
  title: string;
  figures: ReadinessFigures;
  /** The formula with this group's figures filled in. */
  formula: string;
}

/** What the Gap report tab shows. */
export interface GapReportView {
  projectKey: string;
  generatedAt: string;
  maxEvidenceAgeDays: number;
  clauses: ClauseGapView[];
  readiness: { overall: ReadinessFigures; overallFormula: string; byGroup: GroupReadinessView[] };
  /** READINESS_FORMULA, one sentence per line. */
  formula: string;
  /** PROPOSAL_RULES_TEXT, one rule per line. */
  proposalRules: string;
  /** ISSUE_ROLE_RULE_TEXT: what counts as evidence, planned work and findings, one sentence per line. */
  evidenceRule: string;
  warningCount: number;
  evidenceCount: number;
  /** Distinct open audit findings (issues) over all clauses. */
  openFindingCount: number;
  /** The labels that make a mapped issue an audit finding, and the convention in plain sentences (one per line). */
  findingLabels: FindingLabelView[];
  findingConvention: string;
  /** True when the in-app view stopped reading issues early (time or size budget); publishing reads them all. */
  evidenceTruncated: boolean;
  /** Which other parts of the app had data for the report. */
  sources: { scope: boolean; maturity: boolean; plan: boolean; challenges: boolean };
  canEdit: boolean;
  publication: PublicationView | null;
  settings: { configured: boolean; confluenceSpaceKey: string | null; confluenceParentPageId: string | null };
  /** Display names of the clauses' `setBy` and of `publication.lastPublishedBy`. */
  people: PeopleNames;
}

export interface PublicationView {
  pageId: string;
  title: string;
  spaceKey: string;
  pageVersion: number;
  /** Relative link to the page in Confluence (`/wiki/spaces/KEY/pages/ID`). */
  pagePath: string;
  lastPublishedAt: string;
  lastPublishedBy: string;
  split: boolean;
}

export type GetGapReportPayload = Record<string, never>;

export interface SetClauseResultPayload {
  clauseId: string;
  /** null = clear the user's result, so the app proposes one again. */
  result: ConformityResult | null;
  note?: string;
  /** The clause record version the user saw (0 when never set). */
  expectedVersion: number;
}

export interface ClauseRecordView {
  clauseId: string;
  result: ConformityResult | null;
  note: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
  /** Display name of `updatedBy`. */
  people: PeopleNames;
}

/** `previewReport` takes no fields: issue links use the site address of the trusted resolver context. */
export type PreviewReportPayload = Record<string, never>;

export interface PreviewReportResponse {
  title: string;
  /** Size of the page body as sent to Confluence. */
  bytes: number;
  limitBytes: number;
  /** True when the report is over the limit and would be split into one child page per clause group. */
  willSplit: boolean;
  /** The page body (ADF). When split: the overview page. */
  adf: unknown;
  /** Child page titles when split. */
  childTitles: string[];
  evidenceTruncated: boolean;
}

/** The site address for issue links comes from the trusted resolver context, never from the payload. */
export interface StartPublishReportPayload {
  /** Also keep a dated snapshot child page. */
  snapshot?: boolean;
}

export interface StartPublishReportResponse {
  jobId: string;
  alreadyRunning: boolean;
}

export type GetClauseRegisterPayload = Record<string, never>;

/** The clause register as text cells, header row first: exactly what the XLSX and CSV exports hold. */
export interface ClauseRegisterView {
  projectKey: string;
  generatedAt: string;
  rows: string[][];
  /** The same rows as CSV (RFC 4180, formulas defused), for the CSV download. */
  csv: string;
  /** True when the project has more mapped issues than one call may read: the Evidence matrix page in Confluence has them all. */
  truncated: boolean;
}

/** `result` of a finished 'publish-report' job. */
export interface PublishReportResultView {
  pageId: string;
  title: string;
  pageVersion: number;
  pagePath: string;
  created: boolean;
  split: boolean;
  childPageIds: string[];
  snapshotPageId: string | null;
  /** The "Evidence matrix" child page (the clause register); null when it could not be written. */
  evidenceMatrixPageId?: string | null;
  bytes: number;
  evidenceCount: number;
  searchPages: number;
  conflictsRetried: number;
}

export type GetReadinessMacroPayload = Record<string, never>;

/** The macro's configuration form: projects whose key or name contains `query` (empty: the first ones). */
export interface ListMacroProjectsPayload {
  query?: string;
}

/** The projects the viewer may browse (Jira lists them as the viewer), for the macro's project picker. */
export interface MacroProjectsView {
  projects: { id: string; key: string; name: string }[];
  /** More projects match than are listed: type more of the key or name. */
  more: boolean;
}

/** What the "SMS readiness" Confluence macro shows: live readiness per group, the maturity heatmap, the trend over publishes. */
export interface ReadinessMacroView {
  projectKey: string;
  generatedAt: string;
  overall: number;
  groups: { groupId: string; title: string; percent: number }[];
  /** Readiness at each publish, oldest first, then now (`live: true`). */
  trend: { at: string; percent: number; live: boolean }[];
  heatmap: Heatmap;
  assessedUnits: number;
  /** True when the live figures read only part of the mapped issues (very large projects). */
  truncated: boolean;
}
