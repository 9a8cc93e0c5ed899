import { z } from 'zod';
import type { LessonsResponse } from '../contract/evaluation';
import { processIdSchema } from '../domain/assessment/assessment-units';
import { defineResolver } from './define-resolver';

/** Adds a lesson learned in a phase to the register (CONFLICT when `version` is stale). */
export const recordLesson = defineResolver({
  key: 'recordLesson',
  payload: z.object({
    phaseId: z.string().min(1).max(80),
    observation: z.string().trim().min(1, 'Say what happened.').max(2000),
    recommendation: z.string().trim().min(1, 'Say what to do next time.').max(2000),
    processes: z.array(processIdSchema).max(30),
    version: z.number().int().nonnegative(),
  }),
  handler: (input, ctx): Promise<LessonsResponse> => ctx.deps.evaluationViews.recordLesson(ctx.project.id, ctx.accountId, input),
});
