import type { ClauseRecordView, SetClauseResultPayload } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function setClauseResult(payload: SetClauseResultPayload): Promise<ResolverResult<ClauseRecordView>> {
  return callResolver<ClauseRecordView>('setClauseResult', { ...payload });
}
