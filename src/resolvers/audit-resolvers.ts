/**
 * The resolvers of the audit cycle (the Audit and Management review views), registered by src/wiring.ts. Jira
 * writes run as the user (the user's own Create/Link/Transition/Edit permissions apply, and are asked in the access
 * check first); the two long jobs (the sample, the review pack) run as the app after the checks of their start.
 * Every create is idempotent by its request id (AuditCycleService).
 */
import type { AnyResolverDefinition } from './define-resolver';
import { completeCorrectiveAction } from './complete-corrective-action.resolver';
import { createCorrectiveAction } from './create-corrective-action.resolver';
import { getAuditProgramme } from './get-audit-programme.resolver';
import { getCertificationReadiness } from './get-certification-readiness.resolver';
import { planAudit } from './plan-audit.resolver';
import { recordFinding } from './record-finding.resolver';
import { recordReviewOutput } from './record-review-output.resolver';
import { saveProcessOwners } from './save-process-owners.resolver';
import { startAuditSample } from './start-audit-sample.resolver';
import { startPublishReview } from './start-publish-review.resolver';
import { verifyCorrectiveAction } from './verify-corrective-action.resolver';

export const AUDIT_RESOLVERS: readonly AnyResolverDefinition[] = [
  getAuditProgramme,
  saveProcessOwners,
  planAudit,
  startAuditSample,
  recordFinding,
  createCorrectiveAction,
  completeCorrectiveAction,
  verifyCorrectiveAction,
  getCertificationReadiness,
  startPublishReview,
  recordReviewOutput,
] as readonly AnyResolverDefinition[];
