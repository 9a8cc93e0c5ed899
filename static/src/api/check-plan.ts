import type { CheckPlanPayload, CheckPlanResponse } from '@contract/plan';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function checkPlan(payload: CheckPlanPayload): Promise<ResolverResult<CheckPlanResponse>> {
  return callResolver<CheckPlanResponse>('checkPlan', { ...payload });
}
