import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { createApp, type App } from '../src/wiring';
import { frameViewContext, registerBridgeRoutes } from './bridge/bridge-routes';
import { currentAccountId, remainingInvocationMs, runWithoutUser } from './bridge/user-context';
import { createEmulator, type Emulator, type FaultOptions } from './emulator';
import { HostData, httpInject } from './host/host-data';
import { registerHostRoutes } from './host/host-routes';
import { ConfluenceConnection, type ConfluenceSwitch } from './confluence-connection';
import { createHttpProductApi } from './http-product-api';
import { declaresConfluence, MANIFEST_PATH, readManifest, type SandboxManifest } from './manifest';
import { InProcessQueue } from './in-process-queue';
import type { FileKvStore } from './kvs/file-kv-store';
import { JournalStore } from './state/journal-store';
import { SANDBOX_USERS } from './seed/users';
import { APP_ID, ENVIRONMENT_ID } from './bridge/forge-context';
import { realSleep } from '../src/platform/retry';

export interface SandboxOptions {
  /** 0 = any free port (default 8080). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Where emulator state and app storage live (default .sandbox-data). */
  dataDir?: string;
  /** Discard the state and reseed. */
  reset?: boolean;
  faults?: FaultOptions;
  trafficLogFile?: string;
  /** The built Custom UI (default static/build). */
  staticBuildDir?: string;
  /** Print server-side problems (resolver crashes, failed jobs); default true. */
  verbose?: boolean;
  /** Whether the site has the app connected to Confluence (default connected; SANDBOX_CONFLUENCE in main.ts). */
  confluence?: ConfluenceSwitch;
  /** The manifest the sandbox hosts the app by (default manifest.yml of the project). */
  manifestPath?: string;
  /** How long the queue waits for a retry asked `retryAfter` seconds later (default: the seconds; tests shorten it). */
  queueRetryDelayMs?: (retryAfterSeconds: number) => number;
  /** How long a job run holds its job without progress (default 2 minutes). */
  jobLeaseMs?: number;
}

export interface Sandbox {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  emulator: Emulator;
  /** The app's Forge storage stand-in (the emulator's FileKvStore under <dataDir>/kvs). */
  store: FileKvStore;
  queue: InProcessQueue;
  server: FastifyInstance;
  /** The site's Confluence connection (the switch in the host top bar). */
  confluence: ConfluenceConnection;
  manifest: SandboxManifest;
  close(): Promise<void>;
}

const PROJECT_ROOT = path.resolve(__dirname, '..');

/**
 * Starts the whole sandbox in this process: the emulated Jira and Confluence, the app built by `createApp`
 * with HTTP product calls back to those emulators, a file-backed KVS and an in-process queue, the host pages
 * and the bridge stand-in, and the built Custom UI under /static/.
 */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = path.resolve(opts.dataDir ?? '.sandbox-data');
  mkdirSync(dataDir, { recursive: true });
  const staticBuildDir = path.resolve(opts.staticBuildDir ?? path.join(PROJECT_ROOT, 'static', 'build'));
  if (!existsSync(staticBuildDir)) mkdirSync(staticBuildDir, { recursive: true });
  const verbose = opts.verbose ?? true;
  const manifest = readManifest(opts.manifestPath ?? MANIFEST_PATH);
  const confluence = new ConfluenceConnection(declaresConfluence(manifest), opts.confluence ?? 'connected');
  const log = (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>): void => {
    if (verbose && level !== 'info') process.stderr.write(`[sandbox ${level}] ${msg}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
  };

  const emulator = await createEmulator({
    dataDir,
    reset: opts.reset ?? false,
    ...(opts.trafficLogFile !== undefined ? { trafficLogFile: opts.trafficLogFile } : {}),
    ...(opts.faults !== undefined ? { faults: opts.faults } : {}),
  });
  // The emulator keeps the app's storage beside the products' state, so a reset empties both.
  const store = emulator.kvStore;

  const server = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 8 * 1024 * 1024 });
  await emulator.register(server);

  let appReady!: (a: App) => void;
  const appPromise = new Promise<App>((resolve) => (appReady = resolve));
  let url = '';

  // The queue keeps queued and running events in its own journal beside the state: they are delivered again
  // after a restart or a kill, as Forge's queue does. A reset empties it with the rest.
  const queueDir = path.join(dataDir, 'queue');
  if (opts.reset ?? false) JournalStore.wipe(queueDir);
  const queue = new InProcessQueue({
    consumer: async (event, context) => {
      const app = await appPromise;
      return app.jobConsumer(event, context);
    },
    journalDir: queueDir,
    // The consumer function's time limit from manifest.yml (timeoutSeconds), as Forge enforces it.
    consumerTimeoutMs: manifest.consumerTimeoutSeconds * 1000,
    runContext: runWithoutUser,
    ...(opts.queueRetryDelayMs ? { retryDelayMs: opts.queueRetryDelayMs } : {}),
    log,
  });

  // Events waiting or running in the queue (what a restart would deliver again), for tests that wait for it.
  server.get('/__sandbox/queue', async () => ({ size: queue.size }));

  const data = new HostData(httpInject(() => url));
  const bridgeDeps = { app: () => appPromise, lookup: data, siteUrl: () => url, log };
  await registerBridgeRoutes(server, bridgeDeps);
  await registerHostRoutes(server, {
    data,
    users: SANDBOX_USERS,
    staticBuildDir,
    confluence,
    manifest,
    frameContext: (query, cookie) => frameViewContext(bridgeDeps, query, cookie),
  });

  const listenHost = opts.host ?? '127.0.0.1';
  await server.listen({ port: opts.port ?? 8080, host: listenHost });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (opts.port ?? 8080);
  const urlHost = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  url = `http://${urlHost}:${port}`;

  const app = createApp(
    {
      // A resolver's retries know the bridge's 25 s budget, as they know Forge's remaining time.
      api: createHttpProductApi(url, currentAccountId, fetch, { sleep: realSleep, now: () => Date.now(), remainingMs: remainingInvocationMs }, confluence),
      store,
      queue,
      log: (level, msg, extra) => log(level === 'error' || level === 'warn' ? level : 'info', msg, extra),
      // Forge gives these through getAppContext(); the sandbox's ids are the ones its host pages use.
      appIdentity: () => ({ appId: APP_ID, environmentId: ENVIRONMENT_ID, environmentType: 'DEVELOPMENT' }),
    },
    opts.jobLeaseMs !== undefined ? { jobLeaseMs: opts.jobLeaseMs } : {},
  );
  appReady(app);

  let closed = false;
  return {
    url,
    port,
    emulator,
    store,
    queue,
    server,
    confluence,
    manifest,
    async close() {
      if (closed) return;
      closed = true;
      await queue.close();
      await server.close();
      await emulator.close(); // closes the storage too
    },
  };
}
