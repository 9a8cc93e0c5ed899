/**
 * The target state (TS 20000-5 5.3.3): what the implementation aims at, the objectives with their critical
 * success factors and KPIs, and which plan phases serve each objective. A phase that serves no objective is
 * work nobody asked for; an objective no phase serves will not be reached.
 */
import { z } from 'zod';
import { KPI_ID_PATTERN } from './kpi';

export const TARGET_KINDS = ['process-subset', 'whole-sms', 'multi-phase'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABELS: Readonly<Record<TargetKind, { label: string; hint: string }>> = {
  'process-subset': { label: 'One process or a group of processes', hint: 'Put in place or improve only some processes.' },
  'whole-sms': { label: 'The whole SMS in one project', hint: 'Aim for conformity with ISO/IEC 20000-1 in a single project.' },
  'multi-phase': { label: 'The SMS in several phases', hint: 'Reach the SMS step by step, phase after phase.' },
};

export const OBJECTIVE_ID_PATTERN = KPI_ID_PATTERN;

export const targetObjectiveSchema = z.object({
  id: z.string().min(1).max(60).regex(OBJECTIVE_ID_PATTERN, 'Objective ids are lowercase slugs.'),
  text: z.string().trim().min(1, 'Describe the objective.').max(500),
  /** Critical success factors: conditions that must hold for the objective to be reached. */
  csfs: z.array(z.string().trim().min(1).max(300)).max(10),
  /** Ids of the KPIs that show progress on this objective. */
  kpiIds: z.array(z.string().min(1).max(60)).max(20),
  /** Ids of the plan phases that work towards it. */
  phaseIds: z.array(z.string().min(1).max(80)).max(30),
});
export type TargetObjective = z.infer<typeof targetObjectiveSchema>;

export const targetStateSchema = z.object({
  kind: z.enum(TARGET_KINDS).nullable(),
  /** Free text: the state to reach, in the team's words. */
  description: z.string().max(4000),
  objectives: z
    .array(targetObjectiveSchema)
    .max(30)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, i) => {
        if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Objective id ${o.id} is used twice.` });
        seen.add(o.id);
      });
    }),
});
export type TargetState = z.infer<typeof targetStateSchema>;

export const emptyTargetState = (): TargetState => ({ kind: null, description: '', objectives: [] });

/** The part of a plan the check reads (structurally compatible with the planning module's Plan). */
export interface PlanPhasesLike {
  phases: readonly { id: string; name: string }[];
}

export interface PhaseObjectiveCheck {
  phaseId: string;
  phaseName: string;
  objectiveIds: string[];
  serves: boolean;
}

export interface PhasesServeObjectivesResult {
  /** True when there is at least one phase, every phase serves an objective and nothing dangles. */
  ok: boolean;
  phases: PhaseObjectiveCheck[];
  /** Objectives that no existing phase serves. */
  objectivesWithoutPhase: string[];
  /** Objective -> phase ids it names that are not in the plan. */
  unknownPhaseRefs: { objectiveId: string; phaseId: string }[];
  /** Objective -> KPI ids it names that are not defined. */
  unknownKpiRefs: { objectiveId: string; kpiId: string }[];
}

/**
 * Checks that each phase of the plan serves at least one objective of the target state. `kpiIds`, when given,
 * are the defined KPIs: objectives naming other KPIs are reported.
 */
export function checkPhasesServeObjectives(
  plan: PlanPhasesLike | null | undefined,
  target: TargetState,
  kpiIds?: Iterable<string>,
): PhasesServeObjectivesResult {
  const phases = plan?.phases ?? [];
  const phaseIds = new Set(phases.map((p) => p.id));
  const checks = phases.map((p) => {
    const objectiveIds = target.objectives.filter((o) => o.phaseIds.includes(p.id)).map((o) => o.id);
    return { phaseId: p.id, phaseName: p.name, objectiveIds, serves: objectiveIds.length > 0 };
  });
  const objectivesWithoutPhase = target.objectives.filter((o) => !o.phaseIds.some((id) => phaseIds.has(id))).map((o) => o.id);
  const unknownPhaseRefs = target.objectives.flatMap((o) =>
    o.phaseIds.filter((id) => !phaseIds.has(id)).map((phaseId) => ({ objectiveId: o.id, phaseId })),
  );
  const known = kpiIds === undefined ? undefined : new Set(kpiIds);
  const unknownKpiRefs =
    known === undefined
      ? []
      : target.objectives.flatMap((o) => o.kpiIds.filter((id) => !known.has(id)).map((kpiId) => ({ objectiveId: o.id, kpiId })));
  const ok =
    checks.length > 0 &&
    checks.every((c) => c.serves) &&
    objectivesWithoutPhase.length === 0 &&
    unknownPhaseRefs.length === 0 &&
    unknownKpiRefs.length === 0;
  return { ok, phases: checks, objectivesWithoutPhase, unknownPhaseRefs, unknownKpiRefs };
}
