import type { GetScopeDiffPayload } from '@contract/scope';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getScopeDiff(payload: GetScopeDiffPayload): Promise<ResultOf<'getScopeDiff'>> {
  return callResolver('getScopeDiff', payload);
}
