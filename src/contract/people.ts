/**
 * Display names of the people a response mentions. Every view that names a person (saved by, approved by, owner…)
 * keeps the Atlassian accountId in its own field and adds `people`: accountId -> display name. Ids Jira did not
 * name (deleted or anonymous users, owners typed as free text) map to themselves. Types only.
 */
export type PeopleNames = Readonly<Record<string, string>>;
