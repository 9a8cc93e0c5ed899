import { randomUUID } from 'node:crypto';
import { assumeTrustedRoute } from '@forge/api';
import { z } from 'zod';
import type { ProductApi, ProductResponse } from '../src/platform/product-api';
import type { KeyValueStore, KvTransactionOp } from '../src/storage/kv-store';

/**
 * The Forge runtime as the bundled app code sees it, for running the output of `@forge/bundler` outside Forge.
 *
 * In Forge, `@forge/api`, `@forge/kvs` and `@forge/events` hold no transport of their own: every call goes
 * through `global.__forge_fetch__(descriptor, path, init)`, which the Forge node runtime installs, and
 * `global.__forge_runtime__` carries the invocation's app context (read by `getAppContext()`, metrics, KVS
 * host). The descriptors the three packages send (read from their code in node_modules):
 *   - `@forge/api` requestJira / requestConfluence: `{ type: 'fpp', provider: 'app' | 'user' | 'none',
 *     remote: 'jira' | 'confluence', accountId? }` with the REST path;
 *   - `@forge/kvs`: `{ type: 'kvs', provider: 'app', remote: 'kvs' }` with `/api/v1/get|set|delete|query|
 *     transaction` and a JSON body; a missing key is a 404 `{ code: 'KEY_NOT_FOUND' }`;
 *   - `@forge/events` Queue.push: `{ type: 'fpp', provider: 'app', remote: 'stargate' }` with
 *     `/webhook/queue/publish/{contextAri}/…` and `{ queueName, jobId, payload: events }`; 201 on success.
 * `installForgeRuntime` installs both globals and answers them from the sandbox: product calls go to the
 * emulator through the sandbox's ProductApi (asUser = the user of the current invocation), KVS calls to a
 * KeyValueStore, queue pushes to `onQueuePush`. Anything else is refused with a 501, never faked.
 */

export interface ForgeFetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

export interface QueuePushRequest {
  queueName: string;
  jobId: string;
  events: { body: Record<string, unknown>; delayInSeconds?: number }[];
}

export interface ForgeRuntimeOptions {
  /** Product calls (the sandbox's HTTP ProductApi over the emulator). */
  api: ProductApi;
  /** The app's storage. */
  store: KeyValueStore;
  /** Called for every `@forge/events` push (after Forge's own client-side validation). */
  onQueuePush: (request: QueuePushRequest) => void | Promise<void>;
  /** Runs `fn` as `accountId` (asUser calls carry that user); the sandbox's user context. */
  runAsUser: <T>(accountId: string | undefined, fn: () => T) => T;
  appContext?: Record<string, unknown>;
}

export interface InstalledForgeRuntime {
  /** Every `__forge_fetch__` call so far, as `type remote METHOD path`. */
  readonly calls: string[];
  uninstall(): void;
}

interface ForgeGlobals {
  __forge_fetch__?: (descriptor: ForgeFetchDescriptor, path: string, init?: RequestInit) => Promise<Response>;
  __forge_runtime__?: Record<string, unknown>;
}

const noMetrics = {
  counter: () => ({ incr: (): void => undefined }),
  timing: () => ({ measure: () => ({ stop: (): void => undefined }) }),
  gauge: () => ({ set: (): void => undefined }),
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function empty(status: number): Response {
  return new Response(null, { status });
}

function toFetchResponse(res: ProductResponse, text: string): Response {
  const headers = new Headers();
  for (const name of ['content-type', 'retry-after', 'ratelimit-reason', 'x-ratelimit-limit', 'x-ratelimit-remaining']) {
    const v = res.headers.get(name);
    if (v !== null) headers.set(name, v);
  }
  const noBody = res.status === 204 || res.status === 304;
  return new Response(noBody ? null : text, { status: res.status, statusText: res.statusText, headers });
}

const kvsKeyBody = z.object({ key: z.string() });
const kvsSetBody = z.object({ key: z.string(), value: z.unknown() });
const kvsQueryBody = z.object({
  limit: z.number().int().positive().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.array(z.string()).length(1) })).optional(),
});
const kvsTransactionBody = z.object({
  set: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
  delete: z.array(z.object({ key: z.string() })).optional(),
  check: z.array(z.unknown()).optional(),
});
const queuePushBody = z.object({
  queueName: z.string(),
  jobId: z.string(),
  payload: z.array(z.object({ body: z.record(z.string(), z.unknown()), delayInSeconds: z.number().optional() })),
});

type JsonValueIn = Parameters<KeyValueStore['set']>[1];

async function handleKvs(store: KeyValueStore, path: string, rawBody: unknown): Promise<Response> {
  const body: unknown = typeof rawBody === 'string' ? JSON.parse(rawBody) : {};
  try {
    switch (path) {
      case '/api/v1/get': {
        const { key } = kvsKeyBody.parse(body);
        const value = await store.get(key);
        return value === undefined ? json(404, { code: 'KEY_NOT_FOUND', message: `No value for key ${key}` }) : json(200, { key, value });
      }
      case '/api/v1/set': {
        const { key, value } = kvsSetBody.parse(body);
        await store.set(key, value as JsonValueIn);
        return empty(204);
      }
      case '/api/v1/delete': {
        await store.delete(kvsKeyBody.parse(body).key);
        return empty(204);
      }
      case '/api/v1/query': {
        const q = kvsQueryBody.parse(body);
        const prefix = q.where?.[0]?.values[0] ?? '';
        const page = await store.query(prefix, { ...(q.after !== undefined ? { cursor: q.after } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}) });
        return json(200, { data: page.results, ...(page.nextCursor !== undefined ? { cursor: page.nextCursor } : {}) });
      }
      case '/api/v1/transaction': {
        const t = kvsTransactionBody.parse(body);
        if ((t.check ?? []).length > 0) return json(400, { code: 'UNSUPPORTED', message: 'The sandbox KVS has no entity checks.' });
        const ops: KvTransactionOp[] = [
          ...(t.set ?? []).map((s) => ({ op: 'set' as const, key: s.key, value: s.value as JsonValueIn })),
          ...(t.delete ?? []).map((d) => ({ op: 'delete' as const, key: d.key })),
        ];
        await store.transact(ops);
        return empty(204);
      }
      default:
        return json(501, { code: 'NOT_EMULATED', message: `The sandbox does not emulate KVS ${path}.` });
    }
  } catch (e) {
    const code = e !== null && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : 'BAD_REQUEST';
    return json(400, { code, message: e instanceof Error ? e.message : String(e) });
  }
}

/** Installs `__forge_fetch__` and `__forge_runtime__` for code bundled by `@forge/bundler`. */
export function installForgeRuntime(opts: ForgeRuntimeOptions): InstalledForgeRuntime {
  const g = globalThis as typeof globalThis & ForgeGlobals;
  const saved = { fetch: g.__forge_fetch__, runtime: g.__forge_runtime__ };
  const calls: string[] = [];

  g.__forge_runtime__ = {
    appContext: {
      appId: '00000000-0000-4000-8000-000000000000',
      appVersion: '0.1.0',
      environmentId: '00000000-0000-4000-8000-00000000e0e0',
      environmentType: 'DEVELOPMENT',
      invocationId: randomUUID(),
      installationId: 'sandbox-installation',
      moduleKey: 'sandbox',
      ...(opts.appContext ?? {}),
    },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics: noMetrics,
    tracing: { traceId: 'sandbox', spanId: 'sandbox' },
  };

  g.__forge_fetch__ = async (descriptor, path, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push(`${descriptor.type} ${descriptor.remote ?? '-'} ${method} ${path}`);
    if (descriptor.type === 'kvs') return handleKvs(opts.store, path, init.body);
    if (descriptor.type === 'fpp' && (descriptor.remote === 'jira' || descriptor.remote === 'confluence')) {
      const call = async (): Promise<Response> => {
        const requester = descriptor.provider === 'user' ? opts.api.asUser() : opts.api.asApp();
        const send = descriptor.remote === 'jira' ? requester.requestJira : requester.requestConfluence;
        const headers = Object.fromEntries(new Headers(init.headers).entries());
        const res = await send(assumeTrustedRoute(path), {
          method: method as 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
          headers,
          ...(typeof init.body === 'string' ? { body: init.body } : {}),
        });
        return toFetchResponse(res, await res.text());
      };
      // asUser(accountId) names the user; asUser() means the invocation's own user (already current).
      return descriptor.provider === 'user' && descriptor.accountId !== undefined ? opts.runAsUser(descriptor.accountId, call) : call();
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && path.startsWith('/webhook/queue/publish/')) {
      const parsed = queuePushBody.safeParse(typeof init.body === 'string' ? JSON.parse(init.body) : null);
      if (!parsed.success) return json(400, { message: 'Malformed queue push.' });
      await opts.onQueuePush({ queueName: parsed.data.queueName, jobId: parsed.data.jobId, events: parsed.data.payload });
      return json(201, {});
    }
    return json(501, { message: `The sandbox Forge runtime does not emulate ${descriptor.type} ${descriptor.remote ?? ''} ${method} ${path}.` });
  };

  return {
    calls,
    uninstall(): void {
      g.__forge_fetch__ = saved.fetch;
      g.__forge_runtime__ = saved.runtime;
    },
  };
}
