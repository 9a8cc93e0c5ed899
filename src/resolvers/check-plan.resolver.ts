import { z } from 'zod';
import type { CheckPlanResponse } from '../contract/plan';
import { planSchema } from '../domain/planning';
import { defineResolver } from './define-resolver';

/** Checks a draft plan against Rules 1 and 2 (and coverage, levels, dates) without saving it. */
export const checkPlan = defineResolver({
  key: 'checkPlan',
  payload: z.object({ plan: planSchema }),
  handler: (input, ctx): Promise<CheckPlanResponse> => ctx.deps.plan.check(ctx.project.id, input.plan),
});
