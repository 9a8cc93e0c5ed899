/**
 * Resume and Abandon of an interrupted job, and the project's job history: the same three resolvers for
 * every job type (JobHistoryService). Resume and Abandon change what the app writes, so they need write access
 * (project administrator or the SMS editor role); the job itself still runs as the app on the rights its starter
 * was checked for. Abandoning a bulk mapping apply queues the undo of what it wrote.
 */
import { z } from 'zod';
import type { JobActionResponse, ListJobHistoryResponse } from '../contract/jobs';
import { HISTORY_TYPES } from '../services/job-history.service';
import { defineResolver } from './define-resolver';

const jobIdPayload = z.object({ jobId: z.string().min(1).max(100) });

export const resumeJob = defineResolver({
  key: 'resumeJob',
  payload: jobIdPayload,
  handler: (input, ctx): Promise<JobActionResponse> => ctx.deps.jobHistory.resume(ctx.project.id, input.jobId, ctx.accountId),
});

export const abandonJob = defineResolver({
  key: 'abandonJob',
  payload: jobIdPayload,
  handler: (input, ctx): Promise<JobActionResponse> => ctx.deps.jobHistory.abandon(ctx.project.id, input.jobId, ctx.accountId),
});

export const listJobHistory = defineResolver({
  key: 'listJobHistory',
  payload: z.object({ type: z.enum(HISTORY_TYPES).optional() }),
  handler: (input, ctx): Promise<ListJobHistoryResponse> => ctx.deps.jobHistory.history(ctx.project.id, input.type),
});
