import type { GetClauseRegisterPayload } from '@contract/gap-report';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getClauseRegister(payload: GetClauseRegisterPayload = {}): Promise<ResultOf<'getClauseRegister'>> {
  return callResolver('getClauseRegister', payload);
}
