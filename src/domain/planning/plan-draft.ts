/**
 * Draft edits of a plan: each returns a new plan and leaves the input untouched. None validates or throws (an
 * unknown phase leaves the plan as it is), so the Phases view runs them on every keystroke (through @domain)
 * and the server checks the draft it receives (checkPlan, savePlan). plan-editing.ts builds its checked
 * operations on these. Processes of a phase stay in `order` (the catalogue order of the clause 8 processes).
 * No zod here: the UI bundle imports this module.
 */
import type { ProcessId } from '../assessment/assessment-units';
import type { MaturityLevel } from '../maturity/maturity-model';
import { slugify, uniquePhaseId } from './phase-ids';
import type { Phase, Plan } from './plan';

const inOrder = (ids: Iterable<ProcessId>, order: readonly ProcessId[]): ProcessId[] => {
  const set = new Set(ids);
  return order.filter((p) => set.has(p));
};

const withoutNotPlanned = (plan: Plan, processId: ProcessId): Plan['notPlanned'] => plan.notPlanned.filter((n) => n.processId !== processId);

export function updatePhase(plan: Plan, phaseId: string, change: (phase: Phase) => Phase): Plan {
  return { ...plan, phases: plan.phases.map((p) => (p.id === phaseId ? change(p) : p)) };
}

/** Plans a process in a phase (kept in `order`); a process set aside is planned again. */
export function addProcess(plan: Plan, phaseId: string, processId: ProcessId, order: readonly ProcessId[]): Plan {
  return {
    ...updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, processes: inOrder([...p.boundary.processes, processId], order) } })),
    notPlanned: withoutNotPlanned(plan, processId),
  };
}

export function removeProcess(plan: Plan, phaseId: string, processId: string): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, processes: p.boundary.processes.filter((x) => x !== processId) } }));
}

/**
 * Moves a process into `toPhaseId` (kept in `order`). With `fromPhaseId` it leaves only that phase; without, it
 * leaves every other phase (so it is planned in exactly one place). A process set aside is planned again.
 */
export function moveProcess(plan: Plan, processId: ProcessId, toPhaseId: string, fromPhaseId: string | undefined, order: readonly ProcessId[]): Plan {
  const phases = plan.phases.map((phase) => {
    let processes = phase.boundary.processes;
    if (phase.id === toPhaseId) processes = inOrder([...processes, processId], order);
    else if (fromPhaseId === undefined || phase.id === fromPhaseId) processes = processes.filter((x) => x !== processId);
    return processes === phase.boundary.processes ? phase : { ...phase, boundary: { ...phase.boundary, processes } };
  });
  return { ...plan, phases, notPlanned: withoutNotPlanned(plan, processId) };
}

/** Defines (or replaces) the interface a phase gives an interaction, as typed; a blank description removes it. */
export function setInterface(plan: Plan, phaseId: string, interactionId: string, description: string): Plan {
  return updatePhase(plan, phaseId, (p) => {
    const rest = p.interfaces.filter((i) => i.interactionId !== interactionId);
    return { ...p, interfaces: description.trim() === '' ? rest : [...rest, { interactionId, description }] };
  });
}

/**
 * A new empty phase named `name`, its id a slug of the name not taken in `plan`. Its target level is given, or by
 * default none for Approach 1 (subsets) and Level I for the approaches that go level by level.
 */
export function newPhase(plan: Plan, name: string, targetLevel?: MaturityLevel | null): Phase {
  return {
    id: uniquePhaseId(slugify(name), plan.phases.map((p) => p.id)),
    name,
    objectives: [],
    boundary: { processes: [], elements: [] },
    targetLevel: targetLevel !== undefined ? targetLevel : plan.approach === 'subsets' ? null : 1,
    start: null,
    end: null,
    owner: null,
    interfaces: [],
  };
}

/** Puts `phase` after `afterPhaseId` (at the end when none, or when there is no such phase). */
export function insertPhase(plan: Plan, phase: Phase, afterPhaseId?: string): Plan {
  const after = afterPhaseId === undefined ? -1 : plan.phases.findIndex((p) => p.id === afterPhaseId);
  const at = after < 0 ? plan.phases.length : after + 1;
  const phases = plan.phases.slice();
  phases.splice(at, 0, phase);
  return { ...plan, phases };
}

/** Adds a new phase (see newPhase) after `afterPhaseId`, or at the end. */
export function addPhase(plan: Plan, input: { name: string; afterPhaseId?: string; targetLevel?: MaturityLevel | null }): Plan {
  return insertPhase(plan, newPhase(plan, input.name, input.targetLevel), input.afterPhaseId);
}

export function removePhase(plan: Plan, phaseId: string): Plan {
  return { ...plan, phases: plan.phases.filter((p) => p.id !== phaseId) };
}

/** What is sent to the server: blank objective lines dropped, the others trimmed. */
export function cleanPlan(plan: Plan): Plan {
  return { ...plan, phases: plan.phases.map((p) => ({ ...p, objectives: p.objectives.map((o) => o.trim()).filter((o) => o !== '') })) };
}
