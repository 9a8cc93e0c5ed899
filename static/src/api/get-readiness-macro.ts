import type { GetReadinessMacroPayload } from '@contract/gap-report';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getReadinessMacro(payload: GetReadinessMacroPayload = {}): Promise<ResultOf<'getReadinessMacro'>> {
  return callResolver('getReadinessMacro', payload);
}
