import type { GetCoveragePayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getCoverage(payload: GetCoveragePayload = {}): Promise<ResultOf<'getCoverage'>> {
  return callResolver('getCoverage', payload);
}
