import type { SearchUsersPayload, SearchUsersResponse } from '@contract/people';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function searchUsers(payload: SearchUsersPayload): Promise<ResolverResult<SearchUsersResponse>> {
  return callResolver<SearchUsersResponse>('searchUsers', { ...payload });
}
