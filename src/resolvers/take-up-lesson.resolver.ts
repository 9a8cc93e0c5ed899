import { z } from 'zod';
import type { LessonsResponse } from '../contract/evaluation';
import { defineResolver } from './define-resolver';

/** Records that a phase's planning took a lesson up: it is no longer offered to that phase. */
export const takeUpLesson = defineResolver({
  key: 'takeUpLesson',
  payload: z.object({ lessonId: z.string().min(1).max(60), phaseId: z.string().min(1).max(80), version: z.number().int().nonnegative() }),
  async handler(input, ctx): Promise<LessonsResponse> {
    const { register, version } = await ctx.deps.phaseEvaluation.takeUpLesson(ctx.project.id, ctx.accountId, input);
    return { lessons: register, version, people: await ctx.deps.names(register.map((l) => l.recordedBy)) };
  },
});
