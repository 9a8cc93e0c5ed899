import type { CheckPlanPayload } from '@contract/plan';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function checkPlan(payload: CheckPlanPayload): Promise<ResultOf<'checkPlan'>> {
  return callResolver('checkPlan', payload);
}
