import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { createEmulator, type Emulator } from '../../../sandbox/emulator';
import { HostData } from '../../../sandbox/host/host-data';
import { registerHostRoutes } from '../../../sandbox/host/host-routes';
import {
  fastifyInject,
  issueSearchHref,
  nextPageHref,
  pageNumber,
  parseIssueSearchQuery,
  previousPageHref,
  projectKeyOf,
  shortDate,
} from '../../../sandbox/host/issue-search-page';
import { ConfluenceConnection } from '../../../sandbox/confluence-connection';
import { readManifest } from '../../../sandbox/manifest';
import { SANDBOX_USERS } from '../../../sandbox/seed/users';

const ADMIN = '557058:sandbox-project-admin';
const MEMBER = '557058:sandbox-member';
const OUTSIDER = '557058:sandbox-outsider';

let dir: string;
let emulator: Emulator;
let server: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'issue-search-test-'));
  emulator = await createEmulator({ dataDir: dir, reset: true, now: () => new Date('2026-11-20T12:00:00.000Z') });
  server = fastify();
  await emulator.register(server);
  await registerHostRoutes(server, { data: new HostData(fastifyInject(server)), users: SANDBOX_USERS, staticBuildDir: path.join(dir, 'no-build'), confluence: new ConfluenceConnection(true), manifest: readManifest() });
  await server.ready();
});

afterAll(async () => {
  await server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = async (url: string, accountId = ADMIN) => {
  const res = await server.inject({ method: 'GET', url, headers: { cookie: `sandbox-user=${encodeURIComponent(accountId)}` } });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body, doc: new JSDOM(res.body).window.document };
};
const searchUrl = (jql: string) => `/issues/?jql=${encodeURIComponent(jql)}`;
const rowKeys = (doc: Document) => [...doc.querySelectorAll('table tbody tr td:first-child a')].map((a) => a.textContent ?? '');

/** Every key the emulator's search finds for the user, in its order (the reference for the page). */
function allKeys(jql: string, accountId = ADMIN): string[] {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = emulator.searchJql({ jql, fields: ['summary'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) }, { accountId }) as {
      issues: { key: string }[];
      nextPageToken?: string;
    };
    keys.push(...page.issues.map((i) => i.key));
    token = page.nextPageToken;
  } while (token);
  return keys;
}

describe('issue navigator page (GET /issues/)', () => {
  it('runs the smsClause alias as the current user and lists the mapped issues with key links, type, status lozenge and date', async () => {
    const jql = 'smsClause = "8.6.1"';
    const expected = allKeys(jql);
    expect(expected.length).toBeGreaterThan(0);
    const { status, type, doc } = await open(searchUrl(jql));
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(doc.querySelector<HTMLInputElement>('input#jql')?.value).toBe(jql);
    expect(doc.querySelector('label[for="jql"]')?.textContent).toBe('JQL');
    const form = doc.querySelector('form[role="search"]');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe('/issues/');
    expect(form?.querySelector('button[type="submit"]')?.textContent).toBe('Search');
    expect(rowKeys(doc)).toEqual(expected);
    expect(doc.querySelector('[role="status"]')?.textContent).toBe(`1–${expected.length} of ${expected.length} issues`);
    const firstRow = doc.querySelector('table tbody tr');
    expect(firstRow?.querySelector('a')?.getAttribute('href')).toBe(`/browse/${expected[0]}`);
    const cells = [...(firstRow?.querySelectorAll('td') ?? [])].map((td) => td.textContent?.trim());
    expect(cells[2]).toBe('Incident');
    expect(firstRow?.querySelector('span.status')?.className).toMatch(/status-(new|progress|done)/);
    expect(firstRow?.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(doc.querySelector('#sandbox-user')).not.toBeNull();
    expect(doc.querySelector('#theme-toggle')).not.toBeNull();
  });

  it('pages 50 at a time: Next carries the token, a count of all hits, and Previous goes back', async () => {
    const jql = 'project = SMS';
    const expected = allKeys(jql);
    expect(expected.length).toBeGreaterThan(100);
    const p1 = await open(searchUrl(jql));
    expect(rowKeys(p1.doc)).toEqual(expected.slice(0, 50));
    expect(p1.doc.querySelector('[role="status"]')?.textContent).toBe(`1–50 of ${expected.length} issues`);
    expect(p1.doc.querySelector('nav[aria-label="Pages of results"] [aria-disabled="true"]')?.textContent).toBe('Previous');
    const next1 = p1.doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? '';
    expect(new URL(next1, 'http://x').searchParams.get('nextPageToken')).toBeTruthy();

    const p2 = await open(next1);
    expect(rowKeys(p2.doc)).toEqual(expected.slice(50, 100));
    expect(p2.doc.querySelector('[role="status"]')?.textContent).toBe(`51–100 of ${expected.length} issues`);
    expect(p2.doc.querySelector<HTMLInputElement>('input#jql')?.value).toBe(jql);
    const back = p2.doc.querySelector('a[rel="prev"]')?.getAttribute('href') ?? '';
    expect(back).toBe(searchUrl(jql));

    const p3 = await open(p2.doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? '');
    expect(rowKeys(p3.doc)).toEqual(expected.slice(100, 150));
    const back2 = await open(p3.doc.querySelector('a[rel="prev"]')?.getAttribute('href') ?? '');
    expect(rowKeys(back2.doc)).toEqual(expected.slice(50, 100));
  });

  it("applies the user's permissions: the outsider finds nothing and gets Jira's error for a project they cannot see", async () => {
    const none = await open(searchUrl('smsClause = "8.6.1"'), OUTSIDER);
    expect(none.status).toBe(200);
    expect(none.doc.querySelector('table')).toBeNull();
    expect(none.doc.querySelector('[role="status"]')?.textContent).toBe('No issues were found to match your search.');

    const denied = await open(searchUrl('project = SMS'), OUTSIDER);
    expect(denied.doc.querySelector('[role="alert"]')?.textContent).toContain("The value 'SMS' does not exist for the field 'project'.");
    expect(denied.doc.querySelector('table')).toBeNull();

    const member = await open(searchUrl('smsClause = "8.6.1"'), MEMBER);
    expect(rowKeys(member.doc)).toEqual(allKeys('smsClause = "8.6.1"', MEMBER));
  });

  it('shows a JQL syntax error as a readable message and keeps the query in the box', async () => {
    const jql = 'project = SMS AND';
    const { status, doc } = await open(searchUrl(jql));
    expect(status).toBe(200);
    const alert = doc.querySelector('[role="alert"]');
    expect(alert?.querySelector('strong')?.textContent).toBe("We couldn't run this search.");
    expect((alert?.querySelector('p')?.textContent ?? '').length).toBeGreaterThan(10);
    expect(doc.querySelector<HTMLInputElement>('input#jql')?.value).toBe(jql);
    expect(doc.querySelector('table')).toBeNull();
  });

  it('asks for a query instead of searching when the JQL is empty', async () => {
    const before = emulator.stats().calls;
    const { doc } = await open('/issues/');
    expect(doc.querySelector<HTMLInputElement>('input#jql')?.value).toBe('');
    expect(doc.querySelector('main')?.textContent).toContain('press Enter');
    expect(emulator.stats().calls).toBe(before);
  });

  it('escapes the query and product text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const created = await server.inject({
      method: 'POST',
      url: '/rest/api/3/issue',
      headers: { 'x-sandbox-account-id': ADMIN, 'content-type': 'application/json' },
      payload: JSON.stringify({ fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: evil } }),
    });
    expect(created.statusCode).toBe(201);
    const key = (JSON.parse(created.body) as { key: string }).key;
    const jql = `key = ${key} OR summary ~ "\\"><script>alert(2)</script>"`;
    const { body, doc } = await open(searchUrl(jql));
    expect(doc.querySelector('main img')).toBeNull();
    expect(doc.querySelectorAll('script')).toHaveLength(1); // host.js only
    expect(body).not.toContain('<script>alert');
    expect(doc.querySelector<HTMLInputElement>('input#jql')?.value).toBe(jql);
    expect(rowKeys(doc)).toEqual([key]);
    expect(doc.querySelector('table tbody tr td:nth-child(2)')?.textContent).toBe(evil);
  });

  it('shows the project sidebar for a project query, and the sidebar links Issues to the navigator', async () => {
    const { doc } = await open(searchUrl('project = SMS AND smsPhase is EMPTY'));
    const link = doc.querySelector('nav[aria-label="Project navigation"] a[aria-current="page"]');
    expect(link?.textContent).toBe('Issues');
    expect(link?.getAttribute('href')).toBe('/issues/?jql=project%20%3D%20SMS');
    const global = await open(searchUrl('smsClause = "8.6.1"'));
    expect(global.doc.querySelector('nav[aria-label="Project navigation"]')).toBeNull();
  });
});

describe('issue navigator URLs', () => {
  it('reads jql, the page token and the earlier tokens, dropping malformed tokens', () => {
    expect(parseIssueSearchQuery({ jql: '  project = SMS ' })).toEqual({ jql: 'project = SMS', previous: [] });
    expect(parseIssueSearchQuery({ jql: 'a', nextPageToken: 'T3', previous: 'T1,bad token,T2' })).toEqual({ jql: 'a', nextPageToken: 'T3', previous: ['T1', 'T2'] });
    expect(parseIssueSearchQuery({ jql: 'a', nextPageToken: '<x>', previous: 'T1' })).toEqual({ jql: 'a', previous: [] });
    expect(parseIssueSearchQuery({ jql: ['first', 'second'] }).jql).toBe('first');
    expect(parseIssueSearchQuery(undefined)).toEqual({ jql: '', previous: [] });
  });

  it('builds next and previous links that walk the pages in both directions', () => {
    const p1 = parseIssueSearchQuery({ jql: 'smsClause = "8.6.1"' });
    expect(issueSearchHref(p1)).toBe('/issues/?jql=smsClause%20%3D%20%228.6.1%22');
    const p2 = parseIssueSearchQuery(Object.fromEntries(new URL(nextPageHref(p1, 'A'), 'http://x').searchParams));
    const p3 = parseIssueSearchQuery(Object.fromEntries(new URL(nextPageHref(p2, 'B'), 'http://x').searchParams));
    expect([pageNumber(p1), pageNumber(p2), pageNumber(p3)]).toEqual([1, 2, 3]);
    expect(p3).toEqual({ jql: 'smsClause = "8.6.1"', nextPageToken: 'B', previous: ['A'] });
    expect(previousPageHref(p3)).toBe(nextPageHref(p1, 'A'));
    expect(previousPageHref(p2)).toBe(issueSearchHref(p1));
    expect(previousPageHref(p1)).toBeUndefined();
  });

  it('finds the project of a query and formats Jira dates', () => {
    expect(projectKeyOf('project = "sms" AND smsClause = "8.1"')).toBe('SMS');
    expect(projectKeyOf('smsClause = "8.1"')).toBeUndefined();
    expect(shortDate('2026-03-12T23:15:00.000+0000')).toBe('12 Mar 2026');
    expect(shortDate('not a date')).toBe('not a date');
  });
});
