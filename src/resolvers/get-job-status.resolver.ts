import { z } from 'zod';
import type { JobStatusView } from '../contract/jobs';
import { defineResolver } from './define-resolver';

/** Progress and result of a queued job of this project (any job type), with who started it (JobHistoryService.status). */
export const getJobStatus = defineResolver({
  key: 'getJobStatus',
  payload: z.object({ jobId: z.string().min(1).max(100) }),
  handler: (input, ctx): Promise<JobStatusView> => ctx.deps.jobHistory.status(ctx.project, input.jobId),
});
