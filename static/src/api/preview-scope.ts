import type { PreviewScopePayload } from '@contract/scope';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function previewScope(payload: PreviewScopePayload): Promise<ResultOf<'previewScope'>> {
  return callResolver('previewScope', payload);
}
