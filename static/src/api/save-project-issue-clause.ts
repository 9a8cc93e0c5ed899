import type { IssueClausesResponse, SaveProjectIssueClausePayload } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveProjectIssueClause(payload: SaveProjectIssueClausePayload): Promise<ResolverResult<IssueClausesResponse>> {
  return callResolver<IssueClausesResponse>('saveProjectIssueClause', payload as unknown as Record<string, unknown>);
}
