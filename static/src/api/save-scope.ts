import type { SaveScopePayload } from '@contract/scope';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveScope(payload: SaveScopePayload): Promise<ResultOf<'saveScope'>> {
  return callResolver('saveScope', payload);
}
