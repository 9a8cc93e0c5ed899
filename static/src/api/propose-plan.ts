import type { ProposePlanPayload, ProposePlanResponse } from '@contract/plan';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function proposePlan(payload: ProposePlanPayload): Promise<ResolverResult<ProposePlanResponse>> {
  return callResolver<ProposePlanResponse>('proposePlan', { ...payload });
}
