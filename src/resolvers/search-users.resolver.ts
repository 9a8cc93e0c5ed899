import { z } from 'zod';
import type { SearchUsersResponse } from '../contract/people';
import { defineResolver } from './define-resolver';

export const searchUsersPayloadSchema = z.object({ query: z.string().trim().min(1).max(100) });

/** Most people one search offers (a picker shows a short list; typing more narrows it). */
export const USER_SEARCH_MAX = 20;

/**
 * The user picker (phase owner, challenge owners, sponsor): Jira's user search made AS THE USER, so it lists
 * only the people the caller may browse (none without Jira's "Browse users and groups"). Names and avatars are
 * shown; the UI stores the account id.
 */
export const searchUsers = defineResolver({
  key: 'searchUsers',
  payload: searchUsersPayloadSchema,
  async handler(input, ctx): Promise<SearchUsersResponse> {
    const users = await ctx.deps.jira.searchUsers(input.query, USER_SEARCH_MAX, { as: 'user' });
    return { users };
  },
});
