import { z } from 'zod';
import type { ActionChangeResponse } from '../contract/audit';
import { issueKeySchema } from '../domain/audit';
import { defineResolver } from './define-resolver';

/** Moves a corrective action's issue to a done status, as the user. */
export const completeCorrectiveAction = defineResolver({
  key: 'completeCorrectiveAction',
  requires: { TRANSITION_ISSUES: (k: string) => `You cannot transition issues in project ${k}.` },
  payload: z.object({ actionKey: issueKeySchema }),
  handler: (input, ctx): Promise<ActionChangeResponse> => ctx.deps.auditCycle.completeCorrectiveAction(input.actionKey),
});
