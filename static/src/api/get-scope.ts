import type { GetScopePayload, GetScopeResponse } from '@contract/scope';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getScope(payload: GetScopePayload = {}): Promise<ResolverResult<GetScopeResponse>> {
  return callResolver<GetScopeResponse>('getScope', { ...payload });
}
