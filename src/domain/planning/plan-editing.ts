/**
 * Pure editing operations on a plan. Each returns a new plan and leaves the input untouched; an unknown
 * phase is a NotFoundError, a bad value a ValidationError. Phase ids never change once created.
 */
import { NotFoundError, ValidationError } from '../errors';
import { type KeyElementId, type MaturityLevel, KEY_ELEMENT_IDS } from '../maturity/maturity-model';
import { type ProcessId, PROCESS_IDS, isProcessId } from '../assessment/assessment-units';
import { type Phase, type Plan, phaseSchema, slugify, uniquePhaseId } from './plan';
import { getInteraction } from './plan-interactions';

function indexOfPhase(plan: Plan, phaseId: string): number {
  const i = plan.phases.findIndex((p) => p.id === phaseId);
  if (i < 0) throw new NotFoundError(`There is no phase ${phaseId} in this plan.`, { phaseId });
  return i;
}

function checkPhase(phase: Phase): Phase {
  const parsed = phaseSchema.safeParse(phase);
  if (!parsed.success) {
    throw new ValidationError(`Phase “${phase.name}” is not valid.`, {
      phaseId: phase.id,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

function updatePhase(plan: Plan, phaseId: string, change: (phase: Phase) => Phase): Plan {
  const i = indexOfPhase(plan, phaseId);
  const phases = plan.phases.slice();
  phases[i] = checkPhase(change(plan.phases[i] as Phase));
  return { ...plan, phases };
}

function requireProcess(processId: string): ProcessId {
  if (!isProcessId(processId)) throw new ValidationError(`${processId} is not a clause 8 process.`, { processId });
  return processId;
}

const sortProcesses = (ids: Iterable<ProcessId>): ProcessId[] => {
  const set = new Set(ids);
  return PROCESS_IDS.filter((p) => set.has(p));
};

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

export function addProcessToPhase(plan: Plan, phaseId: string, processId: string): Plan {
  const id = requireProcess(processId);
  return updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, processes: sortProcesses([...p.boundary.processes, id]) } }));
}

export function removeProcessFromPhase(plan: Plan, phaseId: string, processId: string): Plan {
  const id = requireProcess(processId);
  return updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, processes: p.boundary.processes.filter((x) => x !== id) } }));
}

/**
 * Moves a process into `toPhaseId`. With `fromPhaseId` it leaves only that phase; without, it leaves every
 * other phase (so it is planned in exactly one place). Also drops it from notPlanned.
 */
export function moveProcess(plan: Plan, processId: string, toPhaseId: string, fromPhaseId?: string): Plan {
  const id = requireProcess(processId);
  indexOfPhase(plan, toPhaseId);
  if (fromPhaseId !== undefined) indexOfPhase(plan, fromPhaseId);
  const phases = plan.phases.map((phase) => {
    let processes = phase.boundary.processes;
    if (phase.id === toPhaseId) processes = sortProcesses([...processes, id]);
    else if (fromPhaseId === undefined || phase.id === fromPhaseId) processes = processes.filter((x) => x !== id);
    return processes === phase.boundary.processes ? phase : { ...phase, boundary: { ...phase.boundary, processes } };
  });
  return { ...plan, phases, notPlanned: plan.notPlanned.filter((n) => n.processId !== id) };
}

/** Adds a phase (after `afterPhaseId`, or at the end) with an id derived from its name. */
export function addPhase(plan: Plan, input: { name: string; afterPhaseId?: string; targetLevel?: MaturityLevel | null }): Plan {
  const id = uniquePhaseId(slugify(input.name), plan.phases.map((p) => p.id));
  const phase = checkPhase({
    id,
    name: input.name.trim(),
    objectives: [],
    boundary: { processes: [], elements: [] },
    targetLevel: input.targetLevel ?? null,
    start: null,
    end: null,
    owner: null,
    interfaces: [],
  });
  const at = input.afterPhaseId === undefined ? plan.phases.length : indexOfPhase(plan, input.afterPhaseId) + 1;
  const phases = plan.phases.slice();
  phases.splice(at, 0, phase);
  return { ...plan, phases };
}

export function removePhase(plan: Plan, phaseId: string): Plan {
  indexOfPhase(plan, phaseId);
  return { ...plan, phases: plan.phases.filter((p) => p.id !== phaseId) };
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
  const text = description.trim();
  return updatePhase(plan, phaseId, (p) => {
    const rest = p.interfaces.filter((i) => i.interactionId !== interactionId);
    return { ...p, interfaces: text === '' ? rest : [...rest, { interactionId, description: text }] };
  });
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
