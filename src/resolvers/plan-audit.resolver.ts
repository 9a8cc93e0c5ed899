import type { CreatedIssueResponse } from '../contract/audit';
import { planAuditRequestSchema } from '../domain/audit';
import { CREATE_ISSUES_RIGHT } from './audit-jira-rights';
import { defineResolver } from './define-resolver';

/** Plans an internal audit as a Jira issue, as the user; refused before anything is written when the auditor owns an audited process. */
export const planAudit = defineResolver({
  key: 'planAudit',
  requires: CREATE_ISSUES_RIGHT,
  payload: planAuditRequestSchema,
  handler: (input, ctx): Promise<CreatedIssueResponse> => ctx.deps.auditProgramme.planAudit(ctx.project, input),
});
