import { z } from 'zod';
import type { RecordEvaluationActionResponse } from '../contract/evaluation';
import { CREATE_ISSUES_PERMISSION } from './start-epic-sync.resolver';
import { defineResolver } from './define-resolver';
import { evaluationActionPayloadSchema } from './preview-evaluation-action.resolver';

/**
 * Records the cause and the agreed action of an objective not fully met: the action becomes a Jira issue created as
 * the user and linked to the objective's evidence and the phase's epics; re-running finds it and creates nothing.
 */
export const recordEvaluationAction = defineResolver({
  key: 'recordEvaluationAction',
  requires: {
    [CREATE_ISSUES_PERMISSION]: (projectKey) => `You cannot create issues in project ${projectKey}, so the agreed action cannot be created as a Jira issue.`,
  },
  payload: evaluationActionPayloadSchema.extend({ version: z.number().int().nonnegative() }),
  handler: (input, ctx): Promise<RecordEvaluationActionResponse> => ctx.deps.evaluationViews.recordAction(ctx.project, ctx.accountId, input),
});
