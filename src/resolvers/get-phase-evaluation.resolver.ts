import { z } from 'zod';
import type { PhaseEvaluationResponse } from '../contract/evaluation';
import { defineResolver } from './define-resolver';
import { toEvaluationResponse } from './phase-evaluation-view';

/**
 * The evaluation of one phase (the plan's first when none is named): objectives with their evidence and verdicts,
 * KPIs baseline → now (computed from Jira as the user), maturity against the phase's target, epic completion,
 * each figure with its JQL; and the lessons-learned register. No plan yet: `evaluation` is null.
 */
export const getPhaseEvaluation = defineResolver({
  key: 'getPhaseEvaluation',
  payload: z.object({ phaseId: z.string().min(1).max(80).optional() }),
  async handler(input, ctx): Promise<PhaseEvaluationResponse> {
    const plan = await ctx.deps.plans.get(ctx.project.id);
    const phases = plan?.plan.phases.map((p) => ({ id: p.id, name: p.name })) ?? [];
    const phaseId = input.phaseId ?? phases[0]?.id;
    const result = phaseId === undefined ? null : await ctx.deps.phaseEvaluation.view(ctx.project, phaseId);
    return toEvaluationResponse(ctx, result, phases);
  },
});
