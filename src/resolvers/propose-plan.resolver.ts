import { z } from 'zod';
import type { ProposePlanPayload, ProposePlanResponse } from '../contract/plan';
import { PLAN_APPROACHES } from '../domain/planning';
import { defineResolver } from './define-resolver';

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
  handler: (input, ctx): Promise<ProposePlanResponse> => ctx.deps.plan.propose(ctx.project.id, input),
});
