import { z } from 'zod';
import type { GetPlanResponse } from '../contract/plan';
import { defineResolver } from './define-resolver';

/** The stored phase plan (null before the first save) with its Rule 1 / Rule 2 check, the lessons offered to each phase and the plan history. */
export const getPlan = defineResolver({
  key: 'getPlan',
  payload: z.object({}),
  handler: (_input, ctx): Promise<GetPlanResponse> => ctx.deps.plan.view(ctx.project),
});
