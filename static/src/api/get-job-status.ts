import type { GetJobStatusPayload } from '@contract/jobs';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getJobStatus(payload: GetJobStatusPayload): Promise<ResultOf<'getJobStatus'>> {
  return callResolver('getJobStatus', payload);
}
