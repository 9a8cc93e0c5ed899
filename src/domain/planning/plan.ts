/**
 * A phased implementation plan (TS 20000-5 5.2): Approach 1 ("subsets": a subset of processes per phase),
 * Approach 2 ("levels": the whole scope goes through Level I, II, III, one phase each) or both combined
 * (subsets within each level). Phase ids are stable slugs; renaming a phase keeps its id.
 */
import { z } from 'zod';
import { keyElementIdSchema, maturityLevelSchema } from '../maturity/maturity-model';
import { type ProcessId, processIdSchema } from '../assessment/assessment-units';
import { PHASE_ID_PATTERN } from './phase-ids';
import { parseValid } from '../errors';

export { PHASE_ID_PATTERN, slugify, uniquePhaseId } from './phase-ids';

export const PLAN_SCHEMA_VERSION = 1;

export const PLAN_APPROACHES = ['subsets', 'levels', 'combined'] as const;
export type PlanApproach = (typeof PLAN_APPROACHES)[number];
export const PLAN_APPROACH_LABELS: Readonly<Record<PlanApproach, string>> = {
  subsets: 'Approach 1: a subset of processes in each phase',
  levels: 'Approach 2: Level I, then II, then III',
  combined: 'Approaches 1 and 2 combined: subsets within each level',
};

const isoDate = z.iso.date();

export const phaseInterfaceSchema = z.object({
  /** See interactionId() in process-interaction-ids.ts, e.g. "8.6.1>8.6.3". */
  interactionId: z.string().min(1).max(64),
  /** How the interaction works across the phase boundary until both sides are in place. */
  description: z.string().trim().min(1, 'Describe the interface.').max(2000),
});
export type PhaseInterface = z.infer<typeof phaseInterfaceSchema>;

export const phaseBoundarySchema = z.object({
  processes: z.array(processIdSchema).max(50),
  elements: z.array(keyElementIdSchema).max(19),
});
export type PhaseBoundary = z.infer<typeof phaseBoundarySchema>;

export const phaseSchema = z.object({
  id: z.string().min(1).max(80).regex(PHASE_ID_PATTERN, 'Phase ids are lowercase slugs.'),
  name: z.string().trim().min(1, 'A phase needs a name.').max(200),
  objectives: z.array(z.string().max(500)).max(20),
  boundary: phaseBoundarySchema,
  /** The maturity level the phase brings its processes to (Approach 2 and combined); null for Approach 1. */
  targetLevel: maturityLevelSchema.nullable(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  /** Atlassian accountId of the phase owner. */
  owner: z.string().min(1).max(128).nullable(),
  interfaces: z.array(phaseInterfaceSchema).max(200),
});
export type Phase = z.infer<typeof phaseSchema>;

export const notPlannedSchema = z.object({ processId: processIdSchema, reason: z.string().max(500) });
export type NotPlanned = z.infer<typeof notPlannedSchema>;

export const planSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  approach: z.enum(PLAN_APPROACHES),
  /** The clause-8 processes in the SMS scope that the plan must cover by its end. */
  scopeProcesses: z.array(processIdSchema).max(50),
  phases: z.array(phaseSchema).max(30),
  /** In-scope processes deliberately left out of every phase (e.g. their gap is already closed). */
  notPlanned: z.array(notPlannedSchema).max(50),
});
export type Plan = z.infer<typeof planSchema>;

/** The plan as saved: VALIDATION_FAILED naming every issue when it breaks the plan schema. */
export const validPlan = (plan: unknown): Plan => parseValid(planSchema, plan, 'The plan is not valid.');


export function emptyPlan(approach: PlanApproach, scopeProcesses: readonly ProcessId[]): Plan {
  return { schemaVersion: PLAN_SCHEMA_VERSION, approach, scopeProcesses: [...scopeProcesses], phases: [], notPlanned: [] };
}
