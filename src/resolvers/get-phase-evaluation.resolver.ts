import { z } from 'zod';
import type { PhaseEvaluationResponse } from '../contract/evaluation';
import { defineResolver } from './define-resolver';

/**
 * The evaluation of one phase (the plan's first when none is named): objectives with their evidence and verdicts,
 * KPIs baseline → now (computed from Jira as the user), maturity against the phase's target, epic completion,
 * each figure with its JQL; and the lessons-learned register. No plan yet: `evaluation` is null.
 */
export const getPhaseEvaluation = defineResolver({
  key: 'getPhaseEvaluation',
  payload: z.object({ phaseId: z.string().min(1).max(80).optional() }),
  handler: (input, ctx): Promise<PhaseEvaluationResponse> => ctx.deps.evaluationViews.view(ctx.project, input.phaseId),
});
