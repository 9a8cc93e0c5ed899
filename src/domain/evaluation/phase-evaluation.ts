/**
 * Evaluating a phase (TS 20000-5 5.6): during and after each phase, its results are set against what it aimed at.
 * For each objective: the evidence, a verdict (met, partly met, not met) and, when it is not fully met, the cause
 * and an agreed action (a Jira issue). Beside them: the KPIs from baseline to now, the maturity of the phase's
 * processes against its target, and how far the phase's epics are done. Every figure carries its JQL.
 */
import { z } from 'zod';
import { type ProcessId, unitTitle } from '../assessment/assessment-units';
import { type StatusCategory } from '../gap/gap-model';
import { type Kpi, kpiProgress } from '../initiation/kpi';
import { type TargetState } from '../initiation/target-state';
import { escapeJqlString } from '../jql-value';
import { type MaturityLevel } from '../maturity/maturity-model';
import { type Phase } from '../planning/plan';
import { type TracedFigure, andJql, doneJql, exactFigure, projectJql } from '../traced-figure';

export const OBJECTIVE_VERDICTS = ['met', 'partly_met', 'not_met'] as const;
export type ObjectiveVerdict = (typeof OBJECTIVE_VERDICTS)[number];
export const OBJECTIVE_VERDICT_LABELS: Readonly<Record<ObjectiveVerdict, string>> = {
  met: 'Met',
  partly_met: 'Partly met',
  not_met: 'Not met',
};

/** An objective the phase is judged on: one of the phase's own objectives, or a target-state objective it serves. */
export interface PhaseObjective {
  /** `<phase id>#<n>` for the phase's own n-th objective; the target-state objective id otherwise. */
  id: string;
  text: string;
  source: 'phase' | 'target_state';
}

/** The phase's own objectives, then the target-state objectives that name the phase. */
export function phaseObjectives(phase: Pick<Phase, 'id' | 'objectives'>, target?: Pick<TargetState, 'objectives'>): PhaseObjective[] {
  const own = phase.objectives
    .map((text, i) => ({ id: `${phase.id}#${i + 1}`, text: text.trim(), source: 'phase' as const }))
    .filter((o) => o.text !== '');
  const served = (target?.objectives ?? []).filter((o) => o.phaseIds.includes(phase.id)).map((o) => ({ id: o.id, text: o.text, source: 'target_state' as const }));
  return [...own, ...served];
}

/** An issue offered as evidence for an objective, with its Jira status category. */
export interface ObjectiveEvidence {
  issueKey: string;
  statusCategory: StatusCategory;
}

/**
 * The verdict the evidence suggests: met when there is evidence and all of it is done, partly met when some is
 * done or under way, not met when there is none or none has started. People confirm or change it.
 */
export function proposeVerdict(evidence: readonly ObjectiveEvidence[]): ObjectiveVerdict {
  if (evidence.length === 0) return 'not_met';
  if (evidence.every((e) => e.statusCategory === 'done')) return 'met';
  return evidence.some((e) => e.statusCategory !== 'new') ? 'partly_met' : 'not_met';
}

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Expected a Jira issue key such as SMS-12.');

/** What people record for one objective. */
export const objectiveEvaluationSchema = z
  .object({
    objectiveId: z.string().min(1).max(120),
    verdict: z.enum(OBJECTIVE_VERDICTS),
    evidenceKeys: z.array(issueKey).max(50),
    /** Why the objective was not (fully) met. */
    cause: z.string().trim().max(2000).default(''),
    /** The agreed action: a Jira issue, linked to the evaluation. */
    actionIssueKey: issueKey.nullable().default(null),
    note: z.string().trim().max(2000).default(''),
  })
  .superRefine((e, ctx) => {
    if (e.verdict === 'met') return;
    if (e.cause === '') ctx.addIssue({ code: 'custom', path: ['cause'], message: 'An objective that is not fully met needs its cause.' });
    if (e.actionIssueKey === null) ctx.addIssue({ code: 'custom', path: ['actionIssueKey'], message: 'An objective that is not fully met needs an agreed action (a Jira issue).' });
  });
export type ObjectiveEvaluation = z.infer<typeof objectiveEvaluationSchema>;

export const phaseEvaluationRecordSchema = z.object({
  phaseId: z.string().min(1).max(80),
  evaluatedAt: z.iso.datetime({ offset: true }),
  evaluatedBy: z.string().min(1).max(128),
  /** Whether this is the evaluation at the end of the phase or one during it. */
  kind: z.enum(['interim', 'final']),
  objectives: z.array(objectiveEvaluationSchema).max(60),
});
export type PhaseEvaluationRecord = z.infer<typeof phaseEvaluationRecordSchema>;

/** Objectives of the phase that the record has no verdict for, and verdicts for objectives the phase does not have. */
export function evaluationCoverage(objectives: readonly PhaseObjective[], record: Pick<PhaseEvaluationRecord, 'objectives'>): { missing: string[]; unknown: string[] } {
  const known = new Set(objectives.map((o) => o.id));
  const judged = new Set(record.objectives.map((o) => o.objectiveId));
  return { missing: objectives.filter((o) => !judged.has(o.id)).map((o) => o.id), unknown: [...judged].filter((id) => !known.has(id)) };
}

// ---------- KPIs, maturity, epics ----------

export interface KpiRow {
  kpiId: string;
  name: string;
  unit: string;
  direction: Kpi['direction'];
  baseline: number | null;
  now: number | null;
  target: number | null;
  /** Change from baseline to now (now − baseline); null when either is missing. */
  change: number | null;
  improved: boolean | null;
  targetMet: boolean;
  /** The KPI's own query confined to the project (null for a KPI entered by hand). */
  jql: string | null;
}

/**
 * KPIs from baseline to now. `confinedJql` gives each JQL-sourced KPI's query confined to the project (the
 * service confines it through src/jira/jql.ts; the domain does not).
 */
export function kpiRows(kpis: readonly Kpi[], confinedJql: (kpi: Kpi) => string | null): KpiRow[] {
  return kpis.map((k) => {
    const p = kpiProgress(k);
    const now = p.latest?.value ?? null;
    const change = now !== null && p.start !== null ? now - p.start : null;
    const sign = k.direction === 'higher' ? 1 : -1;
    return {
      kpiId: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      baseline: p.start,
      now,
      target: k.target,
      change,
      improved: change === null ? null : sign * change > 0,
      targetMet: p.targetMet,
      jql: k.source.kind === 'manual' ? null : confinedJql(k),
    };
  });
}

export interface MaturityRow {
  processId: ProcessId;
  title: string;
  /** Level when the phase started (baseline snapshot), null when none was taken. */
  atStart: MaturityLevel | null;
  current: MaturityLevel;
  target: MaturityLevel;
  reached: boolean;
}

/**
 * The phase's processes against its target level (Approach 2 and combined); for Approach 1 (no target level)
 * the target is Level I: the process is in place.
 */
export function phaseMaturity(
  phase: Pick<Phase, 'boundary' | 'targetLevel'>,
  current: Readonly<Partial<Record<ProcessId, MaturityLevel>>>,
  atStart?: Readonly<Partial<Record<ProcessId, MaturityLevel>>>,
): MaturityRow[] {
  const target: MaturityLevel = phase.targetLevel ?? 1;
  return phase.boundary.processes.map((processId) => {
    const level = current[processId] ?? 0;
    return { processId, title: unitTitle(processId), atStart: atStart?.[processId] ?? null, current: level, target, reached: level >= target };
  });
}

export interface EpicProgress {
  epicKey: string;
  done: number;
  inProgress: number;
  toDo: number;
}

export interface EpicCompletion {
  epics: (EpicProgress & { total: number; percent: number })[];
  /** Work items done under the phase's epics, with the JQL that finds them. */
  done: TracedFigure;
  /** All work items under the phase's epics. */
  total: TracedFigure;
  percent: number;
}

const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** How far the phase's epics are done, counted from the work items under them. */
export function epicCompletion(projectKey: string, epics: readonly EpicProgress[]): EpicCompletion {
  const rows = epics.map((e) => {
    const total = e.done + e.inProgress + e.toDo;
    return { ...e, total, percent: percentOf(e.done, total) };
  });
  const done = rows.reduce((a, e) => a + e.done, 0);
  const total = rows.reduce((a, e) => a + e.total, 0);
  const label = { done: 'Work items done under the phase epics', total: 'Work items under the phase epics' };
  if (epics.length === 0) {
    // No epic yet ("Create in Jira" not run for this phase): nothing to search under; the project is the population.
    const project = projectJql(projectKey);
    return { epics: rows, done: { label: label.done, value: 0, jql: project, exact: false }, total: { label: label.total, value: 0, jql: project, exact: false }, percent: 0 };
  }
  const under = andJql(projectJql(projectKey), `parent in (${epics.map((e) => escapeJqlString(e.epicKey)).join(', ')})`);
  return {
    epics: rows,
    done: exactFigure(label.done, done, andJql(under, doneJql(true))),
    total: exactFigure(label.total, total, under),
    percent: percentOf(done, total),
  };
}

// ---------- the whole evaluation ----------

export interface ObjectiveResult extends PhaseObjective {
  evidence: ObjectiveEvidence[];
  proposed: ObjectiveVerdict;
  /** What people recorded; null while the objective has not been judged. */
  recorded: ObjectiveEvaluation | null;
}

export interface PhaseEvaluationView {
  phaseId: string;
  phaseName: string;
  objectives: ObjectiveResult[];
  verdictCounts: Record<ObjectiveVerdict, number>;
  /** Objectives judged partly met or not met, each with its cause and agreed action. */
  unmet: ObjectiveResult[];
  notYetJudged: string[];
  kpis: KpiRow[];
  maturity: MaturityRow[];
  epics: EpicCompletion;
}

export interface PhaseEvaluationInput {
  projectKey: string;
  phase: Phase;
  target?: Pick<TargetState, 'objectives'>;
  /** Evidence per objective id. */
  evidence: Readonly<Record<string, readonly ObjectiveEvidence[]>>;
  record: PhaseEvaluationRecord | null;
  kpis: readonly KpiRow[];
  maturity: readonly MaturityRow[];
  epics: readonly EpicProgress[];
}

export function evaluatePhase(input: PhaseEvaluationInput): PhaseEvaluationView {
  const recorded = new Map((input.record?.objectives ?? []).map((o) => [o.objectiveId, o] as const));
  const objectives = phaseObjectives(input.phase, input.target).map((o): ObjectiveResult => {
    const evidence = [...(input.evidence[o.id] ?? [])];
    return { ...o, evidence, proposed: proposeVerdict(evidence), recorded: recorded.get(o.id) ?? null };
  });
  const verdictCounts: Record<ObjectiveVerdict, number> = { met: 0, partly_met: 0, not_met: 0 };
  for (const o of objectives) if (o.recorded !== null) verdictCounts[o.recorded.verdict] += 1;
  return {
    phaseId: input.phase.id,
    phaseName: input.phase.name,
    objectives,
    verdictCounts,
    unmet: objectives.filter((o) => o.recorded !== null && o.recorded.verdict !== 'met'),
    notYetJudged: objectives.filter((o) => o.recorded === null).map((o) => o.id),
    kpis: [...input.kpis],
    maturity: [...input.maturity],
    epics: epicCompletion(input.projectKey, input.epics),
  };
}
