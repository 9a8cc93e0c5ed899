/**
 * Data the gap analysis works on and the shapes it returns. Inputs are plain records gathered by the app
 * (assessment records from storage, evidence from Jira issues mapped to clauses, audit findings); the analysis
 * itself is pure (see analyse-gaps.ts). zod schemas cover what is stored and read back.
 */
import { z } from 'zod';
import { type ClauseId } from '../catalogue/catalogue';
import { type MaturityLevel } from '../maturity/maturity-model';
import { type ConformityResult, type EvidenceKind, type FindingGrade } from '../vocabulary';
import { conformityResultSchema, evidenceKindSchema, findingGradeSchema } from '../vocabulary-schemas';

import { STATUS_CATEGORIES, type StatusCategory } from '../vocabulary';

export { STATUS_CATEGORIES, STATUS_CATEGORY_LABELS, statusCategoryOf, type StatusCategory } from '../vocabulary';

/** What a user recorded for one clause. `result` undefined means "let the app propose one from evidence". */
export interface ClauseRecord {
  clauseId: ClauseId;
  result?: ConformityResult;
  note?: string;
  setBy?: string;
  /** Display name of `setBy` when known (recorded when the result was set). */
  setByName?: string;
  setAt?: string;
}

/** One Jira issue mapped to one or more clauses. */
export interface Evidence {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
  /** ISO 8601 date-time of the issue's last update. */
  updated: string;
  kinds: EvidenceKind[];
  clauses: ClauseId[];
}

/** A work item the app's plan created, mapped to its clause: implementation work, never evidence (issue-roles.ts). */
export interface PlannedWork {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
  clauses: ClauseId[];
  /** Display name of the Jira assignee, when the work item has one (the clause's owner in the report). */
  assignee?: string;
  /** Key of the plan's epic the work item belongs to (same phase and process subset), when known. */
  epicKey?: string;
}

/** Planned work of one clause as the report shows it. */
export interface PlannedWorkItem {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
  /** True when the work item's status category is Done. */
  done: boolean;
  assignee?: string;
  epicKey?: string;
}

/** An audit finding raised against a clause. */
export interface Finding {
  id: string;
  grade: FindingGrade;
  clauseId: ClauseId;
  open: boolean;
  summary: string;
}

/** Maturity of the unit (process or group) that covers a clause, against its target. */
export interface ClauseMaturityGap {
  /** A clause or a heading (e.g. '8.5'); applies to the clause and every clause below it. */
  clauseId: ClauseId;
  unitName?: string;
  current: MaturityLevel;
  target: MaturityLevel;
}

/** Which processes are in the implementation scope and which have an epic (clause or heading ids). */
export interface EpicCoverage {
  inScope: readonly ClauseId[];
  withEpic: readonly ClauseId[];
}

export interface GapAnalysisInput {
  records: readonly ClauseRecord[];
  evidence: readonly Evidence[];
  /** Work items of the plan: listed per clause, never counted as evidence. */
  plannedWork?: readonly PlannedWork[];
  findings?: readonly Finding[];
  maturityGaps?: readonly ClauseMaturityGap[];
  /** When absent, the "in-scope process with no epic" check is skipped. */
  epics?: EpicCoverage;
  /**
   * Clauses whose evidence was read as its newest page only (a project too large to read issue by issue under the
   * hourly points quota): `evidence` then holds that page, and the sample the facts beyond it.
   */
  evidenceSamples?: readonly ClauseEvidenceSample[];
  /** The project's evidence count when not every evidence issue was read (Jira's approximate count). */
  evidenceTotal?: { count: number; approximate: boolean };
}

/**
 * What the app knows of a clause's evidence beyond the newest page it listed. The two yes/no facts are the
 * readiness inputs and are exact (a listed item or an existence search settles each); the counts are Jira's
 * approximate counts and are shown as such ("about"), never used for a result.
 */
export interface ClauseEvidenceSample {
  clauseId: ClauseId;
  /** All evidence issues of the clause, approximately. */
  approxTotal: number;
  /** Stale evidence issues of the clause, approximately. */
  approxStale: number;
  /** Exact: at least one evidence issue is done. */
  anyDone: boolean;
  /** Exact: at least one evidence issue is not done, or is done but stale. */
  anyOpenOrStaleDone: boolean;
}

export interface GapAnalysisOptions {
  now: Date;
  /** Evidence not updated for more than this many days is flagged as stale. */
  maxEvidenceAgeDays: number;
}

export const GAP_WARNING_CODES = [
  'conformant_without_evidence',
  'stale_evidence',
  'open_nonconformity',
  'below_target_maturity',
  'no_epic',
  'not_applicable_claimed',
] as const;
export type GapWarningCode = (typeof GAP_WARNING_CODES)[number];

export interface GapWarning {
  code: GapWarningCode;
  /** Plain sentence for people. */
  message: string;
  /** Issue keys, finding ids or unit names the warning is about. */
  refs: string[];
}

export interface EvidenceItem {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
  updated: string;
  /** Whole days since `updated` (0 for future dates or unreadable dates). */
  ageDays: number;
  stale: boolean;
  kinds: EvidenceKind[];
}

export interface ClauseGap {
  clauseId: ClauseId;
  title: string;
  /** Top-level clause ('4'..'10') the clause belongs to. */
  groupId: string;
  result: ConformityResult;
  /** true when the result was proposed from evidence rather than set by a user. */
  proposed: boolean;
  /** Id of the PROPOSAL_RULES entry that gave the result ('user-set' when set by a user). */
  ruleId: string;
  note?: string;
  setBy?: string;
  setByName?: string;
  setAt?: string;
  /** The evidence listed (all of it, or the newest page when `evidenceBeyond` is set). */
  evidence: EvidenceItem[];
  /** Set when `evidence` is only the newest page: Jira's approximate counts of all and of stale evidence. */
  evidenceBeyond?: { approxTotal: number; approxStale: number };
  /** The plan's work items for the clause (open first, then done; by issue key). Not evidence. */
  plannedWork: PlannedWorkItem[];
  openFindings: Finding[];
  warnings: GapWarning[];
}

export interface ReadinessFigures {
  numerator: number;
  denominator: number;
  /** numerator / denominator × 100, one decimal; 0 when the denominator is 0. */
  percent: number;
  clauseCount: number;
  counts: Record<ConformityResult, number>;
  /** Clauses marked not applicable, left out of both numerator and denominator. */
  excludedNotApplicable: number;
}

export interface GroupReadiness {
  groupId: string;
  title: string;
  figures: ReadinessFigures;
}

export interface GapAnalysis {
  generatedAt: string;
  maxEvidenceAgeDays: number;
  clauses: ClauseGap[];
  readiness: { overall: ReadinessFigures; byGroup: GroupReadiness[] };
  warningCount: number;
  /** Distinct issues mapped to at least one known clause (Jira's approximate count when `evidenceCountApproximate`). */
  evidenceCount: number;
  /** True when evidenceCount is Jira's approximate count (a project read clause by clause). */
  evidenceCountApproximate?: boolean;
  /** Clause ids met in records, evidence or findings that the catalogue does not know. */
  unknownClauseRefs: ClauseId[];
}

/**
 * Evidence of one clause at a publish: how many items and how many stale, with their keys up to
 * SNAPSHOT_KEYS_PER_CLAUSE each (so the snapshot stays small at 100,000 issues; beyond that the delta gives counts).
 */
export interface ClauseEvidenceSnapshot {
  count: number;
  staleCount: number;
  keys: string[];
  staleKeys: string[];
}

/** The per-clause results (and evidence) kept at publish time, to say later what changed. */
export interface GapSnapshot {
  takenAt: string;
  results: Record<ClauseId, ConformityResult>;
  /** Absent in snapshots kept before evidence was recorded. */
  evidence?: Record<ClauseId, ClauseEvidenceSnapshot>;
}

export const statusCategorySchema = z.enum(STATUS_CATEGORIES);

export const clauseRecordSchema = z.object({
  clauseId: z.string().min(1),
  result: conformityResultSchema.optional(),
  note: z.string().optional(),
  setBy: z.string().optional(),
  setByName: z.string().optional(),
  setAt: z.string().optional(),
});

export const evidenceSchema = z.object({
  issueKey: z.string().min(1),
  summary: z.string(),
  statusCategory: statusCategorySchema,
  updated: z.string(),
  kinds: z.array(evidenceKindSchema),
  clauses: z.array(z.string().min(1)),
});

export const findingSchema = z.object({
  id: z.string().min(1),
  grade: findingGradeSchema,
  clauseId: z.string().min(1),
  open: z.boolean(),
  summary: z.string(),
});

const clauseEvidenceSnapshotSchema = z.object({
  count: z.number().int().nonnegative(),
  staleCount: z.number().int().nonnegative(),
  keys: z.array(z.string()),
  staleKeys: z.array(z.string()),
});

export const gapSnapshotSchema = z.object({
  takenAt: z.string(),
  results: z.record(z.string(), conformityResultSchema),
  evidence: z.record(z.string(), clauseEvidenceSnapshotSchema).optional(),
});
