import type { JobActionPayload, JobActionResponse } from '@contract/jobs';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function resumeJob(payload: JobActionPayload): Promise<ResolverResult<JobActionResponse>> {
  return callResolver<JobActionResponse>('resumeJob', { ...payload });
}
