import { z } from 'zod';
import type { SavePlanResponse } from '../contract/plan';
import { planSchema } from '../domain/planning';
import { defineResolver } from './define-resolver';
import { planPeople, toPlanView } from './plan-view';

export const savePlanPayloadSchema = z.object({ plan: planSchema, version: z.number().int().nonnegative() });

/**
 * Saves the phase plan (CONFLICT when `version` is stale, LIMIT_EXCEEDED when too large). A plan that breaks
 * Rule 1 or 2 is still saved — the check in the response lists what is left to do.
 */
export const savePlan = defineResolver({
  key: 'savePlan',
  payload: savePlanPayloadSchema,
  async handler(input, ctx): Promise<SavePlanResponse> {
    const record = await ctx.deps.plans.save(ctx.project.id, input.plan, input.version, ctx.accountId);
    ctx.deps.log('info', 'plan saved', { projectId: ctx.project.id, version: record.version });
    const { assessment } = await ctx.deps.assessments.getAll(ctx.project.id);
    return toPlanView(record, assessment, await ctx.deps.names(planPeople(record)));
  },
});
