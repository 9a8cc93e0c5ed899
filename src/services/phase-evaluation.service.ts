/**
 * Assembles the evaluation of one phase (src/domain/evaluation) from the stored plan, initiation (target state,
 * KPIs), maturity assessment and baseline snapshot, the stored evaluation record, and Jira.
 *
 * Jira: ONE paged search for the phase's own epics and work items (the plan-item property names the phase), to
 * count the work under each epic; and the issues named as evidence in the record, read by key. KPI queries are
 * the user's JQL, confined to the project through src/jira/jql.ts before they are shown. Storage reads cost no
 * product call.
 */
import { type ProcessId, isProcessId } from '../domain/assessment/assessment-units';
import { unitSummary } from '../domain/assessment/unit-summary';
import { BASELINE_LABEL } from '../domain/assessment/snapshot';
import { PLAN_ITEM_PROPERTY_KEY, planItemPropertySchema } from '../domain/epics/plan-item-property';
import { NotFoundError, isAppError } from '../domain/errors';
import { type EpicProgress, type ObjectiveEvidence, type PhaseEvaluationView, evaluatePhase, kpiRows, phaseMaturity } from '../domain/evaluation';
import { type MaturityLevel } from '../domain/maturity/maturity-model';
import type { JiraClient } from '../jira/jira-client';
import { confineUserJql, escapeJqlString } from '../jira/jql';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { EvaluationRepository } from '../storage/evaluation-repository';
import type { InitiationRepository } from '../storage/initiation-repository';
import type { PlanRepository } from '../storage/plan-repository';
import type { SnapshotRepository } from '../storage/snapshot-repository';
import { statusCategoryOf } from '../domain/gap';

export interface PhaseEvaluationResult {
  view: PhaseEvaluationView;
  /** Version of the stored evaluation record (0 before the first save): the next save names it. */
  recordVersion: number;
}

/** The phase's own epics and work items (the plan-item property names the phase). */
export function phaseItemsJql(projectKey: string, phaseId: string): string {
  return `project = ${escapeJqlString(projectKey)} AND issue.property[${PLAN_ITEM_PROPERTY_KEY}].phaseId = ${escapeJqlString(phaseId)} ORDER BY key ASC`;
}

const statusKeyOf = (fields: Record<string, unknown>): string | undefined => {
  const key = (fields.status as { statusCategory?: { key?: unknown } } | undefined)?.statusCategory?.key;
  return typeof key === 'string' ? key : undefined;
};

/** What the phase evaluation reads: Jira and the stored plan, initiation, assessment, snapshots and evaluations. */
export interface PhaseEvaluationDeps {
  jira: JiraClient;
  plans: PlanRepository;
  initiationRecords: InitiationRepository;
  assessments: AssessmentRepository;
  snapshots: SnapshotRepository;
  evaluations: EvaluationRepository;
}

export class PhaseEvaluationService {
  constructor(
    private readonly deps: PhaseEvaluationDeps,
    private readonly opts: { as: 'user' | 'app' },
  ) {}

  private get jira(): JiraClient {
    return this.deps.jira;
  }

  async view(project: { id: string; key: string }, phaseId: string): Promise<PhaseEvaluationResult> {
    const [plan, initiation, stored, snapshots, record] = await Promise.all([
      this.deps.plans.get(project.id),
      this.deps.initiationRecords.get(project.id),
      this.deps.assessments.getAll(project.id),
      this.deps.snapshots.list(project.id),
      this.deps.evaluations.getEvaluation(project.id, phaseId),
    ]);
    const phase = plan?.plan.phases.find((p) => p.id === phaseId);
    if (phase === undefined) throw new NotFoundError(`The plan has no phase ${phaseId}.`, { phaseId });

    const epics = await this.epicProgress(project.key, phaseId);
    const evidence = await this.objectiveEvidence(record.value?.objectives.map((o) => ({ id: o.objectiveId, keys: o.evidenceKeys })) ?? []);

    const current: Partial<Record<ProcessId, MaturityLevel>> = {};
    for (const [unitId, unit] of Object.entries(stored.assessment.units)) if (isProcessId(unitId) && unit !== undefined) current[unitId] = unitSummary(unit).currentLevel;
    const baseline = snapshots.find((s) => s.snapshot.label === BASELINE_LABEL)?.snapshot;
    const atStart: Partial<Record<ProcessId, MaturityLevel>> = {};
    for (const [unitId, levels] of Object.entries(baseline?.levels ?? {})) if (isProcessId(unitId) && levels !== undefined) atStart[unitId] = levels.level;

    const confined = (jql: string): string | null => {
      try {
        return confineUserJql(project.key, jql);
      } catch (e) {
        if (isAppError(e) && e.code === 'VALIDATION_FAILED') return null;
        throw e;
      }
    };
    const view = evaluatePhase({
      projectKey: project.key,
      phase,
      target: initiation.initiation.targetState,
      evidence,
      record: record.value,
      kpis: kpiRows(initiation.initiation.kpis, (k) => (k.source.kind === 'manual' ? null : confined(k.source.jql))),
      maturity: phaseMaturity(phase, current, baseline === undefined ? undefined : atStart),
      epics,
    });
    return { view, recordVersion: record.version };
  }

  /** Work under each epic of the phase, from one paged search of the phase's plan items. */
  private async epicProgress(projectKey: string, phaseId: string): Promise<EpicProgress[]> {
    const epics = new Map<string, EpicProgress>();
    const items: { parent: string | undefined; status: string | undefined }[] = [];
    for await (const issue of this.jira.searchJqlAll(phaseItemsJql(projectKey, phaseId), {
      as: this.opts.as,
      fields: ['status', 'parent'],
      properties: [PLAN_ITEM_PROPERTY_KEY],
    })) {
      const item = planItemPropertySchema.safeParse(issue.properties[PLAN_ITEM_PROPERTY_KEY]);
      if (!item.success) continue;
      if (item.data.role === 'epic') epics.set(issue.key, { epicKey: issue.key, done: 0, inProgress: 0, toDo: 0 });
      else items.push({ parent: (issue.fields.parent as { key?: string } | undefined)?.key, status: statusKeyOf(issue.fields) });
    }
    for (const item of items) {
      const epic = item.parent === undefined ? undefined : epics.get(item.parent);
      if (epic === undefined) continue;
      const category = statusCategoryOf(item.status);
      if (category === 'done') epic.done += 1;
      else if (category === 'indeterminate') epic.inProgress += 1;
      else epic.toDo += 1;
    }
    return [...epics.values()];
  }

  /** The status of each issue named as evidence (issues that are gone or hidden are left out). */
  private async objectiveEvidence(objectives: readonly { id: string; keys: readonly string[] }[]): Promise<Record<string, ObjectiveEvidence[]>> {
    const keys = [...new Set(objectives.flatMap((o) => o.keys))];
    if (keys.length === 0) return {};
    const found = new Map((await this.jira.getIssuesByKeys(keys, { as: this.opts.as, fields: ['status'] })).map((i) => [i.key, statusCategoryOf(statusKeyOf(i.fields))] as const));
    return Object.fromEntries(
      objectives.map((o) => [o.id, o.keys.flatMap((k) => {
        const statusCategory = found.get(k);
        return statusCategory === undefined ? [] : [{ issueKey: k, statusCategory }];
      })]),
    );
  }
}
