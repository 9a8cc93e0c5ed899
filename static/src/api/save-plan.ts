import type { SavePlanPayload, SavePlanResponse } from '@contract/plan';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function savePlan(payload: SavePlanPayload): Promise<ResolverResult<SavePlanResponse>> {
  return callResolver<SavePlanResponse>('savePlan', { ...payload });
}
