import type { SaveIssueClausesPayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveIssueClauses(payload: SaveIssueClausesPayload): Promise<ResultOf<'saveIssueClauses'>> {
  return callResolver('saveIssueClauses', payload);
}
