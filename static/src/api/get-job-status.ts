import type { GetJobStatusPayload, JobStatusView } from '@contract/jobs';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getJobStatus(payload: GetJobStatusPayload): Promise<ResolverResult<JobStatusView>> {
  return callResolver<JobStatusView>('getJobStatus', { ...payload });
}
