import type { GetPlanPayload, GetPlanResponse } from '@contract/plan';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getPlan(payload: GetPlanPayload = {}): Promise<ResolverResult<GetPlanResponse>> {
  return callResolver<GetPlanResponse>('getPlan', { ...payload });
}
