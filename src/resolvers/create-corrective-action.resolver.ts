import type { CreatedIssueResponse } from '../contract/audit';
import { createCorrectiveActionRequestSchema } from '../domain/audit';
import { CREATE_ISSUES_RIGHT, LINK_ISSUES_RIGHT } from './audit-jira-rights';
import { defineResolver } from './define-resolver';

/** Opens a corrective action on a nonconformity as a Jira issue, as the user, linked to it. */
export const createCorrectiveAction = defineResolver({
  key: 'createCorrectiveAction',
  requires: { ...CREATE_ISSUES_RIGHT, ...LINK_ISSUES_RIGHT },
  payload: createCorrectiveActionRequestSchema,
  handler: (input, ctx): Promise<CreatedIssueResponse> => ctx.deps.auditCycle.createCorrectiveAction(ctx.project, input),
});
