import type { ComputeKpiPayload, ComputeKpiResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function computeKpi(payload: ComputeKpiPayload): Promise<ResolverResult<ComputeKpiResponse>> {
  return callResolver<ComputeKpiResponse>('computeKpi', { ...payload });
}
