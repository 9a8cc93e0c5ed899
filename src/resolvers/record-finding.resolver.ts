import type { CreatedIssueResponse } from '../contract/audit';
import { recordFindingRequestSchema } from '../domain/audit';
import { CREATE_ISSUES_RIGHT, LINK_ISSUES_RIGHT } from './audit-jira-rights';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/** Records a finding from an audit as a Jira issue, as the user: graded by label, mapped to the clause, linked to the audit. */
export const recordFinding = defineResolver({
  key: 'recordFinding',
  requires: { ...CREATE_ISSUES_RIGHT, ...LINK_ISSUES_RIGHT },
  payload: recordFindingRequestSchema,
  handler: (input, ctx): Promise<CreatedIssueResponse> => ctx.deps.auditCycle.recordFinding(ctx.project, trustedSiteUrl(ctx), input),
});
