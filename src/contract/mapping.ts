/**
 * Payloads and responses of the clause-mapping resolvers (issue panel, bulk mapping, coverage). Types only:
 * `static/` imports this through `@contract/*`.
 */
import type { JobStatusName } from './jobs';
import type { EvidenceKind, FindingGrade } from '../domain/vocabulary';
import type { CoverageRow, MappedIssueTally } from '../domain/mapping/coverage';

export type { EvidenceKind };

/** One mapped clause with the kind of evidence the issue gives for it. */
export type { ClauseRef, IssueClauseChange } from '../domain/mapping/mapping-property';
import type { ClauseRef, IssueClauseChange } from '../domain/mapping/mapping-property';

export interface ClauseOption {
  id: string;
  title: string;
  parentId: string | null;
  /** The top-level clause (4 … 10) it sits under, for grouping. */
  topId: string;
  depth: number;
  /** What else finds the clause in a search: the suggestion vocabulary with its synonyms (lower case). */
  terms: string[];
}

export interface ListClausesResponse {
  clauses: ClauseOption[];
  kinds: { id: EvidenceKind; label: string }[];
}

export interface MappedClauseView extends ClauseRef {
  title: string;
  /** JQL (values escaped) finding every issue of the project mapped to this clause. */
  jql: string;
}

export interface SuggestionView {
  clauseId: string;
  title: string;
  score: number;
  /** Calibrated probability (0..1) that the clause applies to the issue; suggestions come ordered by it. */
  confidence: number;
  /** confidence reaches CONFIDENT_SUGGESTION (src/domain/mapping/suggest-confidence.ts). */
  confident: boolean;
  /** Words of the issue that led to the suggestion, strongest first. */
  reasons: string[];
}

export interface IssueClausesResponse {
  issue: { id: string; key: string; summary: string };
  /**
   * The issue is an audit finding (a finding label, src/domain/gap/finding-labels.ts): its grade, the grade's
   * name, the label, and whether it is open (status category not Done). null for any other issue.
   */
  finding: { grade: FindingGrade; title: string; label: string; open: boolean } | null;
  mapped: MappedClauseView[];
  /** Clauses the user rejected as suggestions for this issue (never suggested again). */
  rejected: string[];
  /** At most five, from the issue's own text; mapped and rejected clauses excluded. */
  suggestions: SuggestionView[];
  /** The user holds EDIT_ISSUES on the project (needed to change the mapping). */
  canEdit: boolean;
}

export type GetIssueClausesPayload = Record<string, never>;


export interface SaveIssueClausesPayload {
  changes: IssueClauseChange[];
}

// ---------------------------------------------------------------- bulk mapping

export type BulkMappingSource =
  /** Add `clauses` to every issue of the project matching `jql` (the app ANDs the project). */
  | { source: 'jql'; jql: string; clauses: ClauseRef[] }
  /** Accept the best suggestion of every unmapped issue of the project. */
  | { source: 'suggestions'; kind?: EvidenceKind };

export type PreviewBulkMappingPayload = BulkMappingSource;

export interface BulkPreviewItem {
  issueId: string;
  key: string;
  summary: string;
  before: string[];
  after: ClauseRef[];
  /** Clauses added by this change. */
  added: string[];
  /** For suggestions: the words that led to them. */
  reasons: string[];
  /** For suggestions: calibrated probability (0..1) that the suggested clause applies. */
  confidence?: number;
  /** For suggestions: confidence reaches CONFIDENT_SUGGESTION, so the preview pre-selects the issue. */
  confident?: boolean;
}

export interface PreviewBulkMappingResponse {
  previewId: string;
  /** Issues matched by the selection. */
  matched: number;
  /** Issues already holding the target (nothing to write). */
  unchanged: number;
  /** Issues the search did not reach because the selection is larger than the limit. */
  truncated: boolean;
  /** Issues that would change (all of them, up to the limit). */
  items: BulkPreviewItem[];
}

export interface StartBulkMappingPayload {
  previewId: string;
  /** The reviewed selection: ids from the preview's items. */
  issueIds: string[];
}

export type UndoBulkMappingPayload = Record<string, never>;

export interface StartBulkMappingResponse {
  jobId: string;
  total: number;
}

export interface GetBulkMappingStatusPayload {
  jobId?: string;
}

export interface BulkJobView {
  jobId: string;
  op: 'apply' | 'undo';
  status: JobStatusName;
  done: number;
  total: number;
  failed: { issueId: string; key: string; message: string }[];
  /** Issues left alone by an undo because they changed after the bulk change. */
  skipped: string[];
  /** Issues whose before-state was recorded before writing (what an abandon or undo restores). */
  touched: number;
  messages: string[];
  updatedAt: string;
}

export interface LastBulkChangeView {
  changeId: string;
  at: string;
  issues: number;
  undone: boolean;
}

export interface BulkMappingStatusResponse {
  job: BulkJobView | null;
  lastChange: LastBulkChangeView | null;
}

// ---------------------------------------------------------------- coverage

export interface GetCoveragePayload {
  /** nextPageToken of the unmapped-issues list. */
  unmappedCursor?: string;
}

/** One coverage row (src/domain/mapping/coverage.ts; `jql` finds exactly the `total` issues). */
export type ClauseCoverage = CoverageRow;
export type { MappedIssueTally };

export interface CoverageResponse {
  /** Every assessable clause, those without a mapped issue first, then in clause order. */
  clauses: ClauseCoverage[];
  /** The project's mapped issues, and of them the evidence, audit findings and planned work (tallyMappedIssues). */
  issues: MappedIssueTally;
  /** True when the project had more mapped issues than the coverage reads at once. */
  partial: boolean;
  unmapped: { issues: { id: string; key: string; summary: string; status: string }[]; nextCursor: string | null; jql: string };
}

/** Maps one issue of the project (from the coverage's unmapped list) to a clause, in place. */
export interface SaveProjectIssueClausePayload {
  issueId: string;
  clauseId: string;
  kind: EvidenceKind;
}
