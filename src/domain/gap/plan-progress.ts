/**
 * What the plan's own work items say about the plan (pure; the gap report's collect step reads the issues):
 * which in-scope processes an epic or work item covers, and each phase's progress (done / in progress / to do).
 * Planned work is never evidence (src/domain/gap/issue-roles.ts); these figures only show the plan's progress.
 */
import { processGroupOf } from '../assessment/assessment-units';
import { getClause } from '../catalogue/catalogue';
import type { PlanItemProperty } from '../epics/plan-item-property';
import type { Plan } from '../planning';
import type { ReportPhase } from '../report';
import type { EpicCoverage, StatusCategory } from './gap-model';

/** One searched issue as far as the plan's progress needs it. */
export interface PlanWorkIssue {
  key: string;
  statusCategory: StatusCategory;
  planItem: PlanItemProperty | undefined;
}

/** In-scope processes (from the plan) and those an epic or work item of the plan covers. */
export function epicCoverage(plan: Plan | undefined, issues: readonly PlanWorkIssue[]): EpicCoverage | undefined {
  if (plan === undefined || plan.scopeProcesses.length === 0) return undefined;
  const withEpic = new Set<string>();
  const phaseProcesses = new Map(plan.phases.map((p) => [p.id, p.boundary.processes]));
  for (const i of issues) {
    const item = i.planItem;
    if (item === undefined) continue;
    if (item.role === 'item' && item.clauseId !== null) withEpic.add(item.clauseId);
    if (item.role === 'epic') {
      const processes = phaseProcesses.get(item.phaseId);
      if (processes === undefined) withEpic.add(item.subsetId);
      else for (const p of processes) if (processGroupOf(p) === item.subsetId) withEpic.add(p);
    }
  }
  return { inScope: [...plan.scopeProcesses], withEpic: [...withEpic].filter((id) => getClause(id) !== undefined) };
}

/** Phase progress from the plan's work items (done / in progress / to do), in plan order. */
export function phaseProgress(plan: Plan | undefined, issues: readonly PlanWorkIssue[]): ReportPhase[] {
  const byPhase = new Map<string, { epicKeys: string[]; done: number; inProgress: number; toDo: number }>();
  const bucket = (phaseId: string): { epicKeys: string[]; done: number; inProgress: number; toDo: number } => {
    let b = byPhase.get(phaseId);
    if (b === undefined) byPhase.set(phaseId, (b = { epicKeys: [], done: 0, inProgress: 0, toDo: 0 }));
    return b;
  };
  for (const i of issues) {
    const item = i.planItem;
    if (item === undefined) continue;
    const b = bucket(item.phaseId);
    if (item.role === 'epic') b.epicKeys.push(i.key);
    else if (i.statusCategory === 'done') b.done += 1;
    else if (i.statusCategory === 'indeterminate') b.inProgress += 1;
    else b.toDo += 1;
  }
  const named = plan?.phases.map((p) => ({ id: p.id, name: p.name })) ?? [];
  const known = new Set(named.map((p) => p.id));
  const order = [...named, ...[...byPhase.keys()].filter((id) => !known.has(id)).sort().map((id) => ({ id, name: id }))];
  return order.map(({ id, name }) => {
    const b = byPhase.get(id) ?? { epicKeys: [], done: 0, inProgress: 0, toDo: 0 };
    const epicKey = b.epicKeys[0];
    return { name, ...(epicKey !== undefined ? { epicKey } : {}), done: b.done, inProgress: b.inProgress, toDo: b.toDo };
  });
}
