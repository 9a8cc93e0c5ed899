import type { SaveTargetStatePayload, SaveTargetStateResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveTargetState(payload: SaveTargetStatePayload): Promise<ResolverResult<SaveTargetStateResponse>> {
  return callResolver<SaveTargetStateResponse>('saveTargetState', { ...payload });
}
