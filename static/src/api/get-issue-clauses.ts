import type { GetIssueClausesPayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getIssueClauses(payload: GetIssueClausesPayload = {}): Promise<ResultOf<'getIssueClauses'>> {
  return callResolver('getIssueClauses', payload);
}
