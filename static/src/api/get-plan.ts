import type { GetPlanPayload } from '@contract/plan';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getPlan(payload: GetPlanPayload = {}): Promise<ResultOf<'getPlan'>> {
  return callResolver('getPlan', payload);
}
