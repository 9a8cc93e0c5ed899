import type { GetCoveragePayload, CoverageResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getCoverage(payload: GetCoveragePayload = {}): Promise<ResolverResult<CoverageResponse>> {
  return callResolver<CoverageResponse>('getCoverage', payload as unknown as Record<string, unknown>);
}
