/** Fakes shared by the resolver tests: a permission gateway, a recording store and Forge-like contexts. */
import type { PermissionGateway } from '../../src/platform/permission-gateway';
import type { JsonValue, KeyValueStore, KvQueryPage, KvTransactionOp } from '../../src/storage/kv-store';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import type { ProductApi, ProductRequester } from '../../src/platform/product-api';
import type { JobQueue } from '../../src/platform/job-queue';
import type { Logger } from '../../src/platform/logger';
import type { ResolverResult } from '../../src/contract/result';
import type { App } from '../../src/wiring';
import { response, type FakeReply } from '../jira/fake-product-api';

export const PROJECT = { id: '10000', key: 'SMS', type: 'software' } as const;
export const ADMIN = '557058:sandbox-project-admin';
export const MEMBER = '557058:sandbox-member';
export const OUTSIDER = '557058:sandbox-outsider';
export const EDITOR_ROLE_ID = '10101';
/** The site address Forge puts in the trusted context. */
export const SITE_URL = 'https://example.atlassian.net';

/** Jira as the gateway sees it: who holds which project permission, and who is in which role. */
export class FakePermissionGateway implements PermissionGateway {
  readonly calls: string[] = [];
  currentAccountId: string | undefined;

  constructor(
    private readonly grants: Record<string, string[]> = {
      [ADMIN]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'],
      [MEMBER]: ['BROWSE_PROJECTS'],
      [OUTSIDER]: [],
    },
    private readonly roles: Record<string, string[]> = { [EDITOR_ROLE_ID]: [MEMBER] },
  ) {}

  async getMyPermissions(projectId: string, keys: string[], opts?: { as?: 'user' | 'app' }): Promise<Record<string, boolean>> {
    this.calls.push(`getMyPermissions ${projectId} ${keys.join(',')} as ${opts?.as ?? 'user'}`);
    const held = this.grants[this.currentAccountId ?? ''] ?? [];
    return Object.fromEntries(keys.map((k) => [k, held.includes(k)]));
  }

  async getProjectRoleActorIds(projectId: string, roleId: string, opts?: { as?: 'user' | 'app' }): Promise<string[]> {
    this.calls.push(`getProjectRoleActorIds ${projectId} ${roleId} as ${opts?.as ?? 'user'}`);
    return this.roles[roleId] ?? [];
  }
}

/** An InMemoryKvStore that records every write, so a test can assert "wrote nothing". */
export class RecordingStore implements KeyValueStore {
  readonly inner = new InMemoryKvStore();
  readonly writes: string[] = [];

  get(key: string): Promise<JsonValue | undefined> {
    return this.inner.get(key);
  }
  async set(key: string, value: JsonValue): Promise<void> {
    this.writes.push(`set ${key}`);
    await this.inner.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.writes.push(`delete ${key}`);
    await this.inner.delete(key);
  }
  query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<KvQueryPage> {
    return this.inner.query(prefix, options);
  }
  async setIfAbsent(key: string, value: JsonValue): Promise<boolean> {
    const wrote = await this.inner.setIfAbsent(key, value);
    if (wrote) this.writes.push(`setIfAbsent ${key}`);
    return wrote;
  }
  async transact(ops: KvTransactionOp[]): Promise<void> {
    this.writes.push(`transact ${ops.map((o) => `${o.op} ${o.key}`).join(', ')}`);
    await this.inner.transact(ops);
  }

  /** Every entry, for before/after comparisons. */
  async dump(): Promise<Record<string, JsonValue>> {
    const out: Record<string, JsonValue> = {};
    let cursor: string | undefined;
    do {
      const page = await this.inner.query('', cursor === undefined ? { limit: 20 } : { limit: 20, cursor });
      for (const e of page.results) out[e.key] = e.value;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return out;
  }
}

/** A ProductApi that fails the test if anything calls Jira or Confluence directly. */
export function forbiddenProductApi(record: string[] = []): ProductApi {
  const requester = (who: string): ProductRequester => ({
    requestJira: async () => {
      record.push(`${who} requestJira`);
      throw new Error(`unexpected ${who} Jira call`);
    },
    requestConfluence: async () => {
      record.push(`${who} requestConfluence`);
      throw new Error(`unexpected ${who} Confluence call`);
    },
  });
  return { asUser: () => requester('asUser'), asApp: () => requester('asApp') };
}

/** Display names the fake user directory knows (as in sandbox/seed/users.ts). */
export const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  [ADMIN]: 'Pat Project-Admin',
  [MEMBER]: 'Mo Member',
  [OUTSIDER]: 'Olu Outsider',
};

/** What the fake Jira and Confluence hold for the settings lookups (issue types, roles, the SMS space and its pages). */
export const SETTINGS_DIRECTORY = {
  issueTypes: [
    { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false },
    { id: '10001', name: 'Task', hierarchyLevel: 0, subtask: false },
    { id: '10002', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
  ],
  roles: { Administrators: '10002', Editors: EDITOR_ROLE_ID },
  space: { id: '131073', key: 'SMS', name: 'Service Management', homepageId: '65537' },
  pages: [
    { id: '65537', title: 'SMS Home', spaceId: '131073', parentId: null, status: 'current' },
    { id: '98305', title: 'Reports', spaceId: '131073', parentId: '65537', status: 'current' },
    { id: '99999', title: 'Elsewhere', spaceId: '555555', parentId: null, status: 'current' },
  ],
} as const;

/** Answers the read-only lookups the settings resolvers make, from SETTINGS_DIRECTORY; undefined for anything else. */
function settingsLookup(product: 'jira' | 'confluence', method: string, pathname: string, query: URLSearchParams): FakeReply | undefined {
  if (method !== 'GET') return undefined;
  const d = SETTINGS_DIRECTORY;
  if (product === 'jira') {
    if (pathname === '/rest/api/3/issuetype/project') {
      return query.get('projectId') === PROJECT.id ? { status: 200, body: d.issueTypes } : { status: 404, body: { errorMessages: ['No project could be found.'] } };
    }
    if (pathname === `/rest/api/3/project/${PROJECT.id}`) {
      return { status: 200, body: { id: PROJECT.id, key: PROJECT.key, name: 'Service Management System', projectTypeKey: PROJECT.type } };
    }
    if (pathname === `/rest/api/3/project/${PROJECT.id}/role`) {
      return { status: 200, body: Object.fromEntries(Object.entries(d.roles).map(([name, id]) => [name, `https://sandbox.invalid/rest/api/3/project/${PROJECT.id}/role/${id}`])) };
    }
    return undefined;
  }
  if (pathname === '/wiki/api/v2/spaces') return { status: 200, body: { results: !query.has('keys') || (query.get('keys') ?? '').split(',').includes(d.space.key) ? [d.space] : [] } };
  const spacePages = /^\/wiki\/api\/v2\/spaces\/(\d+)\/pages$/.exec(pathname);
  if (spacePages) {
    if (spacePages[1] !== d.space.id) return { status: 404, body: { errors: [{ status: 404, title: 'Space not found' }] } };
    const pages = d.pages.filter((p) => p.spaceId === d.space.id).map((p) => ({ ...p, version: { number: 1 } })).sort((a, b) => a.title.localeCompare(b.title));
    return { status: 200, body: { results: pages, _links: {} } };
  }
  const page = /^\/wiki\/api\/v2\/pages\/(\d+)$/.exec(pathname);
  if (page) {
    const found = d.pages.find((p) => p.id === page[1]);
    return found === undefined ? { status: 404, body: { errors: [{ status: 404, title: 'Page not found' }] } } : { status: 200, body: { ...found, version: { number: 1 }, body: {} } };
  }
  return undefined;
}

/**
 * A ProductApi that only answers GET /rest/api/3/user/bulk (from `names`, leaving unknown ids out, as Jira does),
 * recording the ids of each lookup in `lookups`, and the settings lookups (issue types, roles, spaces, pages, from
 * SETTINGS_DIRECTORY), recording `"<as> <path>"` in `settingsCalls`; any other call is recorded in `record` and
 * fails, like forbiddenProductApi.
 */
export function userDirectoryApi(
  names: Readonly<Record<string, string>> = DISPLAY_NAMES,
  record: string[] = [],
  lookups: { as: string; ids: string[] }[] = [],
  settingsCalls: string[] = [],
): ProductApi {
  const requester = (who: string): ProductRequester => ({
    requestJira: async (path, init) => {
      const [pathname = '', query = ''] = path.value.split('?');
      if ((init?.method ?? 'GET') === 'GET' && pathname === '/rest/api/3/user/bulk') {
        const ids = new URLSearchParams(query).getAll('accountId');
        lookups.push({ as: who, ids });
        const values = ids.flatMap((accountId) => {
          const displayName = names[accountId];
          return displayName === undefined ? [] : [{ accountId, displayName, active: true, accountType: 'atlassian' }];
        });
        return response({ status: 200, body: { startAt: 0, maxResults: ids.length, total: values.length, isLast: true, values } });
      }
      const settings = settingsLookup('jira', init?.method ?? 'GET', pathname, new URLSearchParams(query));
      if (settings !== undefined) {
        settingsCalls.push(`${who} ${path.value}`);
        return response(settings);
      }
      record.push(`${who} requestJira`);
      throw new Error(`unexpected ${who} Jira call ${path.value}`);
    },
    requestConfluence: async (path, init) => {
      const [pathname = '', query = ''] = path.value.split('?');
      const settings = settingsLookup('confluence', init?.method ?? 'GET', pathname, new URLSearchParams(query));
      if (settings !== undefined) {
        settingsCalls.push(`${who} ${path.value}`);
        return response(settings);
      }
      record.push(`${who} requestConfluence`);
      throw new Error(`unexpected ${who} Confluence call`);
    },
  });
  return { asUser: () => requester('asUser'), asApp: () => requester('asApp') };
}

export const noQueue: JobQueue = {
  push: async () => {
    throw new Error('unexpected queue push');
  },
};

export function recordingLogger(): { log: Logger; lines: { level: string; msg: string; data?: Record<string, unknown> }[] } {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  return { log: (level, msg, data) => lines.push(data === undefined ? { level, msg } : { level, msg, data }), lines };
}

/** The context Forge builds for a Custom UI invoke (before the Resolver merges the principal). */
export function forgeContext(
  moduleType: 'jira:projectPage' | 'jira:issuePanel' | 'jira:projectSettingsPage' = 'jira:projectPage',
  extra: { issue?: { id: string; key: string; type: string } } = {},
): Record<string, unknown> {
  return {
    cloudId: 'sandbox-cloud',
    siteUrl: SITE_URL,
    moduleKey: 'sms-navigator-project-page',
    localId: 'local-1',
    extension: { type: moduleType, project: { ...PROJECT }, ...extra },
  };
}

/** Calls one resolver the way Forge would, as `accountId` (none: no principal), in `context` (default: the project page). */
export type ResolverInvoke = <T = unknown>(
  functionKey: string,
  payload: unknown,
  accountId: string | undefined,
  context?: Record<string, unknown>,
) => Promise<ResolverResult<T>>;

/** An invoke for `app` that first tells the fake gateway who is calling. */
export function resolverInvoker(app: Pick<App, 'resolverHandler'>, gateway: FakePermissionGateway): ResolverInvoke {
  return async <T,>(functionKey: string, payload: unknown, accountId: string | undefined, context: Record<string, unknown> = forgeContext()) => {
    gateway.currentAccountId = accountId;
    return (await app.resolverHandler(
      { call: { functionKey, payload }, context },
      accountId === undefined ? {} : { principal: { accountId } },
    )) as ResolverResult<T>;
  };
}
