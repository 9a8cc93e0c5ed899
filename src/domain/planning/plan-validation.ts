/**
 * Checks a plan against TS 20000-5 5.2:
 * - Rule 1: every phase states objectives and a boundary (processes and related elements);
 * - Rule 2: every process interaction that crosses a phase boundary needs a defined interface;
 * - every in-scope process is covered by the end of the plan (or listed in notPlanned);
 * - no process is taken to a level before the one below it (Approach 2 / combined).
 *
 * Where a process "is" in the plan: the first phase whose boundary holds it (the phase that introduces it;
 * later phases that hold it again improve it). An interaction crosses a boundary when its two ends are
 * introduced in different phases, or when only one end is in the plan at all. Its interface is required
 * in the later of the two phases (the one that joins the other side), or in the only phase for an
 * interaction with the rest of the SMS.
 */
import { type MaturityLevel, LEVEL_LABELS } from '../maturity/maturity-model';
import { type Assessment, getUnit } from '../assessment/assessment';
import { type ProcessId, PROCESS_IDS, processesForClause, unitTitle } from '../assessment/assessment-units';
import { unitSummary } from '../assessment/unit-summary';
import { type ClauseId } from '../catalogue/catalogue';
import { type Phase, type PhaseInterface, type Plan } from './plan';
import { IDENTIFIED_INTERACTIONS } from './plan-interactions';

export interface CrossPhaseInteraction {
  interactionId: string;
  from: ClauseId;
  to: ClauseId;
  what: string;
  /** Phase that introduces the `from` side; null when it is outside the plan. */
  fromPhaseId: string | null;
  toPhaseId: string | null;
  kind: 'between-phases' | 'outside-plan';
  /** The phase that must define the interface (the later phase, or the only one in the plan). */
  requiredInPhaseId: string;
  interface: PhaseInterface | null;
  /** True while the required phase defines no interface for it. */
  flagged: boolean;
}

/** Index of the first phase holding each process. */
export function firstPhaseIndex(plan: Plan): Map<ProcessId, number> {
  const out = new Map<ProcessId, number>();
  plan.phases.forEach((phase, index) => {
    for (const p of phase.boundary.processes) if (!out.has(p)) out.set(p, index);
  });
  return out;
}

function sideIndex(first: Map<ProcessId, number>, clause: ClauseId): number | null {
  const indexes = processesForClause(clause)
    .map((p) => first.get(p))
    .filter((i): i is number => i !== undefined);
  return indexes.length === 0 ? null : Math.min(...indexes);
}

/** Every PROCESS_INTERACTIONS entry that crosses a phase boundary, in plan order of the requiring phase. */
export function crossPhaseInteractions(plan: Plan): CrossPhaseInteraction[] {
  const first = firstPhaseIndex(plan);
  const out: { c: CrossPhaseInteraction; order: number; n: number }[] = [];
  IDENTIFIED_INTERACTIONS.forEach((i, n) => {
    const fi = sideIndex(first, i.from);
    const ti = sideIndex(first, i.to);
    if (fi === null && ti === null) return;
    if (fi === ti) return;
    const required = fi === null ? (ti as number) : ti === null ? fi : Math.max(fi, ti);
    const phase = plan.phases[required] as Phase;
    const iface = phase.interfaces.find((x) => x.interactionId === i.id) ?? null;
    out.push({
      order: required,
      n,
      c: {
        interactionId: i.id,
        from: i.from,
        to: i.to,
        what: i.what,
        fromPhaseId: fi === null ? null : (plan.phases[fi]?.id ?? null),
        toPhaseId: ti === null ? null : (plan.phases[ti]?.id ?? null),
        kind: fi === null || ti === null ? 'outside-plan' : 'between-phases',
        requiredInPhaseId: phase.id,
        interface: iface,
        flagged: iface === null,
      },
    });
  });
  return out.sort((x, y) => x.order - y.order || x.n - y.n).map((x) => x.c);
}

export type PlanIssueCode =
  | 'no-phases'
  | 'duplicate-phase-id'
  | 'missing-objectives'
  | 'empty-boundary-processes'
  | 'empty-boundary-elements'
  | 'process-not-in-scope'
  | 'uncovered-process'
  | 'interface-missing'
  | 'interface-unused'
  | 'level-skipped'
  | 'level-lowered'
  | 'missing-target-level'
  | 'dates-reversed'
  | 'dates-overlap';

export interface PlanIssue {
  code: PlanIssueCode;
  severity: 'error' | 'warning';
  /** 'rule-1' / 'rule-2' for the TS 20000-5 rules; 'coverage', 'levels', 'dates', 'structure' otherwise. */
  rule: 'rule-1' | 'rule-2' | 'coverage' | 'levels' | 'dates' | 'structure';
  message: string;
  phaseId?: string;
  processId?: ProcessId;
  interactionId?: string;
}

export interface PlanValidation {
  /** True when there is no issue of severity 'error'. */
  valid: boolean;
  issues: PlanIssue[];
  crossings: CrossPhaseInteraction[];
}

export interface ValidatePlanContext {
  /** Lets the level check start from each process's assessed level (otherwise its first planned level counts). */
  assessment?: Assessment | null;
}

export function validatePlan(plan: Plan, context: ValidatePlanContext = {}): PlanValidation {
  const issues: PlanIssue[] = [];
  if (plan.phases.length === 0) {
    issues.push({ code: 'no-phases', severity: 'error', rule: 'structure', message: 'The plan has no phases yet.' });
  }

  const ids = new Set<string>();
  for (const phase of plan.phases) {
    if (ids.has(phase.id)) {
      issues.push({ code: 'duplicate-phase-id', severity: 'error', rule: 'structure', phaseId: phase.id, message: `Two phases share the id ${phase.id}.` });
    }
    ids.add(phase.id);
    if (phase.objectives.every((o) => o.trim() === '')) {
      issues.push({ code: 'missing-objectives', severity: 'error', rule: 'rule-1', phaseId: phase.id, message: `Phase “${phase.name}” states no objectives.` });
    }
    if (phase.boundary.processes.length === 0) {
      issues.push({ code: 'empty-boundary-processes', severity: 'error', rule: 'rule-1', phaseId: phase.id, message: `Phase “${phase.name}” has no processes in its boundary.` });
    }
    if (phase.boundary.elements.length === 0) {
      issues.push({ code: 'empty-boundary-elements', severity: 'error', rule: 'rule-1', phaseId: phase.id, message: `Phase “${phase.name}” names no related elements in its boundary.` });
    }
    for (const p of phase.boundary.processes) {
      if (!plan.scopeProcesses.includes(p)) {
        issues.push({
          code: 'process-not-in-scope',
          severity: 'warning',
          rule: 'coverage',
          phaseId: phase.id,
          processId: p,
          message: `${unitTitle(p)} (${p}) is in phase “${phase.name}” but not in the SMS scope.`,
        });
      }
    }
    if (phase.start !== null && phase.end !== null && phase.end < phase.start) {
      issues.push({ code: 'dates-reversed', severity: 'error', rule: 'dates', phaseId: phase.id, message: `Phase “${phase.name}” ends before it starts.` });
    }
  }
  for (let i = 1; i < plan.phases.length; i++) {
    const prev = plan.phases[i - 1] as Phase;
    const cur = plan.phases[i] as Phase;
    if (prev.end !== null && cur.start !== null && cur.start <= prev.end) {
      issues.push({ code: 'dates-overlap', severity: 'warning', rule: 'dates', phaseId: cur.id, message: `Phase “${cur.name}” starts before “${prev.name}” ends.` });
    }
  }

  // Coverage: every in-scope process is in some phase by the end (or deliberately not planned).
  const first = firstPhaseIndex(plan);
  const skipped = new Set(plan.notPlanned.map((n) => n.processId));
  if (plan.phases.length > 0) {
    for (const p of PROCESS_IDS) {
      if (plan.scopeProcesses.includes(p) && !first.has(p) && !skipped.has(p)) {
        issues.push({ code: 'uncovered-process', severity: 'error', rule: 'coverage', processId: p, message: `${unitTitle(p)} (${p}) is in scope but in no phase.` });
      }
    }
  }

  // Levels: per process, planned levels rise one at a time.
  if (plan.approach !== 'subsets') {
    for (const phase of plan.phases) {
      if (phase.targetLevel === null || phase.targetLevel === 0) {
        issues.push({ code: 'missing-target-level', severity: 'error', rule: 'levels', phaseId: phase.id, message: `Phase “${phase.name}” sets no target level.` });
      }
    }
  }
  const assessment = context.assessment ?? null;
  for (const p of PROCESS_IDS) {
    let prev: MaturityLevel | null = assessment ? unitSummary(getUnit(assessment, p)).currentLevel : null;
    let prevPlanned: MaturityLevel | null = null;
    for (const phase of plan.phases) {
      if (!phase.boundary.processes.includes(p) || phase.targetLevel === null) continue;
      const level = phase.targetLevel;
      if (prevPlanned !== null && level < prevPlanned) {
        issues.push({
          code: 'level-lowered',
          severity: 'warning',
          rule: 'levels',
          phaseId: phase.id,
          processId: p,
          message: `Phase “${phase.name}” aims ${unitTitle(p)} at ${LEVEL_LABELS[level]} after an earlier phase aimed at ${LEVEL_LABELS[prevPlanned]}.`,
        });
      }
      if (prev !== null && level > prev + 1) {
        issues.push({
          code: 'level-skipped',
          severity: 'error',
          rule: 'levels',
          phaseId: phase.id,
          processId: p,
          message: `Phase “${phase.name}” takes ${unitTitle(p)} to ${LEVEL_LABELS[level]} without ${LEVEL_LABELS[(level - 1) as MaturityLevel]} first.`,
        });
      }
      prev = prev === null ? level : (Math.max(prev, level) as MaturityLevel);
      prevPlanned = level;
    }
  }

  // Rule 2.
  const crossings = crossPhaseInteractions(plan);
  for (const c of crossings) {
    if (!c.flagged) continue;
    issues.push({
      code: 'interface-missing',
      severity: 'error',
      rule: 'rule-2',
      phaseId: c.requiredInPhaseId,
      interactionId: c.interactionId,
      message: `Phase “${plan.phases.find((p) => p.id === c.requiredInPhaseId)?.name ?? c.requiredInPhaseId}” defines no interface for ${c.from} → ${c.to} (${c.what.replace(/\.$/, '')}), which crosses its boundary.`,
    });
  }
  const required = new Set(crossings.map((c) => `${c.requiredInPhaseId}|${c.interactionId}`));
  for (const phase of plan.phases) {
    for (const iface of phase.interfaces) {
      if (!required.has(`${phase.id}|${iface.interactionId}`)) {
        issues.push({
          code: 'interface-unused',
          severity: 'warning',
          rule: 'rule-2',
          phaseId: phase.id,
          interactionId: iface.interactionId,
          message: `Phase “${phase.name}” defines an interface for ${iface.interactionId}, which no longer crosses its boundary.`,
        });
      }
    }
  }

  return { valid: !issues.some((i) => i.severity === 'error'), issues, crossings };
}
