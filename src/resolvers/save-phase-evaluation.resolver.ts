import { z } from 'zod';
import type { PhaseEvaluationResponse } from '../contract/evaluation';
import { OBJECTIVE_VERDICTS } from '../domain/evaluation';
import { defineResolver } from './define-resolver';

const issueKey = z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Expected a Jira issue key such as SMS-12.');

export const verdictPayloadSchema = z.object({
  objectiveId: z.string().min(1).max(120),
  verdict: z.enum(OBJECTIVE_VERDICTS),
  evidenceKeys: z.array(issueKey).max(50),
  cause: z.string().max(2000),
  note: z.string().max(2000),
});

/**
 * Saves the verdicts of a phase's objectives (CONFLICT when `version` is stale). The agreed action of an objective
 * is kept by the app (recordEvaluationAction): an objective not fully met without its cause and action is refused.
 */
export const savePhaseEvaluation = defineResolver({
  key: 'savePhaseEvaluation',
  payload: z.object({
    phaseId: z.string().min(1).max(80),
    kind: z.enum(['interim', 'final']),
    objectives: z.array(verdictPayloadSchema).max(60),
    version: z.number().int().nonnegative(),
  }),
  handler: (input, ctx): Promise<PhaseEvaluationResponse> => ctx.deps.evaluationViews.saveVerdicts(ctx.project, ctx.accountId, input),
});
