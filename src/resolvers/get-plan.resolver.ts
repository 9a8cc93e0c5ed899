import { z } from 'zod';
import type { GetPlanResponse } from '../contract/plan';
import { defineResolver } from './define-resolver';
import { planPeople, toPlanView } from './plan-view';

/** The stored phase plan (null before the first save) with its Rule 1 / Rule 2 check, the lessons offered to each phase and the plan history. */
export const getPlan = defineResolver({
  key: 'getPlan',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetPlanResponse> {
    const [record, stored] = await Promise.all([ctx.deps.plans.get(ctx.project.id), ctx.deps.assessments.getAll(ctx.project.id)]);
    const evaluation = await ctx.deps.phaseEvaluation.planContext(ctx.project.id, record?.plan.phases ?? []);
    return toPlanView(record, stored.assessment, await ctx.deps.names([...planPeople(record), ...evaluation.history.map((h) => h.by)]), ctx.project.key, evaluation);
  },
});
