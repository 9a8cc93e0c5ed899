import type { ProposePlanPayload } from '@contract/plan';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function proposePlan(payload: ProposePlanPayload): Promise<ResultOf<'proposePlan'>> {
  return callResolver('proposePlan', payload);
}
