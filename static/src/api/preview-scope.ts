import type { PreviewScopePayload, PreviewScopeResponse } from '@contract/scope';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function previewScope(payload: PreviewScopePayload): Promise<ResolverResult<PreviewScopeResponse>> {
  return callResolver<PreviewScopeResponse>('previewScope', { ...payload });
}
