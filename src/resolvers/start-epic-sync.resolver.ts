import { z } from 'zod';
import type { StartEpicSyncResponse } from '../contract/jobs';
import { buildDesiredState, epicPlanInputFromPlan } from '../domain/epics';
import { ConfigMissingError, ConflictError, ValidationError } from '../domain/errors';
import type { EpicPlanInput } from '../domain/epics';
import type { PlanRecord } from '../storage/plan-repository';
import type { ResolverContext } from './define-resolver';
import { EPIC_SYNC_PLAN_ID, checkPlan } from './plan-view';
import { EPIC_SYNC_JOB, chooseIssueTypes } from '../services/epic-sync.service';
import { defineResolver } from './define-resolver';

export const CREATE_ISSUES_PERMISSION = 'CREATE_ISSUES';
export { EPIC_SYNC_PLAN_ID } from './plan-view';

/** The browser sends no plan: the resolver reads the SAVED plan, so Jira follows what is stored, never a draft. */
export const startEpicSyncPayloadSchema = z.object({
  includeItems: z.boolean().default(true),
  /** The plan version the user saw; when given and no longer the saved one, the start is refused (CONFLICT). */
  expectedPlanVersion: z.number().int().positive().optional(),
  /** Issue keys the user confirmed to close in the preview. */
  close: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/)).max(1000).default([]),
});

/**
 * The saved plan as an epic-sync request, for the preview and the start alike: CONFIG_MISSING without a saved
 * plan, CONFLICT when the user looks at an older version, VALIDATION while the plan has errors (an error
 * blocks Create, a warning does not).
 */
export async function savedPlanRequest(
  ctx: Pick<ResolverContext, 'deps' | 'project'>,
  input: { includeItems: boolean; expectedPlanVersion?: number | undefined },
): Promise<{ record: PlanRecord; request: EpicPlanInput }> {
  const { deps, project } = ctx;
  const record = await deps.plans.get(project.id);
  if (record === undefined) {
    throw new ConfigMissingError('This project has no saved plan. Save a plan on the Phases tab first.', { projectId: project.id });
  }
  if (input.expectedPlanVersion !== undefined && input.expectedPlanVersion !== record.version) {
    const people = await deps.names([record.updatedBy]);
    throw new ConflictError(
      `The plan changed since you loaded it: ${people[record.updatedBy] ?? record.updatedBy} saved version ${record.version} at ${record.updatedAt} (you had version ${input.expectedPlanVersion}). Reload the plan, check it, then create the epics.`,
      { expectedVersion: input.expectedPlanVersion, currentVersion: record.version, updatedBy: record.updatedBy, updatedAt: record.updatedAt },
    );
  }
  const { assessment } = await deps.assessments.getAll(project.id);
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

/**
 * Queues the job that creates (or brings in line) the epics and work items of the project's SAVED plan
 * (`deps.plans`). CONFIG_MISSING when no plan is saved; CONFLICT when `expectedPlanVersion` is stale.
 * Needs write access (checked by defineResolver) and, as the user, Jira's CREATE_ISSUES in the project:
 * the consumer works as the app, so this check is what keeps it within the user's own rights.
 * Single flight (the job runner): while a sync of the project is queued, running or interrupted, returns that
 * job instead of starting a second one (an interrupted one offers Resume and Abandon in the UI).
 */
export const startEpicSync = defineResolver({
  key: 'startEpicSync',
  requires: {
    [CREATE_ISSUES_PERMISSION]: (projectKey) => `You cannot create issues in project ${projectKey}, so the app cannot create the epics for you.`,
  },
  payload: startEpicSyncPayloadSchema,
  async handler(input, ctx): Promise<StartEpicSyncResponse> {
    const { deps, project, accountId } = ctx;
    const { record, request } = await savedPlanRequest(ctx, input);
    // An epic type set in the settings must be at the epic level (CONFIG_MISSING now, not a job of failed items).
    const epicTypeId = (await deps.settings.get(project.id))?.epicIssueTypeId ?? null;
    if (epicTypeId !== null) chooseIssueTypes(await deps.jira.getIssueTypesForProject(project.id, { as: 'user' }), epicTypeId);

    const epics = request.phases.length;
    const started = await deps.jobs.start(EPIC_SYNC_JOB, {
      scope: project.id,
      accountId,
      input: { projectId: project.id, request, close: input.close },
      title: `Create in Jira from plan version ${record.version} (${epics} phase(s)${input.includeItems ? ', with work items' : ''}${input.close.length > 0 ? `, closing ${input.close.length}` : ''})`,
    });
    if (started.alreadyRunning) return { jobId: started.jobId, alreadyRunning: true };
    deps.log('info', 'epic sync queued', { jobId: started.jobId, projectId: project.id, accountId, planVersion: record.version });
    return { jobId: started.jobId, alreadyRunning: false };
  },
});
