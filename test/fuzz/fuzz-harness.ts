/**
 * Shared by the authorization test, the reduced fuzz test (npm test) and bench/fuzz.bench.ts (the full run):
 * every resolver of the wiring, called as the four kinds of user (site admin, project admin, member, outsider)
 * under each editor-role setting, against the authorization table; and malformed payloads from a seeded
 * generator, counting unhandled failures and writes made by refused calls.
 *
 * The app runs over in-memory fakes: a recording key-value store, a queue that records pushes, and a product
 * API that answers every call 404 and records every non-GET call (a write). Nothing here depends on timing.
 */
import type { ResolverResult } from '../../src/contract/result';
import type { AccessLevel } from '../../src/services/access';
import { AUTHORIZATION, isResolverKey } from '../../src/resolvers/authorization';
import type { ProductApi, ProductRequester } from '../../src/platform/product-api';
import { SettingsRepository } from '../../src/storage/settings-repository';
import { RESOLVERS, createApp } from '../../src/wiring';
import { response } from '../jira/fake-product-api';
import { USERS } from '../sandbox/emulator-harness';
import { EDITOR_ROLE_ID, FakePermissionGateway, PROJECT, RecordingStore, SITE_URL } from '../resolvers/resolver-fakes';
import { seededRandom } from '../../src/domain/audit/sampling';

export { USERS };
export type UserKind = keyof typeof USERS;
export const USER_KINDS = Object.keys(USERS) as UserKind[];

/** Jira project permissions of each user (a site admin administers every project in the sandbox). */
const GRANTS: Readonly<Record<UserKind, readonly string[]>> = {
  siteAdmin: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES'],
  projectAdmin: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES'],
  member: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES'],
  outsider: [],
};

/** The project settings a cell runs under: no editor role; the member's role as editor role; that, plus mapping opened to all editors of issues. */
export const ROLE_SETTINGS = ['no-editor-role', 'editor-role', 'editor-role+open-mapping'] as const;
export type RoleSetting = (typeof ROLE_SETTINGS)[number];

const ISSUE = { id: '10001', key: 'SMS-1', type: 'Task' };

/** Whether the table lets `user` call a resolver needing `access` (+ `requires`) under `setting`. */
export function expectedAllowed(access: AccessLevel, requires: readonly string[], user: UserKind, setting: RoleSetting): boolean {
  const held = new Set(GRANTS[user]);
  const browse = held.has('BROWSE_PROJECTS');
  const admin = browse && held.has('ADMINISTER_PROJECTS');
  const inRole = browse && setting !== 'no-editor-role' && user === 'member';
  const open = setting === 'editor-role+open-mapping';
  const right =
    access === 'signed-in' ? true : access === 'read' ? browse : access === 'admin' ? admin : access === 'write' ? admin || inRole : browse && (admin || inRole || open);
  return right && requires.every((r) => held.has(r));
}

export interface Recorder {
  writes: number;
}

/** POSTs that only read (Jira's searches and bulk fetches). */
const READ_POSTS = /\/(search\/jql|search\/approximate-count|changelog\/bulkfetch)(\?|$)/;

/** A product API that answers 404 to everything and counts every call that writes. */
function notFoundApi(rec: Recorder): ProductApi {
  const requester: ProductRequester = {
    requestJira: async (path, init) => {
      const method = init?.method ?? 'GET';
      if (method !== 'GET' && !(method === 'POST' && READ_POSTS.test(path.value))) rec.writes += 1;
      return response({ status: 404, body: { errorMessages: ['Not found (fuzz fake).'] } });
    },
    requestConfluence: async (_path, init) => {
      if ((init?.method ?? 'GET') !== 'GET') rec.writes += 1;
      return response({ status: 404, body: { errors: [{ status: 404, title: 'Not found (fuzz fake).' }] } });
    },
  };
  return { asUser: () => requester, asApp: () => requester };
}

export interface FuzzApp {
  call(functionKey: string, payload: unknown, user: UserKind): Promise<{ result: ResolverResult<unknown> | undefined; thrown: unknown; writes: number }>;
}

/** A fresh app under `setting`. */
export async function fuzzApp(setting: RoleSetting): Promise<FuzzApp> {
  const store = new RecordingStore();
  const rec: Recorder = { writes: 0 };
  const grants = Object.fromEntries(USER_KINDS.map((u) => [USERS[u], [...GRANTS[u]]]));
  const gateway = new FakePermissionGateway(grants, { [EDITOR_ROLE_ID]: [USERS.member] });
  await new SettingsRepository(store.inner).save(
    PROJECT.id,
    { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: setting === 'no-editor-role' ? null : EDITOR_ROLE_ID, issueMappingOpen: setting === 'editor-role+open-mapping' },
    0,
    USERS.projectAdmin,
  );
  const app = createApp({
    api: notFoundApi(rec),
    store,
    queue: {
      push: async () => {
        rec.writes += 1;
        return 'fuzz-job';
      },
    },
    log: () => undefined,
    permissions: gateway,
    now: () => new Date('2026-12-02T10:00:00.000Z'),
  });
  const context = {
    cloudId: 'fuzz',
    siteUrl: SITE_URL,
    moduleKey: 'sms-navigator-issue-panel',
    localId: 'fuzz',
    extension: { type: 'jira:issuePanel', project: { ...PROJECT }, issue: ISSUE },
  };
  return {
    async call(functionKey, payload, user) {
      gateway.currentAccountId = USERS[user];
      const before = rec.writes + store.writes.length;
      let result: ResolverResult<unknown> | undefined;
      let thrown: unknown;
      try {
        result = (await app.resolverHandler({ call: { functionKey, payload }, context: { ...context, accountId: USERS[user] } }, { principal: { accountId: USERS[user] } })) as ResolverResult<unknown>;
      } catch (e) {
        thrown = e;
      }
      return { result, thrown, writes: rec.writes + store.writes.length - before };
    },
  };
}

export interface AuthzMismatch {
  key: string;
  user: UserKind;
  setting: RoleSetting;
  expected: 'allowed' | 'refused';
  got: string;
}

/** Every resolver × user × setting against the table. A resolver without a row is a mismatch of its own. */
export async function authorizationMatrix(): Promise<{ cells: number; mismatches: AuthzMismatch[] }> {
  const mismatches: AuthzMismatch[] = [];
  let cells = 0;
  for (const setting of ROLE_SETTINGS) {
    const app = await fuzzApp(setting);
    for (const def of RESOLVERS) {
      const row = isResolverKey(def.key) ? AUTHORIZATION[def.key] : undefined;
      for (const user of USER_KINDS) {
        cells += 1;
        if (row === undefined || row.access !== def.access) {
          mismatches.push({ key: def.key, user, setting, expected: 'allowed', got: row === undefined ? 'no row in the table' : `defined as ${def.access}` });
          continue;
        }
        const { result, thrown } = await app.call(def.key, {}, user);
        const refused = result !== undefined && !result.ok && result.error.code === 'FORBIDDEN';
        const allowed = expectedAllowed(row.access, def.requires, user, setting);
        if (thrown !== undefined || allowed === refused) {
          mismatches.push({ key: def.key, user, setting, expected: allowed ? 'allowed' : 'refused', got: thrown !== undefined ? `threw ${String(thrown)}` : JSON.stringify(result).slice(0, 160) });
        }
      }
    }
  }
  return { cells, mismatches };
}

// ------------------------------------------------------------------ malformed payloads

/** The app's one deterministic PRNG (mulberry32, also used for audit samples): the same seed gives the same payloads. */
const prng = seededRandom;

/** Field names the app's payloads use: malformed payloads put hostile values under them. */
const FIELDS = [
  'changes', 'clauseId', 'clauses', 'kind', 'action', 'jql', 'source', 'previewId', 'issueIds', 'jobId', 'version', 'expectedVersion',
  'expectedPlanVersion', 'result', 'note', 'kpis', 'kpiId', 'value', 'scope', 'plan', 'unitId', 'assessment', 'label', 'a', 'b',
  'snapshot', 'siteUrl', 'projectKey', 'projectId', 'confluenceSpaceKey', 'confluenceParentPageId', 'epicIssueTypeId', 'editorRoleId',
  'issueMappingOpen', 'includeJira', 'includeItems', 'businessCase', 'register', 'targetState', 'unmappedCursor', 'at', 'elements',
] as const;

const HOSTILE: readonly unknown[] = [
  null, undefined, true, 0, -1, 1e308, Number.NaN, '', ' ', 'x'.repeat(70_000), '\u0000', '\u202Egnp.exe', '<script>alert(1)</script>',
  'issuetype = Incident) OR (project = OPS', 'a ORDER BY key', '"', "'", '\\', 'http://evil.example/x', '../../etc/passwd', 'OPS', '99999',
  '8.6.99', '8.6', '4.1', [], [null], [{}], Array.from({ length: 2_000 }, (_, i) => i), {}, { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } }, { toString: 'x' }, '{"ok":true}', '2026-13-45T99:99:99Z', 'SMS-1', '10000',
];

/** The `i`-th malformed payload of a resolver (deterministic per key and index). */
export function malformedPayload(key: string, i: number): unknown {
  let seed = i + 1;
  for (const ch of key) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) >>> 0;
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const shape = i % 10;
  if (shape === 0) return pick(HOSTILE); // not an object at all (or an odd one)
  if (shape === 1) {
    // deep nesting
    let v: unknown = pick(HOSTILE);
    for (let d = 0; d < 200; d += 1) v = { [pick(FIELDS)]: v };
    return v;
  }
  const payload: Record<string, unknown> = {};
  const n = 1 + Math.floor(rnd() * 6);
  for (let f = 0; f < n; f += 1) {
    const field = pick(FIELDS);
    const value = shape === 2 ? [pick(HOSTILE), pick(HOSTILE)] : shape === 3 ? { [pick(FIELDS)]: pick(HOSTILE) } : pick(HOSTILE);
    payload[field] = value;
  }
  if (shape === 4) payload.projectKey = 'OPS'; // names another project
  if (shape === 5) Object.defineProperty(payload, '__proto__', { value: { isAdmin: true }, enumerable: true });
  return payload;
}

export interface FuzzFigures {
  payloads: number;
  /** Calls that threw out of the resolver handler, answered INTERNAL, or answered something that is not a ResolverResult. */
  unhandled: number;
  /** Writes (store, Jira, Confluence, queue) made during calls that were refused. */
  refusedWrites: number;
  examples: string[];
}

/** `perResolver` malformed payloads for every resolver, as each of the four users (with the editor role set). */
export async function fuzzResolvers(perResolver: number): Promise<FuzzFigures> {
  const app = await fuzzApp('editor-role');
  const figures: FuzzFigures = { payloads: 0, unhandled: 0, refusedWrites: 0, examples: [] };
  for (const def of RESOLVERS) {
    for (const user of USER_KINDS) {
      for (let i = 0; i < perResolver; i += 1) {
        const payload = malformedPayload(def.key, i);
        const { result, thrown, writes } = await app.call(def.key, payload, user);
        figures.payloads += 1;
        const shapeOk = result !== undefined && typeof result === 'object' && typeof result.ok === 'boolean';
        const unhandled = thrown !== undefined || !shapeOk || (!result.ok && result.error.code === 'INTERNAL');
        if (unhandled) {
          figures.unhandled += 1;
          if (figures.examples.length < 10) figures.examples.push(`${def.key} as ${user} #${i}: ${thrown !== undefined ? String(thrown) : JSON.stringify(result).slice(0, 200)}`);
        }
        if (shapeOk && !result.ok && writes > 0) {
          figures.refusedWrites += writes;
          if (figures.examples.length < 10) figures.examples.push(`${def.key} as ${user} #${i}: refused (${result.error.code}) after ${writes} write(s)`);
        }
      }
    }
  }
  return figures;
}
