import type { SaveProjectIssueClausePayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveProjectIssueClause(payload: SaveProjectIssueClausePayload): Promise<ResultOf<'saveProjectIssueClause'>> {
  return callResolver('saveProjectIssueClause', { ...payload });
}
