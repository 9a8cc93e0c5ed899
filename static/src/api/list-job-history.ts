import type { ListJobHistoryPayload, ListJobHistoryResponse } from '@contract/jobs';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function listJobHistory(payload: ListJobHistoryPayload = {}): Promise<ResolverResult<ListJobHistoryResponse>> {
  return callResolver<ListJobHistoryResponse>('listJobHistory', { ...payload });
}
