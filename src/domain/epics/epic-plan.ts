/**
 * The desired Jira shape of a phase plan: one epic per (phase, process subset) and, optionally, one work
 * item per assessable clause of that subset under its epic.
 *
 * A process subset is the set of the phase's processes that belong to one process group (8.1 … 8.7, from
 * the catalogue's `processGroup`). A work item is made for every assessable clause of each planned process:
 * the process itself when it is a leaf (8.6.1), otherwise its assessable subclauses (8.5.1.1 … 8.5.1.3).
 */
import { z } from 'zod';
import { type ClauseId, CLAUSES, requireClause } from '../catalogue/catalogue';
import { ValidationError } from '../errors';
import { type ProcessGroupId, PROCESS_GROUP_IDS } from '../process-groups';
import type { Plan } from '../planning/plan';
import { epicDescription, epicSummary, itemDescription, itemSummary, type AdfDoc } from './epic-content';
import {
  type ClauseMappingProperty,
  type EpicRef,
  type PlanItemProperty,
  epicRefKey,
  itemRefKey,
  phaseIdSchema,
  planIdSchema,
} from './plan-item-property';

export const epicPlanPhaseSchema = z.object({
  id: phaseIdSchema,
  name: z.string().trim().min(1).max(200),
  objectives: z.array(z.string().max(500)).max(20),
  /** Clause-8 process ids (e.g. "8.1", "8.6.1"); any clause under clause 8 is accepted. */
  processes: z.array(z.string().min(1).max(20)).max(60),
});
export type EpicPlanPhaseInput = z.infer<typeof epicPlanPhaseSchema>;

export const epicPlanInputSchema = z.object({
  planId: planIdSchema,
  phases: z.array(epicPlanPhaseSchema).max(30),
  /** One work item per assessable clause under each epic. Default true. */
  includeItems: z.boolean().optional(),
});
export type EpicPlanInput = z.infer<typeof epicPlanInputSchema>;

/** The epic-sync input of a stored phase plan. */
export function epicPlanInputFromPlan(planId: string, plan: Plan, includeItems = true): EpicPlanInput {
  return {
    planId,
    includeItems,
    phases: plan.phases.map((p) => ({ id: p.id, name: p.name, objectives: [...p.objectives], processes: [...p.boundary.processes] })),
  };
}

export interface DesiredEpic {
  ref: EpicRef;
  /** 1-based position of the phase in the plan. */
  phaseNumber: number;
  summary: string;
  description: AdfDoc;
  property: PlanItemProperty;
}

export interface DesiredItem {
  /** The epic this item belongs under. */
  epic: EpicRef;
  clauseId: ClauseId;
  summary: string;
  description: AdfDoc;
  property: PlanItemProperty;
  mapping: ClauseMappingProperty;
}

export interface DesiredState {
  planId: string;
  includeItems: boolean;
  /** Phase ids in plan order. */
  phaseIds: string[];
  epics: DesiredEpic[];
  items: DesiredItem[];
}

/** The assessable clauses a planned process stands for, in numeric order. */
export function assessableClausesOf(processId: ClauseId): ClauseId[] {
  const clause = requireClause(processId);
  if (clause.processGroup === null) {
    throw new ValidationError(`Clause ${processId} is not a clause-8 process; only processes can be planned.`, {
      clauseId: processId,
    });
  }
  if (clause.assessable) return [clause.id];
  return CLAUSES.filter((c) => c.assessable && c.id.startsWith(`${processId}.`)).map((c) => c.id);
}

/**
 * Builds the desired epics and items. Epics are ordered by phase, then by process group number; items by
 * phase, group and clause. Throws ValidationError for duplicate phase ids or processes outside clause 8.
 */
export function buildDesiredState(input: EpicPlanInput): DesiredState {
  const parsed = epicPlanInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError('The plan cannot be turned into epics.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  const { planId, phases } = parsed.data;
  const includeItems = parsed.data.includeItems ?? true;
  const seenPhases = new Set<string>();
  for (const p of phases) {
    if (seenPhases.has(p.id)) throw new ValidationError(`Phase id ${p.id} is used twice in the plan.`, { phaseId: p.id });
    seenPhases.add(p.id);
  }

  const epics: DesiredEpic[] = [];
  const items: DesiredItem[] = [];
  phases.forEach((phase, index) => {
    const byGroup = new Map<ProcessGroupId, Set<ClauseId>>();
    for (const processId of phase.processes) {
      const leaves = assessableClausesOf(processId);
      const group = requireClause(processId).processGroup as ProcessGroupId;
      const set = byGroup.get(group) ?? new Set<ClauseId>();
      for (const leaf of leaves) set.add(leaf);
      byGroup.set(group, set);
    }
    for (const group of PROCESS_GROUP_IDS) {
      const leaves = byGroup.get(group);
      if (leaves === undefined) continue;
      const ref: EpicRef = { phaseId: phase.id, subsetId: group };
      const clauseIds = CLAUSES.filter((c) => leaves.has(c.id)).map((c) => c.id);
      epics.push({
        ref,
        phaseNumber: index + 1,
        summary: epicSummary(index + 1, phase.name, group),
        description: epicDescription({ phaseNumber: index + 1, phaseName: phase.name, objectives: phase.objectives, group, clauseIds }),
        property: { planId, phaseId: phase.id, subsetId: group, clauseId: null, role: 'epic' },
      });
      if (!includeItems) continue;
      for (const clauseId of clauseIds) {
        items.push({
          epic: ref,
          clauseId,
          summary: itemSummary(index + 1, phase.name, clauseId),
          description: itemDescription({ phaseNumber: index + 1, phaseName: phase.name, clauseId }),
          property: { planId, phaseId: phase.id, subsetId: group, clauseId, role: 'item' },
          mapping: { clauses: [clauseId], kinds: [], phases: [phase.id] },
        });
      }
    }
  });
  return { planId, includeItems, phaseIds: phases.map((p) => p.id), epics, items };
}

export const desiredEpicKey = (e: DesiredEpic): string => epicRefKey(e.ref);
export const desiredItemKey = (i: DesiredItem): string => itemRefKey(i.epic.phaseId, i.clauseId);
