import { z } from 'zod';
import type { SaveTargetStateResponse } from '../contract/initiation';
import { planChecklistStateSchema, targetStateSchema } from '../domain/initiation';
import { defineResolver } from './define-resolver';

export const saveTargetStatePayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  targetState: targetStateSchema,
  planChecklist: planChecklistStateSchema.optional(),
});

/** Saves the target state (and, when sent, the ticks of the plan checklist). */
export const saveTargetState = defineResolver({
  key: 'saveTargetState',
  payload: saveTargetStatePayloadSchema,
  handler: (input, ctx): Promise<SaveTargetStateResponse> => ctx.deps.initiation.saveTargetState(ctx.project.id, ctx.accountId, input),
});
