/**
 * Checked editing operations on a plan, built on the draft edits of plan-draft.ts (the ones the Phases view runs):
 * each returns a new plan and leaves the input untouched; an unknown phase is a NotFoundError, a bad value a
 * ValidationError. Phase ids never change once created.
 */
import { NotFoundError, ValidationError, parseValid } from '../errors';
import { type KeyElementId, type MaturityLevel, KEY_ELEMENT_IDS } from '../maturity/maturity-model';
import { type ProcessId, PROCESS_IDS, isProcessId } from '../assessment/assessment-units';
import { type Phase, type Plan, phaseSchema } from './plan';
import * as draft from './plan-draft';
import { getInteraction } from './plan-interactions';

function indexOfPhase(plan: Plan, phaseId: string): number {
  const i = plan.phases.findIndex((p) => p.id === phaseId);
  if (i < 0) throw new NotFoundError(`There is no phase ${phaseId} in this plan.`, { phaseId });
  return i;
}

function checkPhase(phase: Phase): Phase {
  return parseValid(phaseSchema, phase, `Phase “${phase.name}” is not valid.`, { details: { phaseId: phase.id } });
}

function updatePhase(plan: Plan, phaseId: string, change: (phase: Phase) => Phase): Plan {
  indexOfPhase(plan, phaseId);
  return draft.updatePhase(plan, phaseId, (p) => checkPhase(change(p)));
}

function requireProcess(processId: string): ProcessId {
  if (!isProcessId(processId)) throw new ValidationError(`${processId} is not a clause 8 process.`, { processId });
  return processId;
}

export function renamePhase(plan: Plan, phaseId: string, name: string): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, name: name.trim() }));
}

/** Blank lines are dropped. */
export function setObjectives(plan: Plan, phaseId: string, objectives: readonly string[]): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, objectives: objectives.map((o) => o.trim()).filter((o) => o !== '') }));
}

/** Related elements of the boundary, kept in Table 1 order without duplicates. */
export function setBoundaryElements(plan: Plan, phaseId: string, elements: readonly KeyElementId[]): Plan {
  const set = new Set(elements);
  return updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, elements: KEY_ELEMENT_IDS.filter((e) => set.has(e)) } }));
}

export function setPhaseDates(plan: Plan, phaseId: string, start: string | null, end: string | null): Plan {
  if (start !== null && end !== null && end < start) throw new ValidationError('A phase cannot end before it starts.', { phaseId, start, end });
  return updatePhase(plan, phaseId, (p) => ({ ...p, start, end }));
}

export function setPhaseOwner(plan: Plan, phaseId: string, owner: string | null): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, owner }));
}

export function setPhaseTargetLevel(plan: Plan, phaseId: string, targetLevel: MaturityLevel | null): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, targetLevel }));
}

/** Plans a process in a phase (in catalogue order); a process set aside is planned again. */
export function addProcessToPhase(plan: Plan, phaseId: string, processId: string): Plan {
  const id = requireProcess(processId);
  indexOfPhase(plan, phaseId);
  return draft.addProcess(plan, phaseId, id, PROCESS_IDS);
}

export function removeProcessFromPhase(plan: Plan, phaseId: string, processId: string): Plan {
  const id = requireProcess(processId);
  indexOfPhase(plan, phaseId);
  return draft.removeProcess(plan, phaseId, id);
}

/**
 * Moves a process into `toPhaseId`. With `fromPhaseId` it leaves only that phase; without, it leaves every
 * other phase (so it is planned in exactly one place). Also drops it from notPlanned.
 */
export function moveProcess(plan: Plan, processId: string, toPhaseId: string, fromPhaseId?: string): Plan {
  const id = requireProcess(processId);
  indexOfPhase(plan, toPhaseId);
  if (fromPhaseId !== undefined) indexOfPhase(plan, fromPhaseId);
  return draft.moveProcess(plan, id, toPhaseId, fromPhaseId, PROCESS_IDS);
}

/**
 * Adds a phase (after `afterPhaseId`, or at the end) with an id derived from its name; its target level is given,
 * or by default none for Approach 1 and Level I for the level-by-level approaches (draft.newPhase).
 */
export function addPhase(plan: Plan, input: { name: string; afterPhaseId?: string; targetLevel?: MaturityLevel | null }): Plan {
  if (input.afterPhaseId !== undefined) indexOfPhase(plan, input.afterPhaseId);
  return draft.insertPhase(plan, checkPhase(draft.newPhase(plan, input.name.trim(), input.targetLevel)), input.afterPhaseId);
}

export function removePhase(plan: Plan, phaseId: string): Plan {
  indexOfPhase(plan, phaseId);
  return draft.removePhase(plan, phaseId);
}

/** Moves a phase to position `toIndex` (clamped to the plan). */
export function reorderPhase(plan: Plan, phaseId: string, toIndex: number): Plan {
  const from = indexOfPhase(plan, phaseId);
  const phases = plan.phases.slice();
  const [phase] = phases.splice(from, 1);
  const to = Math.max(0, Math.min(phases.length, Math.trunc(toIndex)));
  phases.splice(to, 0, phase as Phase);
  return { ...plan, phases };
}

/** Defines (or replaces) the interface a phase gives an interaction; a blank description removes it. */
export function setInterface(plan: Plan, phaseId: string, interactionId: string, description: string): Plan {
  if (!getInteraction(interactionId)) throw new NotFoundError(`Unknown process interaction ${interactionId}.`, { interactionId });
  const edited = draft.setInterface(plan, phaseId, interactionId, description.trim());
  return updatePhase(edited, phaseId, (p) => p);
}

export function removeInterface(plan: Plan, phaseId: string, interactionId: string): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, interfaces: p.interfaces.filter((i) => i.interactionId !== interactionId) }));
}

/** Marks an in-scope process as deliberately not planned (removing it from every phase), or plans it again with reason null. */
export function setNotPlanned(plan: Plan, processId: string, reason: string | null): Plan {
  const id = requireProcess(processId);
  const rest = plan.notPlanned.filter((n) => n.processId !== id);
  if (reason === null) return { ...plan, notPlanned: rest };
  const phases = plan.phases.map((p) =>
    p.boundary.processes.includes(id) ? { ...p, boundary: { ...p.boundary, processes: p.boundary.processes.filter((x) => x !== id) } } : p,
  );
  return { ...plan, phases, notPlanned: [...rest, { processId: id, reason: reason.trim() }] };
}
