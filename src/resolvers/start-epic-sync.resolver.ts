import { z } from 'zod';
import type { StartEpicSyncResponse } from '../contract/jobs';
import { defineResolver } from './define-resolver';

export const CREATE_ISSUES_PERMISSION = 'CREATE_ISSUES';

/** The browser sends no plan: the service reads the SAVED plan, so Jira follows what is stored, never a draft. */
export const startEpicSyncPayloadSchema = z.object({
  includeItems: z.boolean().default(true),
  /** The plan version the user saw; when given and no longer the saved one, the start is refused (CONFLICT). */
  expectedPlanVersion: z.number().int().positive().optional(),
  /** Issue keys the user confirmed to close in the preview. */
  close: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/)).max(1000).default([]),
});

/**
 * Queues the job that creates (or brings in line) the epics and work items of the project's SAVED plan
 * (PlanService.startEpicSync): CONFIG_MISSING when no plan is saved; CONFLICT when `expectedPlanVersion` is stale.
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
  handler: (input, ctx): Promise<StartEpicSyncResponse> => ctx.deps.plan.startEpicSync(ctx.project, ctx.accountId, input),
});
