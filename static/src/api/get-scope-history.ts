import type { GetScopeHistoryPayload, GetScopeHistoryResponse } from '@contract/scope';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getScopeHistory(payload: GetScopeHistoryPayload = {}): Promise<ResolverResult<GetScopeHistoryResponse>> {
  return callResolver<GetScopeHistoryResponse>('getScopeHistory', { ...payload });
}
