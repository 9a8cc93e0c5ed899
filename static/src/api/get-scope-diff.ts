import type { GetScopeDiffPayload, GetScopeDiffResponse } from '@contract/scope';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getScopeDiff(payload: GetScopeDiffPayload): Promise<ResolverResult<GetScopeDiffResponse>> {
  return callResolver<GetScopeDiffResponse>('getScopeDiff', { ...payload });
}
