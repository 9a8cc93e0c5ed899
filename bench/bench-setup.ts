/** Setup shared by the benchmarks (not a benchmark itself: bench/run.ts loads only *.bench.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify from 'fastify';
import { createEmulator } from '../sandbox/emulator';
import type { ResolverResult } from '../src/contract/result';
import { JiraClient } from '../src/jira/jira-client';
import type { ProductApi } from '../src/platform/product-api';
import { MAPPING_PROPERTY_KEY } from '../src/domain/mapping/mapping-property';
import type { App } from '../src/wiring';

/** Clauses the generated issues are spread over (each issue mapped to one). */
export const BENCH_CLAUSES = ['4.1', '5.2', '6.1', '7.5.4', '8.1', '8.2.6', '8.3.3', '8.5.1', '8.6.1', '8.6.2', '8.6.3', '8.7.1', '9.1', '9.2', '10.2'];

/**
 * Maps every issue of the project to one clause (a fifteenth of them per clause), as the app. Not measured.
 * `listIds` lists the project's issue ids (the benches read them from the emulator directly, so the setup spends
 * no time on search pages nor points of the hourly quota); without it they are read through the API.
 */
export async function mapEveryIssue(api: ProductApi, projectKey: string, listIds?: () => string[]): Promise<void> {
  const jira = new JiraClient(api);
  const ids: string[] = listIds?.() ?? [];
  if (listIds === undefined) {
    for await (const issue of jira.searchJqlAll(`project = ${projectKey} ORDER BY key ASC`, { as: 'app', fields: ['summary'], pageSize: 100 })) ids.push(issue.id);
  }
  for (let i = 0; i < BENCH_CLAUSES.length; i += 1) {
    const part = ids.filter((_, n) => n % BENCH_CLAUSES.length === i);
    await jira.bulkSetIssuePropertyByList(part, { [MAPPING_PROPERTY_KEY]: { clauses: [BENCH_CLAUSES[i]], kinds: ['record'], phases: [] } }, { as: 'app' });
  }
}

/** The Jira site address the benches' invocation contexts carry, as Forge puts `siteUrl` in every context. */
export const BENCH_SITE_URL = 'https://example.atlassian.net';

/**
 * Calls one resolver of `app` as `user` on the project page of `project`, the way Forge invokes it, with
 * `setUser` marking the user of the invocation for the sandbox's asUser() calls. Throws on `{ ok: false }`.
 */
export async function invokeResolver<T>(
  app: App,
  user: string,
  project: { id: string; key: string; type: string },
  setUser: (accountId: string | undefined) => void,
  functionKey: string,
  payload: Record<string, unknown>,
): Promise<T> {
  const context = { accountId: user, siteUrl: BENCH_SITE_URL, moduleKey: 'sms-navigator-project-page', extension: { type: 'jira:projectPage', project } };
  setUser(user);
  try {
    const r = (await app.resolverHandler({ call: { functionKey, payload }, context }, { principal: { accountId: user } })) as ResolverResult<T>;
    if (!r.ok) throw new Error(`${functionKey}: ${r.error.code} ${r.error.message}`);
    return r.data;
  } finally {
    setUser(undefined);
  }
}

type Emulator = Awaited<ReturnType<typeof createEmulator>>;

/**
 * Runs `body` against a fresh emulator (its own data directory) seeded with a large project of `issues` issues
 * and served over HTTP on a free local port; closes the server and the emulator and deletes the data after.
 */
export async function withSeededEmulator<T>(
  name: string,
  issues: number,
  body: (env: { emulator: Emulator; url: string; info: ReturnType<Emulator['seedLargeProject']> }) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-bench-`));
  const emulator = await createEmulator({ dataDir: dir, reset: true });
  const server = fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
  try {
    await emulator.register(server);
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    return await body({ emulator, url, info: emulator.seedLargeProject(issues) });
  } finally {
    await server.close();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
