import { z } from 'zod';
import type { SaveTargetStateResponse } from '../contract/initiation';
import { planChecklistStateSchema, targetStateSchema } from '../domain/initiation';
import { InitiationService } from '../services/initiation.service';
import { nameLookup } from '../services/user-names.service';
import { defineResolver } from './define-resolver';

export const saveTargetStatePayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  targetState: targetStateSchema,
  planChecklist: planChecklistStateSchema.optional(),
});

/** Saves the target state (and, when sent, the ticks of the plan checklist). */
export const saveTargetState = defineResolver({
  key: 'saveTargetState',
  access: 'write',
  payload: saveTargetStatePayloadSchema,
  async handler(input, ctx): Promise<SaveTargetStateResponse> {
    const service = new InitiationService(ctx.deps.store, ctx.deps.now, nameLookup(ctx.deps));
    const saved = await service.repository.update(ctx.project.id, input.version, ctx.accountId, (cur) => ({
      ...cur,
      targetState: input.targetState,
      ...(input.planChecklist !== undefined ? { planChecklist: input.planChecklist } : {}),
    }));
    return service.view(ctx.project.id, saved);
  },
});
