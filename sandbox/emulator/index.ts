import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FileKvStore } from '../kvs/file-kv-store';
import { buildSeedTables, seedLargeProject as seedLarge, type LargeProjectInfo } from '../seed';
import { SANDBOX_USERS, findSandboxUser, type SandboxUser } from '../seed/users';
import { loadSpec } from '../specs';
import { JournalStore } from '../state/journal-store';
import { mayEditContent, registerConfluenceApi } from './confluence-api';
import { EmulatorState } from './emulator-state';
import { FaultInjector, faultOptionsFromEnv, type FaultOptions } from './faults';
import { HttpError, Router, confluenceError, jiraError, type ApiRequest, type Identity } from './http';
import { createJiraSearcher, registerJiraApi } from './jira-api';
import { adfToHtml, escapeHtml, renderPageView } from './page-view';
import { USER_COOKIE, colorModeOf, hostUser, readCookie } from '../host/cookies';
import { READINESS_MACRO } from '../host/macro-editing';
import { resourcePage } from '../host/host-pages';
import { projectPermissionsOf, statusById } from './catalog';

import { TrafficLog, type TrafficEntry } from './traffic-log';
import { ProductRateLimiter, systemClock, type Clock, type RateLimitOptions, type RateLimitStats } from './rate-limits';

export type { FaultOptions, FaultKind } from './faults';
export type { TrafficEntry } from './traffic-log';
export { PRODUCT_RATE_LIMITS, type Clock, type RateLimitOptions, type RateLimitStats } from './rate-limits';
export { readTrafficLog } from './traffic-log';
export type { Identity } from './http';
export { APP_ACCOUNT_ID } from './http';
export { StateUnreadableError } from '../state/journal-store';
export { SANDBOX_USERS, type SandboxUser } from '../seed/users';
export { MAPPING_PROPERTY_KEY, ENTITY_PROPERTY_ALIASES } from './catalog';

export interface EmulatorOptions {
  /** Directory holding all sandbox state (products in `products/`, Forge storage in `kvs/`). */
  dataDir: string;
  /** Discard existing state and reseed. */
  reset?: boolean;
  /** Append one JSON line per product call here (default: env SANDBOX_TRAFFIC_LOG). */
  trafficLogFile?: string;
  /** Faults at start (merged over env SANDBOX_LATENCY_MS / SANDBOX_FAULT_RATE / SANDBOX_FAULT_SEED). */
  faults?: FaultOptions;
  /** Clock for created/updated stamps and relative JQL dates (default: real time). */
  now?: () => Date;
  /** Product rate limits (default: the products' figures, see rate-limits.ts); `false` turns them off. */
  rateLimits?: RateLimitOptions | false;
  /** Clock of the rate-limit windows (default: real time); benchmarks pass a virtual one. */
  rateLimitClock?: Clock;
}

export interface EmulatorStats {
  calls: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  faultsInjected: number;
  issues: number;
  pages: number;
  rateLimits: RateLimitStats;
}

export interface Emulator {
  /** Mounts /rest/api/3/*, /wiki/api/v2/*, /wiki/spaces/:spaceKey/pages/:pageId and /__sandbox/*. */
  register(app: FastifyInstance): Promise<void>;
  setFaults(f: FaultOptions): void;
  /** Replaces the product rate limits (and clears their counters); `false` turns them off. */
  setRateLimits(r: RateLimitOptions | false): void;
  readonly users: readonly SandboxUser[];
  /** The Forge storage stand-in (durable, in dataDir/kvs). */
  readonly kvStore: FileKvStore;
  readonly dataDir: string;
  stats(): EmulatorStats;
  /** Reseeds products, empties storage and clears the rate-limit counters (what POST /__sandbox/reset does). */
  reset(): void;
  /** Adds a company-managed project of n generated issues (default key BIG). */
  seedLargeProject(n?: number, opts?: { key?: string }): LargeProjectInfo;
  /** Runs a POST /search/jql body directly (no HTTP), as a user or the app. */
  searchJql(body: unknown, as?: { accountId: string } | 'app'): Record<string, unknown>;
  close(): Promise<void>;
}

const PRODUCT_PREFIXES = ['/rest/api/3', '/wiki/api/v2'] as const;

const faultOptionsSchema = z
  .object({
    latencyMs: z.number().min(0).optional(),
    rate: z.number().min(0).max(1).optional(),
    kinds: z.array(z.enum(['429', '500', 'reset'])).optional(),
    seed: z.number().int().optional(),
    schedule: z.array(z.number().int().positive()).optional(),
    stale409Rate: z.number().min(0).max(1).optional(),
    retryAfterSeconds: z.number().min(0).optional(),
  })
  .strict();

const rateLimitOptionsSchema = z
  .object({
    pointsPerHour: z.number().int().min(0).optional(),
    perIssueWrites: z.array(z.object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() }).strict()).optional(),
    spentPoints: z.object({ jira: z.number().int().min(0).optional(), confluence: z.number().int().min(0).optional() }).strict().optional(),
  })
  .strict();

function identityOf(req: FastifyRequest): Identity | undefined {
  const asApp = req.headers['x-sandbox-as-app'];
  if (asApp === 'true') return { kind: 'app' };
  const account = req.headers['x-sandbox-account-id'];
  if (typeof account === 'string') {
    const user = findSandboxUser(account);
    return user ? { kind: 'user', user } : undefined;
  }
  return undefined;
}

function stringQuery(q: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (q && typeof q === 'object') {
    for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
      if (Array.isArray(v)) out[k] = v.map(String).join(',');
      else if (v !== undefined) out[k] = String(v);
    }
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Spec path templates, to tell "not emulated" (501) from "no such API" (404). Optional: works without specs. */
let specPathMatchers: { jira: RegExp[]; confluence: RegExp[] } | null | undefined;
function specKnows(path: string): boolean {
  if (specPathMatchers === undefined) {
    try {
      const toRe = (p: string): RegExp => new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const jira = Object.keys((loadSpec('jira') as { paths: Record<string, unknown> }).paths).map(toRe);
      const confluence = Object.keys((loadSpec('confluence') as { paths: Record<string, unknown> }).paths).map((p) => toRe(`/wiki/api/v2${p}`));
      specPathMatchers = { jira, confluence };
    } catch {
      specPathMatchers = null;
    }
  }
  if (!specPathMatchers) return false;
  return [...specPathMatchers.jira, ...specPathMatchers.confluence].some((re) => re.test(path));
}

export async function createEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const dataDir = path.resolve(opts.dataDir);
  const productsDir = path.join(dataDir, 'products');
  const kvsDir = path.join(dataDir, 'kvs');
  if (opts.reset) {
    JournalStore.wipe(productsDir);
    JournalStore.wipe(kvsDir);
  }
  const store = JournalStore.open(productsDir);
  let state: EmulatorState;
  try {
    state = new EmulatorState(store);
  } catch (e) {
    store.close();
    throw e;
  }
  if (state.isEmpty()) state.replaceAll(buildSeedTables());
  let kvStore: FileKvStore;
  try {
    kvStore = new FileKvStore(kvsDir);
  } catch (e) {
    store.close();
    throw e;
  }

  const now = opts.now ?? (() => new Date());
  const faults = new FaultInjector({ ...faultOptionsFromEnv(), ...(opts.faults ?? {}) });
  const trafficFile = opts.trafficLogFile ?? process.env.SANDBOX_TRAFFIC_LOG;
  const traffic = trafficFile ? new TrafficLog(trafficFile) : undefined;
  const router = new Router();
  registerJiraApi(router, state, { now });
  registerConfluenceApi(router, state, { now, staleVersionFault: () => faults.staleVersion() });
  const searcher = createJiraSearcher(state, { now });
  const rateLimiter = new ProductRateLimiter(opts.rateLimitClock ?? systemClock, (idOrKey) => state.issue(idOrKey)?.id ?? idOrKey);
  const rateLimitsOff: RateLimitOptions = { pointsPerHour: 0, perIssueWrites: [] };
  rateLimiter.set(opts.rateLimits === false ? rateLimitsOff : (opts.rateLimits ?? {}));

  const stats = { calls: 0, byRoute: new Map<string, number>(), byStatus: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };

  const productHandler = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const url = request.raw.url ?? request.url;
    const pathOnly = url.split('?')[0] ?? url;
    const method = request.method.toUpperCase();
    const query = stringQuery(request.query);
    const requestBody = request.body === undefined || request.body === '' ? null : request.body;
    const isConfluence = pathOnly.startsWith('/wiki/');
    const record = (status: number, responseBody: unknown): void => {
      bump(stats.byStatus, String(status));
      traffic?.append({ method, path: pathOnly, query, requestBody, status, responseBody: responseBody ?? null } satisfies TrafficEntry);
    };
    stats.calls += 1;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);

    const fault = faults.next();
    if (fault === 'reset') {
      record(0, null);
      reply.hijack();
      request.raw.socket.destroy();
      return;
    }
    if (fault === '429') {
      const body = isConfluence ? { errors: [{ status: 429, code: 'TOO_MANY_REQUESTS', title: 'Rate limit exceeded' }] } : { errorMessages: ['Rate limit exceeded.'] };
      record(429, body);
      const retryAfter = String(faults.retryAfterSeconds);
      void reply
        .code(429)
        .headers({ 'retry-after': retryAfter, 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'ratelimit-reason': 'jira-burst-based' })
        .send(body);
      return;
    }
    if (fault === '500') {
      const body = isConfluence ? { errors: [{ status: 500, code: 'INTERNAL_SERVER_ERROR', title: 'Internal server error' }] } : { errorMessages: ['Internal server error.'] };
      record(500, body);
      void reply.code(500).send(body);
      return;
    }

    const metered = { product: isConfluence ? ('confluence' as const) : ('jira' as const), method, path: pathOnly, body: requestBody };
    const limited = identityOf(request) ? rateLimiter.admit(metered) : null;
    if (limited) {
      const body = isConfluence
        ? { errors: [{ status: 429, code: 'TOO_MANY_REQUESTS', title: 'Rate limit exceeded', detail: limited.reason }] }
        : { errorMessages: [`Rate limit exceeded (${limited.reason}).`] };
      record(429, body);
      void reply.code(429).headers(limited.headers).send(body);
      return;
    }

    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    try {
      const identity = identityOf(request);
      if (!identity) {
        throw isConfluence
          ? confluenceError(401, 'Unauthorized', 'Send x-sandbox-account-id or x-sandbox-as-app.')
          : jiraError(401, 'You are not authenticated. Authentication required to perform this operation.');
      }
      const match = router.match(method, pathOnly);
      if (!match) {
        if (specKnows(pathOnly)) {
          throw isConfluence
            ? confluenceError(501, 'Not emulated', `The sandbox does not emulate ${method} ${pathOnly}.`)
            : jiraError(501, `The sandbox does not emulate ${method} ${pathOnly}.`);
        }
        throw isConfluence ? confluenceError(404, 'Not Found', `No API at ${pathOnly}.`) : jiraError(404, 'null for uri: ' + pathOnly);
      }
      if ('methodNotAllowed' in match) {
        throw isConfluence ? confluenceError(405, 'Method Not Allowed') : jiraError(405, `Method ${method} is not allowed on ${pathOnly}.`);
      }
      bump(stats.byRoute, `${method} ${match.pattern}`);
      const apiReq: ApiRequest = { method, path: pathOnly, params: match.params, query, body: requestBody, identity };
      const res = await match.handler(apiReq);
      status = res.status;
      body = res.body;
      headers = res.headers ?? {};
    } catch (e) {
      if (e instanceof HttpError) {
        status = e.status;
        body = e.body;
        headers = e.headers;
      } else {
        request.log.error(e);
        status = 500;
        body = isConfluence
          ? { errors: [{ status: 500, code: 'INTERNAL_SERVER_ERROR', title: (e as Error).message }] }
          : { errorMessages: [`Sandbox emulator error: ${(e as Error).message}`] };
      }
    }
    record(status, body === undefined ? null : body);
    if (identityOf(request)) rateLimiter.charge(metered, status, body);
    void reply.code(status).headers(headers);
    if (body === undefined) void reply.send();
    else void reply.send(body);
  };

  /** The page view, or the sandbox's page editor (`edit-v2`, Confluence's editor URL): the same page with the editor's actions. */
  const pageView = (mode: 'view' | 'edit') => async (request: FastifyRequest<{ Params: { spaceKey: string; pageId: string } }>, reply: FastifyReply): Promise<void> => {
    const { spaceKey, pageId } = request.params;
    const space = [...state.all('space')].find((s) => s.key === spaceKey);
    const page = state.get('page', pageId);
    if (!space || !page || page.spaceId !== space.id) {
      void reply.code(404).type('text/html; charset=utf-8').send(`<!doctype html><title>Not found</title><p>No page ${escapeHtml(pageId)} in space ${escapeHtml(spaceKey)}.</p>`);
      return;
    }
    // The person the sandbox's editor acts as (hostUser); Confluence shows Edit, and opens its editor, only to those who may update the page.
    const canEdit = mayEditContent({ kind: 'user', user: hostUser(request.headers.cookie) });
    if (mode === 'edit' && !canEdit) {
      const viewPath = `/wiki/spaces/${encodeURIComponent(space.key)}/pages/${encodeURIComponent(page.id)}`;
      void reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><html lang="en"><title>Not permitted</title><p>You do not have permission to edit this page. <a href="${viewPath}">Back to the page</a></p></html>`);
      return;
    }
    let bodyHtml: string;
    try {
      const viewer = findSandboxUser(readCookie(request.headers.cookie, USER_COOKIE) ?? '');
      bodyHtml =
        page.representation === 'atlas_doc_format'
          ? adfToHtml(JSON.parse(page.value), {
              editable: mode === 'edit',
              macroFrame: (key, localId) =>
                key === READINESS_MACRO.extensionKey
                  ? resourcePage('macro', new URLSearchParams({ moduleKey: READINESS_MACRO.moduleKey, contentId: page.id, localId }))
                  : undefined,
              issueCard: (key) => {
                const issue = state.issue(key);
                // Like a smart link: the card shows the issue only to a viewer who may browse its project.
                if (!issue || viewer === undefined || !projectPermissionsOf(viewer.role).has('BROWSE_PROJECTS')) return undefined;
                const status = statusById(issue.statusId);
                return { key: issue.key, summary: issue.summary, status: status?.name ?? 'Unknown', category: status?.category ?? 'new' };
              },
            })
          : page.value;
    } catch (e) {
      bodyHtml = `<p><strong>This page body cannot be shown:</strong> ${escapeHtml((e as Error).message)}</p>`;
    }
    const ancestors: { id: string; title: string }[] = [];
    let parentId = page.parentId;
    while (parentId !== null && ancestors.length < 50) {
      const parent = state.get('page', parentId);
      if (!parent) break;
      ancestors.unshift({ id: parent.id, title: parent.title });
      parentId = parent.parentId;
    }
    const children = [...state.all('page')]
      .filter((p) => p.parentId === page.id && p.status === 'current')
      .sort((a, b) => a.position - b.position)
      .map((p) => ({ id: p.id, title: p.title }));
    const html = renderPageView({
      spaceKey: space.key,
      spaceName: space.name,
      title: page.title,
      version: page.version.number,
      updatedAt: page.version.createdAt,
      bodyHtml,
      ancestors,
      children,
      colorMode: colorModeOf(request.headers.cookie),
      pageId: page.id,
      mode,
      canEdit,
      // Only an ADF page takes a macro (the editor writes ADF).
      ...(page.representation === 'atlas_doc_format' ? { insertable: { title: READINESS_MACRO.title, description: READINESS_MACRO.description } } : {}),
    });
    void reply.type('text/html; charset=utf-8').send(html);
  };

  const emulator: Emulator = {
    users: SANDBOX_USERS,
    kvStore,
    dataDir,
    async register(app: FastifyInstance): Promise<void> {
      for (const prefix of PRODUCT_PREFIXES) {
        app.route({ method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'], url: `${prefix}/*`, bodyLimit: 32 * 1024 * 1024, handler: productHandler });
      }
      app.get('/wiki/spaces/:spaceKey/pages/edit-v2/:pageId', pageView('edit'));
      app.get('/wiki/spaces/:spaceKey/pages/:pageId', pageView('view'));
      app.get('/wiki/spaces/:spaceKey/pages/:pageId/*', pageView('view'));
      app.get('/wiki/spaces/:spaceKey', async (request: FastifyRequest<{ Params: { spaceKey: string } }>, reply) => {
        const space = [...state.all('space')].find((s) => s.key === request.params.spaceKey);
        if (!space) return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><p>No such space.</p>');
        return reply.redirect(`/wiki/spaces/${encodeURIComponent(space.key)}/pages/${space.homepageId}`);
      });
      app.get('/__sandbox/stats', async () => emulator.stats());
      app.get('/__sandbox/faults', async () => faults.options);
      app.post('/__sandbox/faults', async (request, reply) => {
        const parsed = faultOptionsSchema.safeParse(request.body ?? {});
        if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        emulator.setFaults(parsed.data as FaultOptions);
        return faults.options;
      });
      app.get('/__sandbox/rate-limits', async () => ({ options: rateLimiter.options, ...rateLimiter.stats() }));
      app.post('/__sandbox/rate-limits', async (request, reply) => {
        const parsed = rateLimitOptionsSchema.safeParse(request.body ?? {});
        if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        emulator.setRateLimits(parsed.data);
        return { options: rateLimiter.options, ...rateLimiter.stats() };
      });
      app.post('/__sandbox/reset', async () => {
        emulator.reset();
        return { ok: true, issues: state.count('issue') };
      });
    },
    setFaults(f: FaultOptions): void {
      faults.set(f);
    },
    setRateLimits(r: RateLimitOptions | false): void {
      rateLimiter.set(r === false ? rateLimitsOff : r);
    },
    stats(): EmulatorStats {
      return {
        calls: stats.calls,
        byRoute: Object.fromEntries(stats.byRoute),
        byStatus: Object.fromEntries(stats.byStatus),
        faultsInjected: faults.injectedCount,
        issues: state.count('issue'),
        pages: state.count('page'),
        rateLimits: rateLimiter.stats(),
      };
    },
    reset(): void {
      state.replaceAll(buildSeedTables());
      kvStore.clear();
      rateLimiter.set(rateLimiter.options); // same limits, counters cleared
      stats.calls = 0;
      stats.byRoute.clear();
      stats.byStatus.clear();
    },
    seedLargeProject(n = 10_000, o: { key?: string } = {}): LargeProjectInfo {
      return seedLarge(state, n, o);
    },
    searchJql(body: unknown, as: { accountId: string } | 'app' = 'app'): Record<string, unknown> {
      let identity: Identity = { kind: 'app' };
      if (as !== 'app') {
        const user = findSandboxUser(as.accountId);
        if (!user) throw new Error(`Unknown sandbox user ${as.accountId}`);
        identity = { kind: 'user', user };
      }
      return searcher(identity, body);
    },
    async close(): Promise<void> {
      store.close();
      kvStore.close();
    },
  };
  return emulator;
}
export { measureSearchPage, type SearchPageMeasurement } from './bench';

/** Where `npm start` keeps sandbox state unless told otherwise (gitignored). */
export const DEFAULT_DATA_DIR = '.sandbox-data';
