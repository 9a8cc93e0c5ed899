import { z } from 'zod';
import type { GetAssessmentResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';
import { toAssessmentView } from './assessment-view';

/** Every assessment unit with its element levels, summary and version, plus the units × elements heatmap. */
export const getAssessment = defineResolver({
  key: 'getAssessment',
  access: 'read',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetAssessmentResponse> {
    return toAssessmentView(await ctx.deps.assessments.getAll(ctx.project.id));
  },
});
