/**
 * Payloads and responses of the audit cycle's resolvers (the Audit and Management review views): audit programme,
 * process owners, audit plan, sample job, findings, corrective actions, certification readiness, the management
 * review pack and its decisions. Types only: `static/` imports them via `@contract/*`.
 */
import type { AuditPlan, CertificationReadiness, ClauseSample, NonconformityStage, ReviewOutputKind } from '../domain/audit';
import type { TracedFigure } from '../domain/traced-figure';
import type { FindingGrade } from '../domain/vocabulary';
import type { EmptyPayload } from './resolvers';

export type { FindingGrade };
export type { AuditPlan, CertificationReadiness, ClauseSample, NonconformityStage, ReviewOutputKind, TracedFigure };

export type {
  AuditProgrammeView,
  AuditSampleView,
  AuditView,
  CorrectiveActionView,
  FindingRowView,
  NonconformityView,
  ProcessOwnerView,
  ReviewOutputView,
  ReviewPublicationView,
} from '../domain/audit/programme-view';

export type GetAuditProgrammePayload = EmptyPayload;

export interface SaveProcessOwnersPayload {
  version: number;
  owners: { unitId: string; owner: string }[];
}

export interface PlanAuditPayload {
  requestId: string;
  /** The plan as a form sends it (process ids as plain strings; the resolver checks them). */
  plan: Omit<AuditPlan, 'scope'> & { scope: { clauses: string[]; processes: string[] } };
}

/** `created` false: the request had run before and its issue was found (nothing was written twice). */
export interface CreatedIssueResponse {
  issueKey: string;
  created: boolean;
}

export interface StartAuditSamplePayload {
  auditKey: string;
  seed: string;
  sizes: Record<string, number>;
}

export interface StartJobResponse {
  jobId: string;
  alreadyRunning: boolean;
}

/** `result` of a finished 'audit-sample' job. */
export interface AuditSampleResultView {
  auditKey: string;
  seed: string;
  asOf: string;
  clauses: ClauseSample[];
  searches: number;
}

export interface RecordFindingPayload {
  requestId: string;
  auditKey: string;
  clauseId: string;
  grade: FindingGrade;
  summary: string;
  detail?: string;
}

export interface CreateCorrectiveActionPayload {
  requestId: string;
  nonconformityKey: string;
  rootCause: string;
  action: string;
  dueDate: string;
}

export interface CompleteCorrectiveActionPayload {
  actionKey: string;
}

export interface VerifyCorrectiveActionPayload {
  actionKey: string;
  effective: boolean;
  note: string;
}

export interface ActionChangeResponse {
  actionKey: string;
  /** false when the issue already was in that state (nothing written). */
  changed: boolean;
}

export interface GetCertificationReadinessPayload {
  targetAuditDate: string;
}

export interface CertificationReadinessView extends CertificationReadiness {
  /** The gap analysis read at most this many issues (the readiness is incomplete beyond). */
  truncated: boolean;
}

export interface StartPublishReviewPayload {
  reviewDate: string;
  periodStart: string;
}

/** `result` of a finished 'publish-review' job. */
export interface PublishReviewResultView {
  reviewDate: string;
  pageId: string;
  title: string;
  pagePath: string;
  created: boolean;
  issuesRead: number;
}

export interface RecordReviewOutputPayload {
  requestId: string;
  reviewDate: string;
  kind: ReviewOutputKind;
  summary: string;
  detail?: string;
  dueDate?: string | null;
}
