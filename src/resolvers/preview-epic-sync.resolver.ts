import { z } from 'zod';
import type { PreviewEpicSyncResponse } from '../contract/jobs';
import { defineResolver } from './define-resolver';

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
  handler: (input, ctx): Promise<PreviewEpicSyncResponse> => ctx.deps.plan.previewEpicSync(ctx.project, input),
});
