import type { SaveTargetStatePayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveTargetState(payload: SaveTargetStatePayload): Promise<ResultOf<'saveTargetState'>> {
  return callResolver('saveTargetState', payload);
}
