import type { ComputeKpiPayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function computeKpi(payload: ComputeKpiPayload): Promise<ResultOf<'computeKpi'>> {
  return callResolver('computeKpi', payload);
}
