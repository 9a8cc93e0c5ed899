/**
 * Payloads and responses of the audit cycle's resolvers (the Audit and Management review views): audit programme,
 * process owners, audit plan, sample job, findings, corrective actions, certification readiness, the management
 * review pack and its decisions. Types only: `static/` imports them via `@contract/*`.
 */
import type { AuditPlan, CertificationReadiness, ClauseSample, NonconformityStage, ReviewOutputKind } from '../domain/audit';
import type { StatusCategory } from '../domain/gap/gap-model';
import type { TracedFigure } from '../domain/traced-figure';
import type { FindingGrade } from '../domain/vocabulary';
import type { PeopleNames } from './people';
import type { EmptyPayload } from './resolvers';

export type { FindingGrade };
export type { AuditPlan, CertificationReadiness, ClauseSample, NonconformityStage, ReviewOutputKind, TracedFigure };

/** A unit whose owner the independence rule reads: a clause-8 process, or `sms` (clauses 4–7, 9, 10). */
export interface ProcessOwnerView {
  unitId: string;
  title: string;
  /** accountId, or null when nobody is named. */
  owner: string | null;
}

export interface AuditSampleView {
  seed: string;
  asOf: string;
  sizes: Record<string, number>;
  /** Issue keys drawn per clause. */
  clauses: Record<string, string[]>;
}

export interface AuditView {
  auditKey: string;
  summary: string;
  statusCategory: StatusCategory;
  /** Null when the issue's plan property is missing or unreadable. */
  plan: AuditPlan | null;
  /** Assessable clauses in scope (for the sample sizes and the finding form). */
  clauses: { clauseId: string; title: string }[];
  sample: AuditSampleView | null;
  findingKeys: string[];
}

export interface FindingRowView {
  issueKey: string;
  summary: string;
  grade: FindingGrade;
  gradeTitle: string;
  clauses: string[];
  auditKey: string | null;
  statusCategory: StatusCategory;
}

export interface CorrectiveActionView {
  issueKey: string;
  nonconformityKey: string;
  rootCause: string;
  action: string;
  dueDate: string;
  statusCategory: StatusCategory;
  verification: { effective: boolean; verifiedAt: string; verifiedBy: string; note: string } | null;
  overdue: boolean;
}

export interface NonconformityView extends FindingRowView {
  stage: NonconformityStage;
  stageTitle: string;
  open: boolean;
  actions: CorrectiveActionView[];
}

export interface ReviewOutputView {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
}

export interface ReviewPublicationView {
  reviewDate: string;
  pageId: string;
  title: string;
  pagePath: string;
  publishedAt: string;
}

export interface AuditProgrammeView {
  /** Version of the stored programme data (process owners), for the next save. */
  version: number;
  today: string;
  owners: ProcessOwnerView[];
  /** What an audit's scope can name: the clause-8 processes and the clauses of the other sections. */
  scopeOptions: { processes: { id: string; title: string }[]; clauses: { id: string; title: string }[] };
  audits: AuditView[];
  nonconformities: NonconformityView[];
  /** Observations and opportunities for improvement. */
  otherFindings: FindingRowView[];
  /** Corrective-action issues whose record is missing or unreadable (never counted as verified). */
  incompleteActionKeys: string[];
  reviewOutputs: ReviewOutputView[];
  reviews: ReviewPublicationView[];
  figures: {
    audits: TracedFigure;
    openMajor: TracedFigure;
    openMinor: TracedFigure;
    unverifiedActions: TracedFigure;
    overdueActions: TracedFigure;
    withoutAction: TracedFigure;
  };
  people: PeopleNames;
}

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
