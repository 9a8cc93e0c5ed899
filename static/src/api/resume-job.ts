import type { JobActionPayload } from '@contract/jobs';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function resumeJob(payload: JobActionPayload): Promise<ResultOf<'resumeJob'>> {
  return callResolver('resumeJob', payload);
}
