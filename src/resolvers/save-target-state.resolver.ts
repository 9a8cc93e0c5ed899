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
  async handler(input, ctx): Promise<SaveTargetStateResponse> {
    return ctx.deps.initiation.change(ctx.project.id, input.version, ctx.accountId, (cur) => ({
      ...cur,
      targetState: input.targetState,
      ...(input.planChecklist !== undefined ? { planChecklist: input.planChecklist } : {}),
    }));
  },
});
