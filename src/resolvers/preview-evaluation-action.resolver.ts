import { z } from 'zod';
import type { PreviewEvaluationActionResponse } from '../contract/evaluation';
import { agreedActionSchema } from '../domain/evaluation';
import { defineResolver } from './define-resolver';

export const evaluationActionPayloadSchema = z.object({
  phaseId: z.string().min(1).max(80),
  objectiveId: z.string().min(1).max(120),
  evidenceKeys: z.array(z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Expected a Jira issue key such as SMS-12.')).max(50),
  agreed: agreedActionSchema,
});

/** The Jira issue the agreed action would become (summary, description, links), or the one already made; writes nothing. */
export const previewEvaluationAction = defineResolver({
  key: 'previewEvaluationAction',
  payload: evaluationActionPayloadSchema,
  async handler(input, ctx): Promise<PreviewEvaluationActionResponse> {
    return ctx.deps.phaseEvaluation.previewAction(ctx.project, input);
  },
});
