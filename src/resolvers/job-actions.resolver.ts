/**
 * Resume and Abandon of an interrupted job, and the project's job history: the same three resolvers for
 * every job type (the job runner knows the types). Resume and Abandon change what the app writes, so they
 * need write access (project administrator or the SMS editor role); the job itself still runs as the app on
 * the rights its starter was checked for. Abandoning a bulk mapping apply queues the undo of what it wrote.
 */
import { z } from 'zod';
import type { JobActionResponse, JobHistoryItemView, JobTypeKey, ListJobHistoryResponse } from '../contract/jobs';
import { BULK_MAPPING_JOB } from '../services/bulk-mapping.service';
import { EPIC_SYNC_JOB_TYPE } from '../services/epic-sync.service';
import { PUBLISH_REPORT_JOB_TYPE } from '../services/publish-report.service';
import type { JobRecord } from '../storage/job-repository';
import { defineResolver } from './define-resolver';
import type { AppServices } from '../app-services';

const jobIdPayload = z.object({ jobId: z.string().min(1).max(100) });
/** The job types of a project's history, in the order the UI shows them. */
export const HISTORY_TYPES = [EPIC_SYNC_JOB_TYPE, BULK_MAPPING_JOB, PUBLISH_REPORT_JOB_TYPE] as const satisfies readonly JobTypeKey[];

export const resumeJob = defineResolver({
  key: 'resumeJob',
  payload: jobIdPayload,
  async handler(input, ctx): Promise<JobActionResponse> {
    const started = await ctx.deps.jobs.resume(input.jobId, ctx.project.id, ctx.accountId);
    return { jobId: started.jobId, status: started.status, message: 'The job was queued again; it continues where it stopped.', followUpJobId: null };
  },
});

export const abandonJob = defineResolver({
  key: 'abandonJob',
  payload: jobIdPayload,
  async handler(input, ctx): Promise<JobActionResponse> {
    const out = await ctx.deps.jobs.abandon(input.jobId, ctx.project.id, ctx.accountId);
    return { jobId: out.jobId, status: 'abandoned', message: out.message, followUpJobId: out.followUpJobId };
  },
});

function historyItem(job: JobRecord, deps: AppServices): JobHistoryItemView {
  return {
    jobId: job.jobId,
    type: job.type,
    title: job.title,
    status: deps.jobs.statusOf(job),
    done: job.done,
    total: job.total,
    startedBy: job.accountId,
    createdAt: job.createdAt,
    endedAt: job.endedAt,
    endedBy: job.endedBy,
    lastMessage: job.messages[job.messages.length - 1] ?? null,
    links: job.links,
  };
}

export const listJobHistory = defineResolver({
  key: 'listJobHistory',
  payload: z.object({ type: z.enum(HISTORY_TYPES).optional() }),
  async handler(input, ctx): Promise<ListJobHistoryResponse> {
    const types = input.type === undefined ? HISTORY_TYPES : [input.type];
    const jobs: JobRecord[] = [];
    for (const t of types) jobs.push(...(await ctx.deps.jobs.jobs.history(t, ctx.project.id)));
    jobs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const people = await ctx.deps.names([...new Set(jobs.flatMap((j) => [j.accountId, j.endedBy]))]);
    return { jobs: jobs.map((j) => historyItem(j, ctx.deps)), people };
  },
});
