import type { SaveScopePayload, SaveScopeResponse } from '@contract/scope';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveScope(payload: SaveScopePayload): Promise<ResolverResult<SaveScopeResponse>> {
  return callResolver<SaveScopeResponse>('saveScope', { ...payload });
}
