import type { GetScopePayload } from '@contract/scope';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getScope(payload: GetScopePayload = {}): Promise<ResultOf<'getScope'>> {
  return callResolver('getScope', payload);
}
