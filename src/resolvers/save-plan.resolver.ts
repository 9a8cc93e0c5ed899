import { z } from 'zod';
import type { SavePlanResponse } from '../contract/plan';
import { planSchema } from '../domain/planning';
import { defineResolver } from './define-resolver';
import { checkPlan, planPeople, toPlanView } from './plan-view';
import { ValidationError } from '../domain/errors';

export const savePlanPayloadSchema = z.object({ plan: planSchema, version: z.number().int().nonnegative(), reason: z.string().trim().max(2000).optional() });

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
    const reason = input.reason ?? '';
    const previous = (await ctx.deps.plans.get(ctx.project.id))?.plan;
    const evaluatedChanged = await ctx.deps.phaseEvaluation.assertRevisionReason(ctx.project.id, previous, input.plan, reason);
    const record = await ctx.deps.plans.save(ctx.project.id, input.plan, input.version, ctx.accountId);
    await ctx.deps.phaseEvaluation.recordPlanRevision(ctx.project.id, { before: previous, after: record.plan, version: record.version, by: ctx.accountId, reason, evaluatedChanged });
    ctx.deps.log('info', 'plan saved', { projectId: ctx.project.id, version: record.version });
    const evaluation = await ctx.deps.phaseEvaluation.planContext(ctx.project.id, record.plan.phases);
    return toPlanView(record, before.assessment, await ctx.deps.names([...planPeople(record), ...evaluation.history.map((h) => h.by)]), ctx.project.key, evaluation);
  },
});
