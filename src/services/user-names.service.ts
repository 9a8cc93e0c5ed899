/**
 * Display names for the accountIds a view mentions: one GET /user/bulk call (as the user) per resolver call.
 * A name lookup never fails the resolver: when Jira refuses or is unreachable, the failure is logged and every
 * id stands for itself, as do ids Jira does not return (deleted or anonymous users).
 */
import type { PeopleNames } from '../contract/people';
import type { JiraClient } from '../jira/jira-client';
import type { Logger } from '../platform/logger';

/** The one Jira call a name lookup makes (the composition root gives a JiraClient with a short retry budget). */
export type UserDirectory = Pick<JiraClient, 'getUsersByAccountIds'>;

/**
 * What an Atlassian accountId looks like: 24 hex digits (`5b10ac8d82e05b22cc7d4ef5`) or `prefix:id`
 * (`557058:0fa8…`, `qm:…`). Other values (an owner typed as a name) are shown as they are, without asking Jira.
 */
const ACCOUNT_ID = /^(?:[0-9a-f]{24}|[0-9a-z]{1,20}:[0-9A-Za-z:_-]{1,100})$/;

/** The ids worth asking Jira about: non-empty, account-id shaped, without duplicates, in first-seen order. */
export function accountIdsOf(values: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) if (typeof v === 'string' && ACCOUNT_ID.test(v)) out.add(v);
  return [...out];
}

/**
 * accountId -> display name for every non-empty value in `accountIds` (a value Jira does not name maps to
 * itself). Makes at most one bulk request per 100 ids, none when there is nothing to ask.
 */
export async function resolveNames(
  directory: UserDirectory,
  accountIds: Iterable<string | null | undefined>,
  log?: Logger,
): Promise<PeopleNames> {
  const all = [...new Set([...accountIds].filter((v): v is string => typeof v === 'string' && v !== ''))];
  const people: Record<string, string> = Object.fromEntries(all.map((id) => [id, id]));
  const ask = accountIdsOf(all);
  if (ask.length === 0) return people;
  try {
    const names = await directory.getUsersByAccountIds(ask, { as: 'user' });
    for (const [id, name] of Object.entries(names)) if (id in people) people[id] = name;
  } catch (e) {
    log?.('warn', 'could not look up display names; showing account ids', {
      count: ask.length,
      error: e instanceof Error ? e.message : String(e),
    });
  }
  return people;
}

/** resolveNames bound to the app's directory and logger (`AppServices.names`), for code that builds views. */
export type NameLookup = (accountIds: Iterable<string | null | undefined>) => Promise<PeopleNames>;

/**
 * Retry budget of the name lookup's Jira client: one retry at most, a short Retry-After: a name is a nicety,
 * the view must not wait long on backoff for it.
 */
export const NAME_LOOKUP_RETRY = { maxAttempts: 2, maxRetryAfterMs: 2_000 } as const;

export function nameLookup(directory: UserDirectory, log?: Logger): NameLookup {
  return (accountIds) => resolveNames(directory, accountIds, log);
}
