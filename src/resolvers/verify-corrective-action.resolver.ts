import type { ActionChangeResponse } from '../contract/audit';
import { verifyCorrectiveActionRequestSchema } from '../domain/audit';
import { defineResolver } from './define-resolver';

/** Records the verification of a corrective action's effectiveness, as the user (an effective one closes the nonconformity). */
export const verifyCorrectiveAction = defineResolver({
  key: 'verifyCorrectiveAction',
  requires: { EDIT_ISSUES: (k: string) => `You cannot edit issues in project ${k}; the verification is kept on the action's issue.` },
  payload: verifyCorrectiveActionRequestSchema,
  handler: (input, ctx): Promise<ActionChangeResponse> => ctx.deps.auditCycle.verifyCorrectiveAction(input, ctx.accountId),
});
