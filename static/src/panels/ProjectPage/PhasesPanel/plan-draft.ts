/** Pure edits of a plan draft in the browser. The server checks the result (checkPlan) and stores it (savePlan). */
import type { Phase, Plan } from '@contract/plan';

type ProcessId = Phase['boundary']['processes'][number];

const inOrder = (ids: Iterable<ProcessId>, order: readonly string[]): ProcessId[] => {
  const set = new Set(ids);
  return (order as ProcessId[]).filter((p) => set.has(p));
};

export function updatePhase(plan: Plan, phaseId: string, change: (p: Phase) => Phase): Plan {
  return { ...plan, phases: plan.phases.map((p) => (p.id === phaseId ? change(p) : p)) };
}

/** Moves a process from one phase into another (kept in catalogue order), and plans it if it was set aside. */
export function moveProcess(plan: Plan, processId: string, fromPhaseId: string, toPhaseId: string, order: readonly string[]): Plan {
  const id = processId as ProcessId;
  return {
    ...plan,
    phases: plan.phases.map((p) => {
      if (p.id === toPhaseId) return { ...p, boundary: { ...p.boundary, processes: inOrder([...p.boundary.processes, id], order) } };
      if (p.id === fromPhaseId) return { ...p, boundary: { ...p.boundary, processes: p.boundary.processes.filter((x) => x !== id) } };
      return p;
    }),
    notPlanned: plan.notPlanned.filter((n) => n.processId !== id),
  };
}

export function addProcess(plan: Plan, phaseId: string, processId: string, order: readonly string[]): Plan {
  const id = processId as ProcessId;
  return {
    ...updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, processes: inOrder([...p.boundary.processes, id], order) } })),
    notPlanned: plan.notPlanned.filter((n) => n.processId !== id),
  };
}

export function removeProcess(plan: Plan, phaseId: string, processId: string): Plan {
  return updatePhase(plan, phaseId, (p) => ({ ...p, boundary: { ...p.boundary, processes: p.boundary.processes.filter((x) => x !== processId) } }));
}

/** A blank description removes the interface. */
export function setInterface(plan: Plan, phaseId: string, interactionId: string, description: string): Plan {
  return updatePhase(plan, phaseId, (p) => {
    const rest = p.interfaces.filter((i) => i.interactionId !== interactionId);
    return { ...p, interfaces: description.trim() === '' ? rest : [...rest, { interactionId, description }] };
  });
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug === '' ? 'phase' : slug;
}

export function addPhase(plan: Plan, name: string): Plan {
  const taken = new Set(plan.phases.map((p) => p.id));
  const base = slugify(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const phase: Phase = {
    id,
    name,
    objectives: [],
    boundary: { processes: [], elements: [] },
    targetLevel: plan.approach === 'subsets' ? null : 1,
    start: null,
    end: null,
    owner: null,
    interfaces: [],
  };
  return { ...plan, phases: [...plan.phases, phase] };
}

export function removePhase(plan: Plan, phaseId: string): Plan {
  return { ...plan, phases: plan.phases.filter((p) => p.id !== phaseId) };
}

/** What is sent to the server: blank objective lines dropped. */
export function cleanPlan(plan: Plan): Plan {
  return { ...plan, phases: plan.phases.map((p) => ({ ...p, objectives: p.objectives.map((o) => o.trim()).filter((o) => o !== '') })) };
}
