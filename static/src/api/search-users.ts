import type { SearchUsersPayload } from '@contract/people';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function searchUsers(payload: SearchUsersPayload): Promise<ResultOf<'searchUsers'>> {
  return callResolver('searchUsers', { ...payload });
}
