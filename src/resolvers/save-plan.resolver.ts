import { z } from 'zod';
import type { SavePlanResponse } from '../contract/plan';
import { planSchema } from '../domain/planning';
import { defineResolver } from './define-resolver';

export const savePlanPayloadSchema = z.object({ plan: planSchema, version: z.number().int().nonnegative(), reason: z.string().trim().max(2000).optional() });

/**
 * Saves the phase plan (PlanService.save: CONFLICT when `version` is stale, LIMIT_EXCEEDED when too large). Severity
 * words mean what they say: a plan with an error (Rule 1 or 2, coverage, levels) is refused with VALIDATION_FAILED
 * listing them; warnings are saved and shown.
 */
export const savePlan = defineResolver({
  key: 'savePlan',
  payload: savePlanPayloadSchema,
  handler: (input, ctx): Promise<SavePlanResponse> => ctx.deps.plan.save(ctx.project, ctx.accountId, input),
});
