import { z } from 'zod';
import type { LessonsResponse } from '../contract/evaluation';
import { defineResolver } from './define-resolver';

/** Records that a phase's planning took a lesson up: it is no longer offered to that phase. */
export const takeUpLesson = defineResolver({
  key: 'takeUpLesson',
  payload: z.object({ lessonId: z.string().min(1).max(60), phaseId: z.string().min(1).max(80), version: z.number().int().nonnegative() }),
  handler: (input, ctx): Promise<LessonsResponse> => ctx.deps.evaluationViews.takeUpLesson(ctx.project.id, ctx.accountId, input),
});
