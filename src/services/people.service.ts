/**
 * The user picker (phase owner, challenge owners, sponsor): Jira's user search made AS THE USER, so it lists only
 * the people the caller may browse (none without Jira's "Browse users and groups"). Names and avatars are shown;
 * the UI stores the account id. (Display names of ids a view mentions: src/services/user-names.service.ts.)
 */
import type { SearchUsersResponse } from '../contract/people';
import type { JiraClient } from '../jira/jira-client';

/** Most people one search offers (a picker shows a short list; typing more narrows it). */
export const USER_SEARCH_MAX = 20;

export interface PeopleServiceDeps {
  jira: Pick<JiraClient, 'searchUsers'>;
}

export class PeopleService {
  constructor(private readonly deps: PeopleServiceDeps) {}

  /** People whose name starts with `query`, as the caller may see them (at most USER_SEARCH_MAX). */
  async search(query: string): Promise<SearchUsersResponse> {
    return { users: await this.deps.jira.searchUsers(query, USER_SEARCH_MAX, { as: 'user' }) };
  }
}
