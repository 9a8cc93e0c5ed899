import type { ListClausesResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function listClauses(): Promise<ResolverResult<ListClausesResponse>> {
  return callResolver<ListClausesResponse>('listClauses', {});
}
