import { z } from 'zod';
import type { LessonsResponse } from '../contract/evaluation';
import { defineResolver } from './define-resolver';

/** The lessons-learned register of the project. */
export const listLessons = defineResolver({
  key: 'listLessons',
  payload: z.object({}),
  async handler(_input, ctx): Promise<LessonsResponse> {
    const { register, version } = await ctx.deps.phaseEvaluation.lessons(ctx.project.id);
    return { lessons: register, version, people: await ctx.deps.names(register.map((l) => l.recordedBy)) };
  },
});
