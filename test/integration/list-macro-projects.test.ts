import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { createEmulator, type Emulator } from '../../sandbox/emulator';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import type { ResolverResult } from '../../src/contract/result';
import type { MacroProjectsView } from '../../src/contract/gap-report';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { buildServices, createApp, type App } from '../../src/wiring';
import { USERS } from '../sandbox/emulator-harness';

// The macro's project picker (listMacroProjects) against the emulated Jira: a macro being configured has no
// project in its context, and the list is Jira's project search made as the viewer, so it names only the
// projects that viewer may browse.
jest.setTimeout(60_000);

let dir: string;
let emulator: Emulator;
let server: FastifyInstance;
let app: App;
let current: string | undefined;
let allKeys: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'macro-projects-'));
  emulator = await createEmulator({ dataDir: dir, reset: true });
  server = fastify({ logger: false });
  await emulator.register(server);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  const deps = { api: createHttpProductApi(url, () => current), store: new InMemoryKvStore(), queue: { push: async () => 'q' }, log: () => undefined };
  app = createApp(deps);
  // Every project of the site, as the app sees them (what a leak would show).
  allKeys = (await buildServices(deps).jira.searchProjects('', 50, { as: 'app' })).projects.map((p) => p.key);
});

afterAll(async () => {
  await server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A call from the macro's configuration frame: Confluence's macro context, no project, nothing configured yet. */
async function list(accountId: string | undefined, payload: unknown = {}): Promise<ResolverResult<MacroProjectsView>> {
  current = accountId;
  const context = { cloudId: 'c', moduleKey: 'sms-readiness', localId: 'n1', accountId, extension: { type: 'macro', content: { id: '1', type: 'page' }, config: {} } };
  return (await app.resolverHandler({ call: { functionKey: 'listMacroProjects', payload }, context }, { principal: accountId === undefined ? undefined : { accountId } })) as ResolverResult<MacroProjectsView>;
}

const keysOf = (r: ResolverResult<MacroProjectsView>): string[] => (r.ok ? r.data.projects.map((p) => p.key) : [`error ${r.error.code}`]);

describe('listMacroProjects', () => {
  it('lists the projects each viewer may browse, and none they may not', async () => {
    expect(allKeys.length).toBeGreaterThan(0);
    // The emulated Jira grants Browse by role: the admins and the member browse every project, the outsider none.
    for (const who of ['siteAdmin', 'projectAdmin', 'member'] as const) expect({ who, keys: keysOf(await list(USERS[who])) }).toEqual({ who, keys: allKeys });
    expect(keysOf(await list(USERS.outsider))).toEqual([]);
  });

  it('narrows by key or name, and refuses a call without a signed-in user', async () => {
    const first = (await list(USERS.siteAdmin)) as { ok: true; data: MacroProjectsView };
    const one = first.data.projects[0];
    expect(one).toBeDefined();
    expect(keysOf(await list(USERS.siteAdmin, { query: one?.key ?? '' }))).toContain(one?.key);
    expect(keysOf(await list(USERS.siteAdmin, { query: 'no-such-project-zzz' }))).toEqual([]);
    expect(keysOf(await list(undefined))).toEqual(['error UNAUTHENTICATED']);
  });
});
