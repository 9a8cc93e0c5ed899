import type { SetClauseResultPayload } from '@contract/gap-report';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function setClauseResult(payload: SetClauseResultPayload): Promise<ResultOf<'setClauseResult'>> {
  return callResolver('setClauseResult', payload);
}
