import type { ListJobHistoryPayload } from '@contract/jobs';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function listJobHistory(payload: ListJobHistoryPayload = {}): Promise<ResultOf<'listJobHistory'>> {
  return callResolver('listJobHistory', payload);
}
