import { z } from 'zod';
import type { GetAssessmentResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';

/** Every assessment unit with its element levels, summary and version, plus the units × elements heatmap. */
export const getAssessment = defineResolver({
  key: 'getAssessment',
  payload: z.object({}),
  handler: (_input, ctx): Promise<GetAssessmentResponse> => ctx.deps.assessment.view(ctx.project.id),
});
