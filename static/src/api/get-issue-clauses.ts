import type { GetIssueClausesPayload, IssueClausesResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getIssueClauses(payload: GetIssueClausesPayload = {}): Promise<ResolverResult<IssueClausesResponse>> {
  return callResolver<IssueClausesResponse>('getIssueClauses', payload as unknown as Record<string, unknown>);
}
