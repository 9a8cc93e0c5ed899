import { z } from 'zod';
import type { SavePlanResponse } from '../contract/plan';
import { planSchema } from '../domain/planning';
import { defineResolver } from './define-resolver';
import { checkPlan, planPeople, toPlanView } from './plan-view';
import { ValidationError } from '../domain/errors';

export const savePlanPayloadSchema = z.object({ plan: planSchema, version: z.number().int().nonnegative() });

/**
 * Saves the phase plan (CONFLICT when `version` is stale, LIMIT_EXCEEDED when too large). Severity words mean
 * what they say: a plan with an error (Rule 1 or 2, coverage, levels) is refused with VALIDATION_FAILED listing
 * them; warnings are saved and shown.
 */
export const savePlan = defineResolver({
  key: 'savePlan',
  payload: savePlanPayloadSchema,
  async handler(input, ctx): Promise<SavePlanResponse> {
    const before = await ctx.deps.assessments.getAll(ctx.project.id);
    const errors = checkPlan(input.plan, before.assessment).issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      throw new ValidationError(`The plan has ${errors.length} error(s) to fix before it can be saved. First: ${errors[0]?.message ?? ''}`, {
        errors: errors.slice(0, 20).map((e) => e.message),
      });
    }
    const record = await ctx.deps.plans.save(ctx.project.id, input.plan, input.version, ctx.accountId);
    ctx.deps.log('info', 'plan saved', { projectId: ctx.project.id, version: record.version });
    return toPlanView(record, before.assessment, await ctx.deps.names(planPeople(record)), ctx.project.key);
  },
});
