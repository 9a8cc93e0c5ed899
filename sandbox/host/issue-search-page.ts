import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACCOUNT_HEADER } from '../http-product-api';
import type { Inject, ProjectDetails } from './host-data';
import type { PageChrome } from './host-pages';
import { html, type Raw } from './html';

/**
 * The sandbox's issue navigator (`/issues/?jql=…`), where the app's JQL links land. The search runs through the
 * emulated Jira's public POST /rest/api/3/search/jql as the page's user, so permissions and the JQL subset
 * (with the app's entity-property aliases) are exactly what the app sees. Results come 50 at a time.
 */

export const ISSUE_SEARCH_PATH = '/issues/';
export const ISSUE_SEARCH_PAGE_SIZE = 50;
/** Pages of ids read to count the hits (5,000 ids each); beyond that the count is shown as "more than". */
const COUNT_PAGES = 20;

/** What the navigator's URL says: the query, the token of the shown page and the tokens of the pages before it. */
export interface IssueSearchQuery {
  jql: string;
  /** Token of the shown page; absent on the first page. */
  nextPageToken?: string;
  /** Tokens of the earlier pages after the first (oldest first), so "Previous" can go back. */
  previous: string[];
}

export interface IssueRow {
  key: string;
  summary: string;
  type: string;
  status: string;
  statusCategory: string;
  /** ISO-like Jira timestamp, or null. */
  updated: string | null;
}

export type IssueSearchOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; issues: IssueRow[]; nextPageToken?: string; total: number; totalIsLowerBound: boolean }
  | { kind: 'error'; status: number; messages: string[] };

const TOKEN = /^[A-Za-z0-9_=-]{1,512}$/;

const firstString = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);

/** Reads the navigator's query string (as Fastify parsed it); unknown or malformed parts are ignored. */
export function parseIssueSearchQuery(query: unknown): IssueSearchQuery {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const jql = (firstString(q.jql) ?? '').trim();
  const token = firstString(q.nextPageToken);
  const previous = (firstString(q.previous) ?? '').split(',').filter((t) => TOKEN.test(t));
  return token !== undefined && TOKEN.test(token) ? { jql, nextPageToken: token, previous } : { jql, previous: [] };
}

/** The navigator URL of a query (and page). */
export function issueSearchHref(q: IssueSearchQuery): string {
  const p = new URLSearchParams({ jql: q.jql });
  if (q.nextPageToken !== undefined) {
    p.set('nextPageToken', q.nextPageToken);
    if (q.previous.length > 0) p.set('previous', q.previous.join(','));
  }
  return `${ISSUE_SEARCH_PATH}?${p.toString().replace(/\+/g, '%20')}`;
}

/** 1-based number of the shown page. */
export const pageNumber = (q: IssueSearchQuery): number => (q.nextPageToken === undefined ? 1 : q.previous.length + 2);

export function nextPageHref(q: IssueSearchQuery, token: string): string {
  const previous = q.nextPageToken === undefined ? [] : [...q.previous, q.nextPageToken];
  return issueSearchHref({ jql: q.jql, nextPageToken: token, previous });
}

/** The previous page's URL, or undefined on the first page. */
export function previousPageHref(q: IssueSearchQuery): string | undefined {
  if (q.nextPageToken === undefined) return undefined;
  const before = q.previous.slice(0, -1);
  const token = q.previous[q.previous.length - 1];
  return issueSearchHref(token === undefined ? { jql: q.jql, previous: [] } : { jql: q.jql, nextPageToken: token, previous: before });
}

const searchPageSchema = z.looseObject({
  issues: z.array(
    z.looseObject({
      key: z.string().optional(),
      fields: z
        .looseObject({
          summary: z.string().optional(),
          issuetype: z.looseObject({ name: z.string() }).nullable().optional(),
          status: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }).optional() }).nullable().optional(),
          updated: z.string().nullable().optional(),
        })
        .optional(),
    }),
  ),
  nextPageToken: z.string().optional(),
});
const errorSchema = z.looseObject({ errorMessages: z.array(z.string()).optional(), errors: z.record(z.string(), z.string()).optional() });

function readJson(body: string): unknown {
  try {
    return body ? (JSON.parse(body) as unknown) : null;
  } catch {
    return null;
  }
}

/** Jira's error body as readable sentences. */
export function errorMessagesOf(status: number, body: unknown): string[] {
  const parsed = errorSchema.safeParse(body);
  const messages = parsed.success ? [...(parsed.data.errorMessages ?? []), ...Object.values(parsed.data.errors ?? {})] : [];
  return messages.length > 0 ? messages : [`Jira answered ${status} to the search.`];
}

/** Runs the shown page (and, when there are more pages, an ids-only count) as the given user. */
export async function runIssueSearch(inject: Inject, accountId: string, q: IssueSearchQuery): Promise<IssueSearchOutcome> {
  if (q.jql === '') return { kind: 'empty' };
  const search = async (body: Record<string, unknown>) => {
    const res = await inject({
      method: 'POST',
      url: '/rest/api/3/search/jql',
      headers: { accept: 'application/json', 'content-type': 'application/json', [ACCOUNT_HEADER]: accountId },
      payload: JSON.stringify(body),
    });
    return { status: res.statusCode, json: readJson(res.body) };
  };
  const page = await search({
    jql: q.jql,
    fields: ['summary', 'issuetype', 'status', 'updated'],
    maxResults: ISSUE_SEARCH_PAGE_SIZE,
    ...(q.nextPageToken === undefined ? {} : { nextPageToken: q.nextPageToken }),
  });
  if (page.status !== 200) return { kind: 'error', status: page.status, messages: errorMessagesOf(page.status, page.json) };
  const parsed = searchPageSchema.safeParse(page.json);
  if (!parsed.success) return { kind: 'error', status: page.status, messages: ['Jira answered the search with a body this page cannot read.'] };
  const issues: IssueRow[] = parsed.data.issues.map((i) => ({
    key: i.key ?? '',
    summary: i.fields?.summary ?? '',
    type: i.fields?.issuetype?.name ?? '',
    status: i.fields?.status?.name ?? '',
    statusCategory: i.fields?.status?.statusCategory?.key ?? 'new',
    updated: i.fields?.updated ?? null,
  }));
  const next = parsed.data.nextPageToken;
  const before = (pageNumber(q) - 1) * ISSUE_SEARCH_PAGE_SIZE;
  if (next === undefined) return { kind: 'ok', issues, total: before + issues.length, totalIsLowerBound: false };

  // search/jql has no total: count the ids (5,000 a page) like the navigator's approximate count.
  let total = 0;
  let token: string | undefined;
  for (let n = 0; n < COUNT_PAGES; n += 1) {
    const c = await search({ jql: q.jql, fields: ['id'], maxResults: 5000, ...(token === undefined ? {} : { nextPageToken: token }) });
    const counted = c.status === 200 ? searchPageSchema.safeParse(c.json) : undefined;
    if (!counted?.success) return { kind: 'ok', issues, nextPageToken: next, total: before + issues.length, totalIsLowerBound: true };
    total += counted.data.issues.length;
    token = counted.data.nextPageToken;
    if (token === undefined) return { kind: 'ok', issues, nextPageToken: next, total, totalIsLowerBound: false };
  }
  return { kind: 'ok', issues, nextPageToken: next, total, totalIsLowerBound: true };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Mar 2026" (UTC) of a Jira timestamp such as 2026-03-12T09:15:00.000+0000; the raw text if unreadable. */
export function shortDate(stamp: string): string {
  const d = new Date(stamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(d.getTime())) return stamp;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()}`;
}

const lozengeClass = (category: string): string =>
  category === 'done' ? 'status status-done' : category === 'indeterminate' ? 'status status-progress' : 'status status-new';

// Page-specific styles, with the same design tokens as host.css so the dark theme follows.
const STYLE = html`<style>
  .jql-form { display: flex; gap: 8px; align-items: flex-end; margin: 0 0 16px; flex-wrap: wrap; }
  .jql-form .jql-field { display: flex; flex-direction: column; gap: 4px; flex: 1 1 480px; }
  .jql-form label { font-size: 12px; font-weight: 600; color: var(--ds-text-subtle); }
  .jql-form input { font: 14px/20px ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--ds-text); background: var(--ds-background-input);
    border: 2px solid var(--ds-border-input); border-radius: 3px; padding: 4px 8px; min-height: 36px; }
  .jql-form input:focus { border-color: var(--ds-border-focused); outline: none; }
  .jql-form button, .pager a, .pager span { font: inherit; font-weight: 500; border-radius: 3px; padding: 6px 12px; min-height: 32px; border: none; }
  .jql-form button { cursor: pointer; color: var(--ds-text-inverse); background: var(--ds-background-brand-bold); }
  .jql-form button:hover { background: var(--ds-background-brand-bold-hovered); }
  .result-count { color: var(--ds-text-subtle); margin: 0 0 8px; }
  .jql-error { border-radius: 3px; padding: 12px 16px; margin: 0 0 16px; background: var(--ds-background-danger); color: var(--ds-text-danger); }
  .jql-error p { margin: 4px 0 0; }
  .issue-table td.nowrap { white-space: nowrap; }
  .pager { display: flex; gap: 8px; align-items: center; margin: 16px 0; }
  .pager a { background: var(--ds-background-neutral); color: var(--ds-text); }
  .pager a:hover { background: var(--ds-background-neutral-hovered); text-decoration: none; }
  .pager span.disabled { color: var(--ds-text-disabled); background: var(--ds-background-disabled); }
</style>`;

function resultsOf(q: IssueSearchQuery, outcome: IssueSearchOutcome): Raw {
  if (outcome.kind === 'empty') return html`<p class="muted">Type a JQL query, for example <code>project = SMS AND smsClause = "8.6.1"</code>, and press Enter.</p>`;
  if (outcome.kind === 'error') {
    return html`<div class="jql-error" role="alert"><strong>We couldn't run this search.</strong>${outcome.messages.map((m) => html`<p>${m}</p>`)}</div>`;
  }
  if (outcome.issues.length === 0) {
    return html`<p class="result-count" role="status">No issues were found to match your search.</p>`;
  }
  const first = (pageNumber(q) - 1) * ISSUE_SEARCH_PAGE_SIZE + 1;
  const last = first + outcome.issues.length - 1;
  const of = `${outcome.totalIsLowerBound ? 'more than ' : ''}${outcome.total}`;
  const prev = previousPageHref(q);
  return html`
      <p class="result-count" role="status">${first}–${last} of ${of} issue${outcome.total === 1 && !outcome.totalIsLowerBound ? '' : 's'}</p>
      <table class="issue-table" aria-label="Search results">
        <thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Updated</th></tr></thead>
        <tbody>${outcome.issues.map(
          (i) => html`
          <tr><td class="nowrap"><a href="/browse/${encodeURIComponent(i.key)}">${i.key}</a></td><td>${i.summary}</td><td>${i.type}</td><td class="nowrap"><span class="${lozengeClass(i.statusCategory)}">${i.status}</span></td><td class="nowrap">${
            i.updated === null ? html`<span class="muted">–</span>` : html`<time datetime="${i.updated}" title="${i.updated}">${shortDate(i.updated)}</time>`
          }</td></tr>`,
        )}
        </tbody>
      </table>
      ${
        prev === undefined && outcome.nextPageToken === undefined
          ? html``
          : html`<nav class="pager" aria-label="Pages of results">
        ${prev === undefined ? html`<span class="disabled" aria-disabled="true">Previous</span>` : html`<a href="${prev}" rel="prev">Previous</a>`}
        <span>Page ${pageNumber(q)}</span>
        ${outcome.nextPageToken === undefined ? html`<span class="disabled" aria-disabled="true">Next</span>` : html`<a href="${nextPageHref(q, outcome.nextPageToken)}" rel="next">Next</a>`}
      </nav>`
      }`;
}

/** The navigator's main area: the JQL form, then the count and the results (or Jira's error). Pure rendering. */
export function issueSearchBody(q: IssueSearchQuery, outcome: IssueSearchOutcome): Raw {
  return html`
      ${STYLE}
      <h1>Issues</h1>
      <form class="jql-form" role="search" aria-label="Issue search" method="get" action="${ISSUE_SEARCH_PATH}">
        <div class="jql-field">
          <label for="jql">JQL</label>
          <input id="jql" name="jql" type="text" value="${q.jql}" autocomplete="off" spellcheck="false" placeholder='project = SMS AND smsClause = "8.6.1"'>
        </div>
        <button type="submit">Search</button>
      </form>
      ${resultsOf(q, outcome)}`;
}

/** The project a query is about (`project = KEY` / `project = "KEY"`), for the sidebar. */
export function projectKeyOf(jql: string): string | undefined {
  const m = /\bproject\s*=\s*"?([A-Za-z][A-Za-z0-9_]*)"?/i.exec(jql);
  return m?.[1]?.toUpperCase();
}

/** An Inject that dispatches into the same Fastify instance (no socket). */
export function fastifyInject(server: FastifyInstance): Inject {
  return async (req) => {
    const res = await server.inject({
      method: req.method,
      url: req.url,
      headers: req.headers ?? {},
      ...(req.payload === undefined ? {} : { payload: req.payload }),
    });
    return { statusCode: res.statusCode, body: res.body };
  };
}

export interface IssueSearchDeps {
  chrome: (req: FastifyRequest, reply: FastifyReply, rest: Omit<PageChrome, 'user' | 'users' | 'colorMode' | 'currentPath' | 'uiBuilt' | 'subpages' | 'confluence'>) => PageChrome;
  layout: (c: PageChrome, body: Raw) => string;
  sendPage: (reply: FastifyReply, page: string, status?: number) => FastifyReply;
  projectDetails: (key: string) => Promise<ProjectDetails | undefined>;
  projectPageHref: (key: string) => string;
  inject: Inject;
}

/** Mounts GET /issues/ (and /issues). */
export function registerIssueSearchPage(server: FastifyInstance, deps: IssueSearchDeps): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const q = parseIssueSearchQuery(req.query);
    const key = projectKeyOf(q.jql);
    const project = key === undefined ? undefined : await deps.projectDetails(key);
    // No app frame here, so no "UI not built" banner either.
    const rest = {
      title: q.jql === '' ? 'Issues' : `Issues: ${q.jql}`,
      ...(project ? { project } : {}),
      sidebar: project ? ('project' as const) : ('none' as const),
      active: 'issues' as const,
      crumbs: project
        ? [{ label: 'Projects', href: deps.projectPageHref(project.key) }, { label: project.name, href: deps.projectPageHref(project.key) }, { label: 'Issues' }]
        : [],
    };
    const c: PageChrome = { ...deps.chrome(req, reply, rest), uiBuilt: true };
    const outcome = await runIssueSearch(deps.inject, c.user.accountId, q);
    return deps.sendPage(reply, deps.layout(c, issueSearchBody(q, outcome)));
  };
  server.get('/issues/', handler);
  server.get('/issues', handler);
}
