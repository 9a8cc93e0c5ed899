import type { SaveIssueClausesPayload, IssueClausesResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveIssueClauses(payload: SaveIssueClausesPayload): Promise<ResolverResult<IssueClausesResponse>> {
  return callResolver<IssueClausesResponse>('saveIssueClauses', payload as unknown as Record<string, unknown>);
}
