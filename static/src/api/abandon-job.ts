import type { JobActionPayload } from '@contract/jobs';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function abandonJob(payload: JobActionPayload): Promise<ResultOf<'abandonJob'>> {
  return callResolver('abandonJob', payload);
}
