import { z } from 'zod';
import type { GetAssessmentResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';
import { assessmentPeople, toAssessmentView } from './assessment-view';

/** Every assessment unit with its element levels, summary and version, plus the units × elements heatmap. */
export const getAssessment = defineResolver({
  key: 'getAssessment',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetAssessmentResponse> {
    const stored = await ctx.deps.assessments.getAll(ctx.project.id);
    return toAssessmentView(stored, await ctx.deps.names(assessmentPeople(stored)));
  },
});
