import type { GetReadinessMacroPayload, ReadinessMacroView } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getReadinessMacro(payload: GetReadinessMacroPayload = {}): Promise<ResolverResult<ReadinessMacroView>> {
  return callResolver<ReadinessMacroView>('getReadinessMacro', payload);
}
