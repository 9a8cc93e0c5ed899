import { z } from 'zod';
import type { ProposePlanPayload, ProposePlanResponse } from '../contract/plan';
import { PLAN_APPROACHES, proposePlan as propose } from '../domain/planning';
import { defineResolver } from './define-resolver';
import { checkPlan } from './plan-view';

export const proposePlanPayloadSchema = z.object({
  approach: z.enum(PLAN_APPROACHES),
  targetLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  start: z.iso.date().nullable().optional(),
  phaseWeeks: z.number().int().min(1).max(520).optional(),
}) satisfies z.ZodType<ProposePlanPayload>;

/** Proposes phases from the TS 20000-5 priorities and the stored assessment's gaps. Writes nothing. */
export const proposePlan = defineResolver({
  key: 'proposePlan',
  payload: proposePlanPayloadSchema,
  async handler(input, ctx): Promise<ProposePlanResponse> {
    const { assessment } = await ctx.deps.assessments.getAll(ctx.project.id);
    const plan = propose(input.approach, assessment, {
      ...(input.targetLevel !== undefined ? { targetLevel: input.targetLevel } : {}),
      ...(input.start != null ? { start: input.start } : {}),
      ...(input.phaseWeeks !== undefined ? { phaseWeeks: input.phaseWeeks } : {}),
    });
    return { plan, check: checkPlan(plan, assessment) };
  },
});
