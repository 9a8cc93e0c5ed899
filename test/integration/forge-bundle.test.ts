import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { runAsUser, currentAccountId } from '../../sandbox/bridge/user-context';
import { createEmulator, type Emulator } from '../../sandbox/emulator';
import { installForgeRuntime, type InstalledForgeRuntime, type QueuePushRequest } from '../../sandbox/forge-runtime';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import { checkResources, manifestHandlers, requireBundledModule, verifyBundle } from '../../scripts/forge-bundle-lib';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';

// What deploys is what is tested: the Forge functions are bundled by Forge's own bundler (@forge/bundler, as
// `forge deploy` does, offline), the bundle is loaded, and its handlers answer a resolver call and run a queued
// job against the emulated Jira and Confluence. The bundled @forge/api, @forge/kvs and @forge/events reach the
// sandbox through the globals the Forge runtime would install (sandbox/forge-runtime.ts).
jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ADMIN = '557058:sandbox-project-admin';

interface BundleSummary {
  handlers: string[];
  codeBytes: number;
  problems: string[];
  outputDir?: string;
}

function runBundler(args: string[]): { status: number | null; summary: BundleSummary | undefined; output: string } {
  const r = spawnSync(TSX, ['scripts/forge-bundle.ts', '--json', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  let summary: BundleSummary | undefined;
  try {
    summary = JSON.parse(last) as BundleSummary;
  } catch {
    summary = undefined;
  }
  return { status: r.status, summary, output: `${r.stdout}\n${r.stderr}` };
}

type ResolverHandler = (event: unknown, backend: unknown) => Promise<unknown>;
type JobConsumer = (event: unknown, context: unknown) => Promise<void>;

describe('the Forge bundle (@forge/bundler, offline)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sms-forge-bundle-'));
  const bundleDir = path.join(tmp, 'bundle');
  let built: ReturnType<typeof runBundler>;
  let emulator: Emulator;
  let server: FastifyInstance;
  let url: string;
  let runtime: InstalledForgeRuntime;
  const pushes: QueuePushRequest[] = [];
  const store = new InMemoryKvStore();
  let resolverHandler: ResolverHandler;
  let jobConsumer: JobConsumer;
  let project: { id: string; key: string; projectTypeKey: string };

  beforeAll(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined); // the bundled app logs with console.log
    built = runBundler(['--out', bundleDir]);
    emulator = await createEmulator({ dataDir: path.join(tmp, 'data'), reset: true });
    server = fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
    await emulator.register(server);
    url = await server.listen({ port: 0, host: '127.0.0.1' });
    runtime = installForgeRuntime({
      api: createHttpProductApi(url, currentAccountId),
      store,
      onQueuePush: (request) => {
        pushes.push(request);
      },
      runAsUser,
    });
    const res = await fetch(`${url}/rest/api/3/project/SMS`, { headers: { 'x-sandbox-as-app': 'true' } });
    project = (await res.json()) as typeof project;
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    runtime?.uninstall();
    await server?.close();
    await emulator?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const invoke = async (functionKey: string, payload: unknown): Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } }> =>
    runAsUser(ADMIN, async () =>
      (await resolverHandler(
        {
          call: { functionKey, payload },
          context: {
            cloudId: '5a9d2f6e-0000-4000-8000-5a9db0c5e000',
            siteUrl: url,
            moduleKey: 'sms-navigator-project-page',
            extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: project.projectTypeKey } },
          },
        },
        { principal: { accountId: ADMIN }, installContext: 'ari:cloud:jira::site/5a9d2f6e-0000-4000-8000-5a9db0c5e000' },
      )) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } },
    );

  it('bundles every handler manifest.yml names, and the bundle exports each as a function', () => {
    expect(built.status).toBe(0);
    expect(built.summary?.problems).toEqual([]);
    const named = manifestHandlers(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')).map((h) => `${h.module}.${h.func}`);
    expect(named.length).toBeGreaterThan(0);
    expect(built.summary?.handlers.sort()).toEqual([...named].sort());
    expect(verifyBundle(bundleDir, manifestHandlers(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')))).toEqual([]);
    const exports = requireBundledModule(bundleDir, 'index');
    resolverHandler = exports.resolverHandler as ResolverHandler;
    jobConsumer = exports.jobConsumer as JobConsumer;
  });

  it('the bundled resolverHandler answers getAppContext from the emulator, as the signed-in user', async () => {
    const r = await invoke('getAppContext', {});
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.data?.project).toMatchObject({ id: project.id, key: 'SMS' });
    expect(r.data?.user).toEqual({ accountId: ADMIN });
    // The call went through the bundled @forge/api and @forge/kvs, not through a test double of them.
    expect(runtime.calls.some((c) => c.startsWith('fpp jira GET /rest/api/3/'))).toBe(true);
    expect(runtime.calls.some((c) => c.startsWith('kvs kvs POST /api/v1/'))).toBe(true);
  });

  it('the bundled jobConsumer runs one queued job (publish the gap report) to the end', async () => {
    const settings = await invoke('getProjectSettings', {});
    expect(settings.ok).toBe(true);
    const saved = await invoke('saveProjectSettings', {
      confluenceSpaceKey: 'SMS',
      confluenceParentPageId: null,
      epicIssueTypeId: null,
      editorRoleId: null,
      version: settings.data?.version,
    });
    expect(saved.error).toBeUndefined();
    const pagesBefore = emulator.stats().pages;
    const started = await invoke('startPublishReport', { siteUrl: url });
    expect(started.error).toBeUndefined();
    // The bundled @forge/events Queue pushed exactly one event to the app's queue.
    expect(pushes).toHaveLength(1);
    const push = pushes[0] as QueuePushRequest;
    expect(push.queueName).toBe('sms-jobs');
    expect(push.events[0]?.body).toMatchObject({ type: expect.any(String) });
    expect(push.events).toHaveLength(1);
    // Forge delivers it to the consumer as an AsyncEvent, with no user.
    for (const [i, e] of push.events.entries()) {
      await jobConsumer({ body: e.body, queueName: push.queueName, jobId: push.jobId, eventId: `event-${i}` }, { installContext: 'sandbox' });
    }
    // The report page and its Evidence matrix child page.
    expect(emulator.stats().pages).toBe(pagesBefore + 2);
    const status = await invoke('getJobStatus', { jobId: started.data?.jobId });
    expect(status.ok).toBe(true);
    expect(status.data?.status).toBe('done');
  });

  it('a handler named in the manifest but missing from the bundle fails the check (temp manifest)', () => {
    const manifestFile = path.join(tmp, 'manifest.yml');
    const text = readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8').replace(
      /(\n  function:\n)/,
      '$1    - key: ghost\n      handler: index.ghostHandler\n',
    );
    expect(text).toContain('index.ghostHandler');
    writeFileSync(manifestFile, text);
    const r = runBundler(['--manifest', manifestFile]);
    expect(r.status).toBe(1);
    expect(r.summary?.handlers).toContain('index.ghostHandler');
    expect(r.summary?.problems).toEqual([expect.stringContaining('does not export a function "ghostHandler"')]);
  });

  it('checks each resource folder as the CLI packages it: exists, not empty, index.html', () => {
    const dir = path.join(tmp, 'app');
    const manifest = 'resources:\n  - key: main\n    path: ui/build\n';
    expect(checkResources(dir, manifest)).toEqual([expect.stringContaining('does not exist')]);
    mkdirSync(path.join(dir, 'ui/build'), { recursive: true });
    expect(checkResources(dir, manifest)).toEqual([expect.stringContaining('is empty')]);
    writeFileSync(path.join(dir, 'ui/build/app.js'), '');
    expect(checkResources(dir, manifest)).toEqual([expect.stringContaining('no index.html')]);
    writeFileSync(path.join(dir, 'ui/build/index.html'), '<!doctype html>');
    expect(checkResources(dir, manifest)).toEqual([]);
  });
});

