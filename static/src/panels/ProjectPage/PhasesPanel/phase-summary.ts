/** Pure helpers for the compact phase cards: processes grouped by process group, Rule 1 / Rule 2 status, focus targets. */
import { formatDate } from '../../../format/dates';
import type { CrossPhaseInteraction, Phase, PlanCheck, PlanIssue, PlanOptions } from '@contract/plan';

export interface ProcessChipGroup {
  group: string;
  title: string;
  processes: { id: string; title: string }[];
}

/** The phase's processes grouped by process group, groups and processes in catalogue order. */
export function groupProcesses(processIds: readonly string[], options: PlanOptions): ProcessChipGroup[] {
  const set = new Set(processIds);
  const out: ProcessChipGroup[] = [];
  for (const p of options.processes) {
    if (!set.has(p.id)) continue;
    let g = out.find((x) => x.group === p.processGroup);
    if (g === undefined) {
      g = { group: p.processGroup, title: p.groupTitle, processes: [] };
      out.push(g);
    }
    g.processes.push({ id: p.id, title: p.title });
  }
  // Ids the catalogue does not know (should not happen) still show, last.
  const known = new Set<string>(options.processes.map((p) => p.id));
  const unknown = processIds.filter((id) => !known.has(id));
  if (unknown.length > 0) out.push({ group: 'other', title: 'Other', processes: unknown.map((id) => ({ id, title: id })) });
  return out;
}

export interface PhaseStatus {
  rule1: PlanIssue[];
  /** Interactions whose interface this phase must define, in the check's order (stable while typing). */
  crossings: CrossPhaseInteraction[];
  flagged: number;
}

export function phaseStatus(phase: Phase, check: PlanCheck | null): PhaseStatus {
  const rule1 = (check?.issues ?? []).filter((i) => i.phaseId === phase.id && i.rule === 'rule-1');
  const crossings = (check?.crossings ?? []).filter((c) => c.requiredInPhaseId === phase.id);
  return { rule1, crossings, flagged: crossings.filter((c) => c.flagged).length };
}

/** Stable: flagged interactions first, each part in its original order. */
export function flaggedFirst(list: readonly CrossPhaseInteraction[]): CrossPhaseInteraction[] {
  return [...list.filter((c) => c.flagged), ...list.filter((c) => !c.flagged)];
}

export const objectiveCount = (phase: Phase): number => phase.objectives.filter((o) => o.trim() !== '').length;

/** "Dec 2, 2026 – Mar 31, 2027" through the one date formatter (static/src/format/dates.ts). */
export function dateRange(phase: Phase): string {
  const s = formatDate(phase.start);
  const e = formatDate(phase.end);
  if (s === '' && e === '') return 'No dates';
  return `${s === '' ? 'no start' : s} – ${e === '' ? 'no end' : e}`;
}

/** Which control of the expanded editor receives focus when a phase is opened from an issue or a crossing. */
export type FocusTarget =
  | { kind: 'card' }
  | { kind: 'field'; field: 'name' | 'level' | 'start' | 'objectives' | 'processes' | 'elements' }
  | { kind: 'interface'; interactionId: string };

export interface FocusRequest {
  phaseId: string;
  target: FocusTarget;
  /** Increases on every request, so asking twice for the same target focuses it again. */
  seq: number;
}

/** The control an issue is about, so "show" lands where the fix is typed. */
export function focusTargetFor(issue: PlanIssue): FocusTarget {
  if (issue.interactionId !== undefined) return { kind: 'interface', interactionId: issue.interactionId };
  switch (issue.code) {
    case 'missing-objectives':
      return { kind: 'field', field: 'objectives' };
    case 'empty-boundary-processes':
    case 'process-not-in-scope':
      return { kind: 'field', field: 'processes' };
    case 'empty-boundary-elements':
      return { kind: 'field', field: 'elements' };
    case 'dates-reversed':
    case 'dates-overlap':
      return { kind: 'field', field: 'start' };
    case 'level-skipped':
    case 'level-lowered':
    case 'missing-target-level':
      return { kind: 'field', field: 'level' };
    default:
      return { kind: 'card' };
  }
}

/** `data-focus` value of the wrapper around the control a target points at. */
export function focusKey(target: FocusTarget): string | null {
  if (target.kind === 'card') return null;
  return target.kind === 'field' ? target.field : `interface:${target.interactionId}`;
}
