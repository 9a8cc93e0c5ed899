import { z } from 'zod';
import type { LessonsResponse } from '../contract/evaluation';
import { defineResolver } from './define-resolver';

/** The lessons-learned register of the project. */
export const listLessons = defineResolver({
  key: 'listLessons',
  payload: z.object({}),
  handler: (_input, ctx): Promise<LessonsResponse> => ctx.deps.evaluationViews.lessons(ctx.project.id),
});
