import type { CreatedIssueResponse } from '../contract/audit';
import { recordReviewOutputRequestSchema } from '../domain/audit';
import { CREATE_ISSUES_RIGHT } from './audit-jira-rights';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/** Records a management review decision or action as a Jira issue, as the user, carrying the review's page. */
export const recordReviewOutput = defineResolver({
  key: 'recordReviewOutput',
  requires: CREATE_ISSUES_RIGHT,
  payload: recordReviewOutputRequestSchema,
  handler: (input, ctx): Promise<CreatedIssueResponse> => ctx.deps.auditProgramme.recordReviewOutput(ctx.project, trustedSiteUrl(ctx), input),
});
