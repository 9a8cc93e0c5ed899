import type { GetScopeHistoryPayload } from '@contract/scope';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getScopeHistory(payload: GetScopeHistoryPayload = {}): Promise<ResultOf<'getScopeHistory'>> {
  return callResolver('getScopeHistory', payload);
}
