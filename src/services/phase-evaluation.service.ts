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
import { NotFoundError, ValidationError, VersionConflictError, isAppError } from '../domain/errors';
import {
  type ActionIssueDraft,
  type AgreedAction,
  type EpicProgress,
  EVALUATION_ACTION_LABEL,
  EVALUATION_ACTION_LINK_TYPE,
  type Lesson,
  type LessonRegister,
  type ObjectiveEvaluation,
  type ObjectiveEvidence,
  type ObjectiveVerdict,
  type OfferedLesson,
  type PhaseEvaluationRecord,
  type PhaseEvaluationView,
  type PlanHistory,
  actionIssueDraft,
  evaluatePhase,
  evaluationCoverage,
  findActionIssue,
  kpiRows,
  lessonsToOffer,
  missingLinks,
  phaseChanges,
  phaseMaturity,
  phaseObjectives,
  takeUpLesson,
} from '../domain/evaluation';
import { type Kpi } from '../domain/initiation/kpi';
import { EVALUATION_ACTION_PROPERTY_KEY, evaluationActionsJql } from '../domain/issue-index';
import { type Phase, type Plan } from '../domain/planning/plan';
import type { KpiService } from './kpi.service';
import { type MaturityLevel } from '../domain/maturity/maturity-model';
import type { JiraClient } from '../jira/jira-client';
import { confinedJqlOrNull, escapeJqlString } from '../jira/jql';
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
  /** The stored record (kind, when and by whom), null before the first save. */
  record: PhaseEvaluationRecord | null;
  /** How each KPI's "now" was obtained, in the order of view.kpis. */
  kpiNow: KpiNow[];
  /** The plan's phases (to pick another). */
  phases: { id: string; name: string }[];
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
  /** Computes each JQL KPI's value now (as the user); without it the latest recorded measurement is "now". */
  kpi?: Pick<KpiService, 'compute'>;
  now?: () => Date;
}

/** How the "now" of a KPI row was obtained. */
export interface KpiNow {
  kpiId: string;
  /** true: computed from Jira for this view; false: the latest recorded measurement (manual KPI, or the query failed). */
  computed: boolean;
  /** Why the query could not be run (the row then shows the latest recorded measurement). */
  error: string | null;
}

/** One objective's verdict as people record it (the agreed action's issue key is kept by the app). */
export interface VerdictInput {
  objectiveId: string;
  verdict: ObjectiveVerdict;
  evidenceKeys: string[];
  cause: string;
  note: string;
}

export interface ActionRequest {
  phaseId: string;
  objectiveId: string;
  evidenceKeys: string[];
  agreed: AgreedAction;
}

export interface ActionPreview {
  draft: ActionIssueDraft;
  /** The issue type it will be created with. */
  issueTypeName: string;
  /** The action issue already made for this objective (then nothing is created again). */
  existingKey: string | null;
}

export interface ActionOutcome {
  key: string;
  created: boolean;
  /** Links made now (those that existed are not made again). */
  linked: string[];
  /** Links Jira refused (the action stands without them), one line each. */
  linkProblems: string[];
}

const MAX_LESSON_ID = 9999;

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

    const { kpis, kpiNow } = await this.kpisNow(project.key, initiation.initiation.kpis);
    const view = evaluatePhase({
      projectKey: project.key,
      phase,
      target: initiation.initiation.targetState,
      evidence,
      record: record.value,
      kpis: kpiRows(kpis, (k) => (k.source.kind === 'manual' ? null : confinedJqlOrNull(project.key, k.source.jql))),
      maturity: phaseMaturity(phase, current, baseline === undefined ? undefined : atStart),
      epics,
    });
    return { view, recordVersion: record.version, kpiNow, record: record.value, phases: plan?.plan.phases.map((p) => ({ id: p.id, name: p.name })) ?? [] };
  }

  /**
   * Each JQL KPI computed from Jira now (through the KPI service, as the user), appended as the latest value of a
   * copy (nothing is recorded); a query that fails leaves the KPI's recorded measurements and says why.
   */
  private async kpisNow(projectKey: string, kpis: readonly Kpi[]): Promise<{ kpis: Kpi[]; kpiNow: KpiNow[] }> {
    const at = this.now().toISOString();
    const service = this.deps.kpi;
    const out = await Promise.all(
      kpis.map(async (k): Promise<{ kpi: Kpi; now: KpiNow }> => {
        if (k.source.kind === 'manual' || service === undefined) return { kpi: k, now: { kpiId: k.id, computed: false, error: null } };
        try {
          const c = await service.compute(projectKey, k.source);
          if (c.value === null) return { kpi: k, now: { kpiId: k.id, computed: false, error: 'No issue the query finds has both dates.' } };
          return { kpi: { ...k, measurements: [...k.measurements, { at, value: c.value, note: `computed: ${c.issueCount} issues` }] }, now: { kpiId: k.id, computed: true, error: null } };
        } catch (e) {
          if (!isAppError(e) || e.code === 'INTERNAL') throw e;
          return { kpi: k, now: { kpiId: k.id, computed: false, error: e.message } };
        }
      }),
    );
    return { kpis: out.map((o) => o.kpi), kpiNow: out.map((o) => o.now) };
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  private async phaseOf(projectId: string, phaseId: string): Promise<{ plan: Plan; phase: Phase }> {
    const plan = await this.deps.plans.get(projectId);
    const phase = plan?.plan.phases.find((p) => p.id === phaseId);
    if (plan === undefined || phase === undefined) throw new NotFoundError(`The plan has no phase ${phaseId}.`, { phaseId });
    return { plan: plan.plan, phase };
  }

  private async objectivesOf(projectId: string, phase: Phase) {
    const initiation = await this.deps.initiationRecords.get(projectId);
    return phaseObjectives(phase, initiation.initiation.targetState);
  }

  /**
   * Saves the verdicts of a phase's objectives. The agreed action of an objective is the app's to keep (recordAction
   * sets it): each objective keeps the one stored. An objective not fully met without a cause and an action is
   * refused (VALIDATION_FAILED), as is an objective the phase does not have.
   */
  async saveVerdicts(project: { id: string; key: string }, accountId: string, input: { phaseId: string; kind: 'interim' | 'final'; objectives: VerdictInput[]; version: number }): Promise<PhaseEvaluationResult> {
    const { phase } = await this.phaseOf(project.id, input.phaseId);
    const objectives = await this.objectivesOf(project.id, phase);
    const stored = await this.deps.evaluations.getEvaluation(project.id, input.phaseId);
    const actions = new Map((stored.value?.objectives ?? []).map((o) => [o.objectiveId, o.actionIssueKey] as const));
    const record: PhaseEvaluationRecord = {
      phaseId: input.phaseId,
      evaluatedAt: this.now().toISOString(),
      evaluatedBy: accountId,
      kind: input.kind,
      objectives: input.objectives.map((o) => ({ ...o, actionIssueKey: actions.get(o.objectiveId) ?? null })),
    };
    const { unknown } = evaluationCoverage(objectives, record);
    if (unknown.length > 0) throw new ValidationError(`Phase ${phase.name} has no objective ${unknown.join(', ')}.`, { unknown });
    const lacking = record.objectives.filter((o) => o.verdict !== 'met' && (o.cause.trim() === '' || o.actionIssueKey === null)).map((o) => objectives.find((x) => x.id === o.objectiveId)?.text ?? o.objectiveId);
    if (lacking.length > 0) {
      throw new ValidationError(`Record the cause and the agreed action of every objective not fully met first: ${lacking.join('; ')}.`, { objectives: lacking });
    }
    await this.deps.evaluations.saveEvaluation(project.id, record, input.version, accountId);
    return this.view(project, input.phaseId);
  }

  /** The Jira issue recordAction would create for the objective (or the one it already made), without writing anything. */
  async previewAction(project: { id: string; key: string }, request: ActionRequest): Promise<ActionPreview> {
    const { phase } = await this.phaseOf(project.id, request.phaseId);
    const objective = (await this.objectivesOf(project.id, phase)).find((o) => o.id === request.objectiveId);
    if (objective === undefined) throw new NotFoundError(`Phase ${phase.name} has no objective ${request.objectiveId}.`, { objectiveId: request.objectiveId });
    const [epics, type, existingKey] = await Promise.all([
      this.epicProgress(project.key, phase.id),
      this.actionIssueType(project.id),
      this.existingAction(project, phase.id, objective.id),
    ]);
    const draft = actionIssueDraft({
      phaseId: phase.id,
      phaseName: phase.name,
      objectiveId: objective.id,
      objectiveText: objective.text,
      agreed: request.agreed,
      evidenceKeys: request.evidenceKeys,
      epicKeys: epics.map((e) => e.epicKey),
    });
    return { draft, issueTypeName: type.name, existingKey };
  }

  /**
   * Records the cause and the agreed action of an objective not fully met: creates the action as a Jira issue (as
   * the user) unless it exists — the stored key first, then the app's action issues by label — links it to the
   * objective's evidence and the phase's epics (only the links it lacks), and saves the objective's verdict, cause
   * and action key with the stored evaluation. Running it again never creates a second issue.
   */
  async recordAction(project: { id: string; key: string }, accountId: string, request: ActionRequest & { version: number }): Promise<PhaseEvaluationResult & { action: ActionOutcome }> {
    const stored = await this.deps.evaluations.getEvaluation(project.id, request.phaseId);
    if (stored.version !== request.version) {
      throw new VersionConflictError({ what: 'The phase evaluation', expectedVersion: request.version, currentVersion: stored.version, updatedBy: stored.updatedBy ?? '', updatedAt: stored.updatedAt ?? '' });
    }
    const preview = await this.previewAction(project, request);
    let key = preview.existingKey;
    const created = key === null;
    if (key === null) {
      const type = await this.actionIssueType(project.id);
      key = (
        await this.jira.createIssue(
          {
            fields: { project: { id: project.id }, issuetype: { id: type.id }, summary: preview.draft.summary, description: preview.draft.description, labels: preview.draft.labels },
            properties: [{ key: EVALUATION_ACTION_PROPERTY_KEY, value: preview.draft.property }],
          },
          { as: this.opts.as },
        )
      ).key;
    }
    const link = await this.linkAction(key, preview.draft.linkTo);
    const previous = stored.value?.objectives.find((o) => o.objectiveId === request.objectiveId);
    const entry: ObjectiveEvaluation = {
      objectiveId: request.objectiveId,
      verdict: request.agreed.verdict,
      evidenceKeys: request.evidenceKeys,
      cause: request.agreed.cause,
      actionIssueKey: key,
      note: previous?.note ?? '',
    };
    const record: PhaseEvaluationRecord = {
      phaseId: request.phaseId,
      evaluatedAt: this.now().toISOString(),
      evaluatedBy: accountId,
      kind: stored.value?.kind ?? 'interim',
      objectives: [...(stored.value?.objectives ?? []).filter((o) => o.objectiveId !== request.objectiveId), entry],
    };
    await this.deps.evaluations.saveEvaluation(project.id, record, stored.version, accountId);
    return { ...(await this.view(project, request.phaseId)), action: { key, created, ...link } };
  }

  /** The objective's action issue: the key stored with the evaluation, else one the app made (found by label and property). */
  private async existingAction(project: { id: string; key: string }, phaseId: string, objectiveId: string): Promise<string | null> {
    const stored = (await this.deps.evaluations.getEvaluation(project.id, phaseId)).value?.objectives.find((o) => o.objectiveId === objectiveId)?.actionIssueKey ?? null;
    if (stored !== null) return stored;
    const made: { key: string; property: unknown }[] = [];
    for await (const issue of this.jira.searchJqlAll(evaluationActionsJql(project.key, EVALUATION_ACTION_LABEL), { as: this.opts.as, fields: ['summary'], properties: [EVALUATION_ACTION_PROPERTY_KEY] })) {
      made.push({ key: issue.key, property: issue.properties[EVALUATION_ACTION_PROPERTY_KEY] });
    }
    return findActionIssue(made, phaseId, objectiveId);
  }

  /** The project's standard "Task" type (else its first standard type) for action issues. */
  private async actionIssueType(projectId: string): Promise<{ id: string; name: string }> {
    const standard = (await this.jira.getIssueTypesForProject(projectId, { as: this.opts.as })).filter((t) => t.hierarchyLevel === 0 && !t.subtask);
    const type = standard.find((t) => t.name.toLowerCase() === 'task') ?? [...standard].sort((a, b) => Number(a.id) - Number(b.id))[0];
    if (type === undefined) throw new ValidationError('This project has no standard issue type to create the action with.');
    return type;
  }

  /** Links the action to `targets` it is not linked to yet ("relates to"); a refused link is reported, not thrown. */
  private async linkAction(key: string, targets: readonly string[]): Promise<{ linked: string[]; linkProblems: string[] }> {
    const issue = await this.jira.getIssue(key, { as: this.opts.as, fields: ['issuelinks'] });
    const links = Array.isArray(issue.fields.issuelinks) ? (issue.fields.issuelinks as { inwardIssue?: { key?: unknown }; outwardIssue?: { key?: unknown } }[]) : [];
    const linkedKeys = links.flatMap((l) => [l.inwardIssue?.key, l.outwardIssue?.key]).filter((k): k is string => typeof k === 'string');
    const linked: string[] = [];
    const linkProblems: string[] = [];
    for (const target of missingLinks(targets, linkedKeys)) {
      try {
        await this.jira.createIssueLink({ type: { name: EVALUATION_ACTION_LINK_TYPE }, inwardIssue: { key }, outwardIssue: { key: target } }, { as: this.opts.as });
        linked.push(target);
      } catch (e) {
        if (!isAppError(e) || e.code === 'INTERNAL') throw e;
        linkProblems.push(`${target}: ${e.message}`);
      }
    }
    return { linked, linkProblems };
  }

  // ---------- lessons learned ----------

  async lessons(projectId: string): Promise<{ register: LessonRegister; version: number }> {
    const r = await this.deps.evaluations.getLessons(projectId);
    return { register: r.value, version: r.version };
  }

  /** Adds a lesson learned in `phaseId` to the register (ids `lesson-<n>`). */
  async recordLesson(
    projectId: string,
    accountId: string,
    input: { phaseId: string; observation: string; recommendation: string; processes: Lesson['processes']; version: number },
  ): Promise<{ register: LessonRegister; version: number }> {
    await this.phaseOf(projectId, input.phaseId);
    const current = await this.deps.evaluations.getLessons(projectId);
    const used = new Set(current.value.map((l) => l.id));
    let n = current.value.length + 1;
    while (used.has(`lesson-${n}`) && n < MAX_LESSON_ID) n += 1;
    const lesson: Lesson = {
      id: `lesson-${n}`,
      phaseId: input.phaseId,
      observation: input.observation,
      recommendation: input.recommendation,
      processes: input.processes,
      recordedAt: this.now().toISOString(),
      recordedBy: accountId,
      appliedIn: [],
    };
    const saved = await this.deps.evaluations.saveLessons(projectId, [...current.value, lesson], input.version, accountId);
    return { register: saved.value, version: saved.version };
  }

  /** Records that the planning of `phaseId` took the lesson up (it is then no longer offered to that phase). */
  async takeUpLesson(projectId: string, accountId: string, input: { lessonId: string; phaseId: string; version: number }): Promise<{ register: LessonRegister; version: number }> {
    const current = await this.deps.evaluations.getLessons(projectId);
    if (!current.value.some((l) => l.id === input.lessonId)) throw new NotFoundError(`The register has no lesson ${input.lessonId}.`, { lessonId: input.lessonId });
    const saved = await this.deps.evaluations.saveLessons(projectId, takeUpLesson(current.value, input.lessonId, input.phaseId), input.version, accountId);
    return { register: saved.value, version: saved.version };
  }

  // ---------- plan revisions ----------

  /** For the Phases view: the lessons offered to each phase, the phases evaluated so far and the plan history. */
  async planContext(projectId: string, phases: readonly Phase[]): Promise<{ lessonsOffered: Record<string, OfferedLesson[]>; lessonsVersion: number; evaluatedPhaseIds: string[]; history: PlanHistory }> {
    const [lessons, history, evaluated] = await Promise.all([this.deps.evaluations.getLessons(projectId), this.deps.evaluations.getPlanHistory(projectId), this.evaluatedPhaseIds(projectId, phases.map((p) => p.id))]);
    return {
      lessonsOffered: Object.fromEntries(phases.map((p) => [p.id, lessonsToOffer(lessons.value, p)])),
      lessonsVersion: lessons.version,
      evaluatedPhaseIds: evaluated,
      history: history.value,
    };
  }

  private async evaluatedPhaseIds(projectId: string, phaseIds: readonly string[]): Promise<string[]> {
    const records = await Promise.all(phaseIds.map((id) => this.deps.evaluations.getEvaluation(projectId, id)));
    return phaseIds.filter((_, i) => records[i]?.value !== null && records[i]?.value !== undefined);
  }

  /**
   * Before a plan is saved: the evaluated phases it changes or removes. A plan that changes an evaluated phase is a
   * revision after evaluation and needs a reason (VALIDATION_FAILED on `reason` without one).
   */
  async assertRevisionReason(projectId: string, before: Pick<Plan, 'phases'> | undefined, after: Pick<Plan, 'phases'>, reason: string): Promise<string[]> {
    if (before === undefined) return [];
    const changes = phaseChanges(before, after);
    const touched = await this.evaluatedPhaseIds(projectId, [...changes.changed, ...changes.removed]);
    if (touched.length > 0 && reason.trim() === '') {
      throw new ValidationError(`Phase ${touched.join(', ')} was evaluated: say why the plan is revised (the reason is kept in the plan history).`, {
        issues: [{ path: 'reason', message: 'A revision of an evaluated phase needs a reason.' }],
        phases: touched,
      });
    }
    return touched;
  }

  /** Keeps a revision with its reason in the plan history (nothing without a reason or without an earlier plan). */
  async recordPlanRevision(
    projectId: string,
    input: { before: Pick<Plan, 'phases'> | undefined; after: Pick<Plan, 'phases'>; version: number; by: string; reason: string; evaluatedChanged: readonly string[] },
  ): Promise<void> {
    if (input.before === undefined || input.reason.trim() === '') return;
    const history = await this.deps.evaluations.getPlanHistory(projectId);
    await this.deps.evaluations.recordPlanRevision(
      projectId,
      { before: input.before, after: input.after, version: input.version, at: this.now().toISOString(), by: input.by, reason: input.reason, fromEvaluationOf: input.evaluatedChanged[0] ?? null },
      history.version,
    );
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
