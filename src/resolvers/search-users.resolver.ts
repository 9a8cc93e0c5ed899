import { z } from 'zod';
import type { SearchUsersResponse } from '../contract/people';
import { defineResolver } from './define-resolver';

export const searchUsersPayloadSchema = z.object({ query: z.string().trim().min(1).max(100) });

/**
 * The user picker (phase owner, challenge owners, sponsor): Jira's user search made AS THE USER, so it lists
 * only the people the caller may browse (PeopleService).
 */
export const searchUsers = defineResolver({
  key: 'searchUsers',
  payload: searchUsersPayloadSchema,
  handler: (input, ctx): Promise<SearchUsersResponse> => ctx.deps.people.search(input.query),
});
