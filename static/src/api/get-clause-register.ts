import type { ClauseRegisterView, GetClauseRegisterPayload } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getClauseRegister(payload: GetClauseRegisterPayload = {}): Promise<ResolverResult<ClauseRegisterView>> {
  return callResolver<ClauseRegisterView>('getClauseRegister', payload);
}
