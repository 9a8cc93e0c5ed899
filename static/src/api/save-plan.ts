import type { SavePlanPayload } from '@contract/plan';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function savePlan(payload: SavePlanPayload): Promise<ResultOf<'savePlan'>> {
  return callResolver('savePlan', payload);
}
