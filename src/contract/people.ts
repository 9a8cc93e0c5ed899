/**
 * Display names of the people a response mentions. Every view that names a person (saved by, approved by, owner…)
 * keeps the Atlassian accountId in its own field and adds `people`: accountId -> display name. Ids Jira did not
 * name (deleted or anonymous users, owners typed as free text) map to themselves. Types only.
 */
export type PeopleNames = Readonly<Record<string, string>>;

/** One person the user picker offers (Jira's user search, made as the user). */
export interface UserOption {
  accountId: string;
  displayName: string;
  /** Jira's avatar URL (24×24), null when Jira gave none. */
  avatarUrl: string | null;
}

export interface SearchUsersPayload {
  /** The start of a name (at least one character). */
  query: string;
}

export interface SearchUsersResponse {
  users: UserOption[];
}
