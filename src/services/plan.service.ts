/**
 * The Phases view's use cases over the project's one saved plan: read it with its check and evaluation context,
 * propose one from the assessment, save it (refused while it has errors; an evaluated phase changed needs a
 * reason, kept in the plan history), and "Create in Jira" from the SAVED plan: the preview (one search as the
 * user) and the start of the epic-sync job (which then works as the app, EpicSyncService).
 */
import type { PreviewEpicSyncResponse, StartEpicSyncResponse } from '../contract/jobs';
import type { CheckPlanResponse, GetPlanResponse, ProposePlanResponse, SavePlanResponse } from '../contract/plan';
import { type EpicPlanInput, buildDesiredState, epicPlanInputFromPlan } from '../domain/epics';
import { ConfigMissingError, ConflictError, ValidationError } from '../domain/errors';
import { type Plan, type PlanApproach, proposePlan } from '../domain/planning';
import type { JiraClient } from '../jira/jira-client';
import type { JobRunner } from '../platform/job-runner';
import type { Logger } from '../platform/logger';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { PlanRecord, PlanRepository } from '../storage/plan-repository';
import type { SettingsRepository } from '../storage/settings-repository';
import { EPIC_SYNC_JOB, type EpicSyncService, chooseIssueTypes, planIssuesWhere } from './epic-sync.service';
import type { PhaseEvaluationService } from './phase-evaluation.service';
import { EPIC_SYNC_PLAN_ID, checkPlan, planPeople, toPlanView } from './plan-view';
import type { NameLookup } from './user-names.service';

type Project = { id: string; key: string };

export interface PlanServiceDeps {
  plans: PlanRepository;
  assessments: AssessmentRepository;
  phaseEvaluation: PhaseEvaluationService;
  epicSync: EpicSyncService;
  jira: JiraClient;
  settings: SettingsRepository;
  jobs: JobRunner;
  names: NameLookup;
  log: Logger;
}

export class PlanService {
  constructor(private readonly deps: PlanServiceDeps) {}

  /** The stored phase plan (null before the first save) with its Rule 1 / Rule 2 check, the lessons offered to each phase and the plan history. */
  async view(project: Project): Promise<GetPlanResponse> {
    const { plans, assessments } = this.deps;
    const [record, stored] = await Promise.all([plans.get(project.id), assessments.getAll(project.id)]);
    return this.toView(project, record, stored.assessment);
  }

  /** Checks a draft plan against Rules 1 and 2 (and coverage, levels, dates) and the stored assessment, without saving it. */
  async check(projectId: string, plan: Plan): Promise<CheckPlanResponse> {
    const { assessment } = await this.deps.assessments.getAll(projectId);
    return checkPlan(plan, assessment);
  }

  /** Proposes phases from the TS 20000-5 priorities and the stored assessment's gaps. Writes nothing. */
  async propose(projectId: string, input: { approach: PlanApproach; targetLevel?: 1 | 2 | 3 | undefined; start?: string | null | undefined; phaseWeeks?: number | undefined }): Promise<ProposePlanResponse> {
    const { assessment } = await this.deps.assessments.getAll(projectId);
    const plan = proposePlan(input.approach, assessment, {
      ...(input.targetLevel !== undefined ? { targetLevel: input.targetLevel } : {}),
      ...(input.start != null ? { start: input.start } : {}),
      ...(input.phaseWeeks !== undefined ? { phaseWeeks: input.phaseWeeks } : {}),
    });
    return { plan, check: checkPlan(plan, assessment) };
  }

  /**
   * Saves the phase plan (CONFLICT when `version` is stale, LIMIT_EXCEEDED when too large). A plan with an error
   * (Rule 1 or 2, coverage, levels) is refused with VALIDATION_FAILED listing them; warnings are saved and shown.
   */
  async save(project: Project, accountId: string, input: { plan: Plan; version: number; reason?: string | undefined }): Promise<SavePlanResponse> {
    const { assessments, plans, phaseEvaluation, log } = this.deps;
    const before = await assessments.getAll(project.id);
    const errors = checkPlan(input.plan, before.assessment).issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      throw new ValidationError(`The plan has ${errors.length} error(s) to fix before it can be saved. First: ${errors[0]?.message ?? ''}`, {
        errors: errors.slice(0, 20).map((e) => e.message),
      });
    }
    const reason = input.reason ?? '';
    const previous = (await plans.get(project.id))?.plan;
    const evaluatedChanged = await phaseEvaluation.assertRevisionReason(project.id, previous, input.plan, reason);
    const record = await plans.save(project.id, input.plan, input.version, accountId);
    await phaseEvaluation.recordPlanRevision(project.id, { before: previous, after: record.plan, version: record.version, by: accountId, reason, evaluatedChanged });
    log('info', 'plan saved', { projectId: project.id, version: record.version });
    return this.toView(project, record, before.assessment);
  }

  /** What "Create in Jira" would do with the SAVED plan, before it writes anything (one Jira search, as the user). */
  async previewEpicSync(project: Project, input: { includeItems: boolean; expectedPlanVersion?: number | undefined }): Promise<PreviewEpicSyncResponse> {
    const { record, request } = await this.savedPlanRequest(project.id, input);
    const preview = await this.deps.epicSync.previewView({ projectId: project.id, input: request }, 'user');
    return { planVersion: record.version, preview, planJql: planIssuesWhere(project.key, EPIC_SYNC_PLAN_ID) };
  }

  /**
   * Queues the job that creates (or brings in line) the epics and work items of the SAVED plan. An epic type set
   * in the settings must be at the epic level (CONFIG_MISSING now, not a job of failed items). Single flight (the
   * job runner): while a sync of the project is queued, running or interrupted, returns that job.
   */
  async startEpicSync(project: Project, accountId: string, input: { includeItems: boolean; expectedPlanVersion?: number | undefined; close: string[] }): Promise<StartEpicSyncResponse> {
    const { settings, jira, jobs, log } = this.deps;
    const { record, request } = await this.savedPlanRequest(project.id, input);
    const epicTypeId = (await settings.get(project.id))?.epicIssueTypeId ?? null;
    if (epicTypeId !== null) chooseIssueTypes(await jira.getIssueTypesForProject(project.id, { as: 'user' }), epicTypeId);

    const epics = request.phases.length;
    const started = await jobs.start(EPIC_SYNC_JOB, {
      scope: project.id,
      accountId,
      input: { projectId: project.id, request, close: input.close },
      title: `Create in Jira from plan version ${record.version} (${epics} phase(s)${input.includeItems ? ', with work items' : ''}${input.close.length > 0 ? `, closing ${input.close.length}` : ''})`,
    });
    if (started.alreadyRunning) return { jobId: started.jobId, alreadyRunning: true };
    log('info', 'epic sync queued', { jobId: started.jobId, projectId: project.id, accountId, planVersion: record.version });
    return { jobId: started.jobId, alreadyRunning: false };
  }

  /**
   * The saved plan as an epic-sync request, for the preview and the start alike: CONFIG_MISSING without a saved
   * plan, CONFLICT when the user looks at an older version, VALIDATION while the plan has errors (an error
   * blocks Create, a warning does not).
   */
  private async savedPlanRequest(projectId: string, input: { includeItems: boolean; expectedPlanVersion?: number | undefined }): Promise<{ record: PlanRecord; request: EpicPlanInput }> {
    const { plans, names, assessments } = this.deps;
    const record = await plans.get(projectId);
    if (record === undefined) {
      throw new ConfigMissingError('This project has no saved plan. Save a plan on the Phases tab first.', { projectId });
    }
    if (input.expectedPlanVersion !== undefined && input.expectedPlanVersion !== record.version) {
      const people = await names([record.updatedBy]);
      throw new ConflictError(
        `The plan changed since you loaded it: ${people[record.updatedBy] ?? record.updatedBy} saved version ${record.version} at ${record.updatedAt} (you had version ${input.expectedPlanVersion}). Reload the plan, check it, then create the epics.`,
        { expectedVersion: input.expectedPlanVersion, currentVersion: record.version, updatedBy: record.updatedBy, updatedAt: record.updatedAt },
      );
    }
    const { assessment } = await assessments.getAll(projectId);
    const errors = checkPlan(record.plan, assessment).issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      throw new ValidationError(`The saved plan has ${errors.length} error(s); fix them on the Phases tab before creating issues in Jira. First: ${errors[0]?.message ?? ''}`, {
        errors: errors.slice(0, 20).map((e) => e.message),
      });
    }
    const request = epicPlanInputFromPlan(EPIC_SYNC_PLAN_ID, record.plan, input.includeItems);
    buildDesiredState(request); // rejects unknown clauses or duplicate phases now, not in the queue
    return { record, request };
  }

  private async toView(project: Project, record: PlanRecord | undefined, assessment: Parameters<typeof toPlanView>[1]): Promise<SavePlanResponse> {
    const evaluation = await this.deps.phaseEvaluation.planContext(project.id, record?.plan.phases ?? []);
    return toPlanView(record, assessment, await this.deps.names([...planPeople(record), ...evaluation.history.map((h) => h.by)]), project.key, evaluation);
  }
}
