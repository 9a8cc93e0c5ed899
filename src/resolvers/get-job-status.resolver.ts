import { z } from 'zod';
import type { JobStatusView } from '../contract/jobs';
import { NotFoundError } from '../domain/errors';
import { defineResolver } from './define-resolver';

/** Progress and result of a queued job of this project (any job type), with who started it. */
export const getJobStatus = defineResolver({
  key: 'getJobStatus',
  payload: z.object({ jobId: z.string().min(1).max(100) }),
  async handler(input, ctx): Promise<JobStatusView> {
    const job = await ctx.deps.jobs.jobs.get(input.jobId);
    if (job === undefined || job.scope !== ctx.project.id) {
      throw new NotFoundError(`There is no job ${input.jobId} in project ${ctx.project.key}.`, { jobId: input.jobId });
    }
    return {
      jobId: job.jobId,
      type: job.type,
      status: ctx.deps.jobs.statusOf(job),
      done: job.done,
      total: job.total,
      messages: job.messages,
      result: job.result,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      startedBy: job.accountId,
      people: await ctx.deps.names([job.accountId, job.endedBy]),
      title: job.title,
      links: job.links,
      endedAt: job.endedAt,
      endedBy: job.endedBy,
    };
  },
});
