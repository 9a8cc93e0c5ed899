import { z } from 'zod';
import type { PreviewEpicSyncResponse } from '../contract/jobs';
import { planIssuesWhere } from '../services/epic-sync.service';
import { defineResolver } from './define-resolver';
import { EPIC_SYNC_PLAN_ID, savedPlanRequest } from './start-epic-sync.resolver';

export const previewEpicSyncPayloadSchema = z.object({
  includeItems: z.boolean().default(true),
  expectedPlanVersion: z.number().int().positive().optional(),
});

/**
 * What "Create in Jira" would do with the SAVED plan, before it writes anything: the epics and work items to
 * create, retitle and re-parent, and the issues to close, each listed. One Jira search, made as the user (the
 * service otherwise works as the app, in the job).
 */
export const previewEpicSync = defineResolver({
  key: 'previewEpicSync',
  payload: previewEpicSyncPayloadSchema,
  async handler(input, ctx): Promise<PreviewEpicSyncResponse> {
    const { record, request } = await savedPlanRequest(ctx, input);
    const preview = await ctx.deps.epicSync.previewView({ projectId: ctx.project.id, input: request }, 'user');
    return {
      planVersion: record.version,
      preview,
      planJql: planIssuesWhere(ctx.project.key, EPIC_SYNC_PLAN_ID),
    };
  },
});
