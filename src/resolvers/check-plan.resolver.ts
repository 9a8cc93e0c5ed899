import { z } from 'zod';
import type { CheckPlanResponse } from '../contract/plan';
import { planSchema } from '../domain/planning';
import { defineResolver } from './define-resolver';
import { checkPlan as check } from '../services/plan-view';

/** Checks a draft plan against Rules 1 and 2 (and coverage, levels, dates) without saving it. */
export const checkPlan = defineResolver({
  key: 'checkPlan',
  payload: z.object({ plan: planSchema }),
  async handler(input, ctx): Promise<CheckPlanResponse> {
    const { assessment } = await ctx.deps.assessments.getAll(ctx.project.id);
    return check(input.plan, assessment);
  },
});
