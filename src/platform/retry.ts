import type { Route } from '@forge/api';
import type { z } from 'zod';
import { ContractMismatchError, RateLimitedError, UpstreamError, upstreamKindOfStatus } from '../domain/errors';
import type { InvocationClock, ProductRequester, ProductRequestInit, ProductResponse } from './product-api';

/**
 * Shared retry and backoff for every product call (Jira and Confluence).
 *
 * Retried: 429, 500, 502, 503, 504 and network failures (the transport throwing, e.g. ECONNRESET or
 * undici's "fetch failed"). Never retried: any other status (a 400 stays a 400). A `Retry-After` header
 * (seconds or HTTP date) is a floor: the wait is never shorter. Without it the wait is exponential with
 * jitter. After the last attempt a 429 becomes RateLimitedError and a 5xx or network failure UpstreamError.
 *
 * Product rate limits (Jira and Confluence since March 2026: an hourly points quota per app, a per-issue write
 * limit, burst limits; each 429 names its `RateLimit-Reason`) are all answered the same way: wait out the
 * Retry-After, as long as the invocation can still run that long. A transport that knows its invocation's
 * remaining time (InvocationClock.remainingMs: 25 s in a resolver, up to 900 s in a queue consumer) lets the
 * retry wait up to that remainder less a safety margin; otherwise the cap is maxRetryAfterMs (30 s). A longer
 * Retry-After fails at once with RateLimitedError (details.retryAfterMs, details.reason), so a queue consumer
 * can be delivered again after it instead of being stopped mid-wait.
 */

export type ProductName = 'jira' | 'confluence';

export interface ProductCallInfo {
  product: ProductName;
  method: string;
  /** The route value, path and query string (e.g. `/rest/api/3/search/jql`). */
  path: string;
  /** 1 for the first try, 2 for the first retry… */
  attempt: number;
}

export interface RetryOptions {
  /** Total tries, first one included. Default 6. */
  maxAttempts?: number;
  /** First backoff step without Retry-After, in ms. Default 500. */
  baseDelayMs?: number;
  /** Ceiling of one backoff step, in ms. Default 10 000. */
  maxDelayMs?: number;
  /**
   * A Retry-After longer than this (ms) is not waited out: the call fails at once with RateLimitedError
   * (details.retryAfterMs) so that a resolver with a 25 s budget does not hang. Default: the invocation's
   * remaining time less RETRY_SAFETY_MARGIN_MS when the clock knows it, else 30 000. Never more than that remainder.
   */
  maxRetryAfterMs?: number;
  /** Milliseconds the invocation may still run (InvocationClock.remainingMs); undefined when unknown. */
  remainingMs?: () => number | undefined;
  /** Injected for tests. Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; a number in [0, 1). Default Math.random. */
  random?: () => number;
  /** Clock for HTTP-date Retry-After values. Default Date.now. */
  now?: () => number;
  /** Called before every attempt that reaches the product (benchmarks count calls here). */
  onRequest?: (info: ProductCallInfo) => void;
}

export const RETRY_DEFAULTS = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
} as const;

/** Time kept free at the end of an invocation after a wait (the retried call and the answer need it). */
export const RETRY_SAFETY_MARGIN_MS = 5_000;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A status worth another attempt: a transient one (upstreamKindOfStatus, the one classification). */
export function isRetryableStatus(status: number): boolean {
  return status !== 0 && upstreamKindOfStatus(status) === 'transient';
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

const NETWORK_MESSAGE = /fetch failed|socket hang up|network|ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|timed? ?out/i;

/** True when a thrown value looks like a transport failure (worth retrying), not a programming error. */
export function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e != null && depth < 4; depth += 1) {
    if (typeof e !== 'object') return false;
    const rec = e as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; type?: unknown };
    if (typeof rec.code === 'string' && NETWORK_CODES.has(rec.code)) return true;
    if (rec.name === 'FetchError' || rec.type === 'system') return true;
    if (typeof rec.message === 'string' && NETWORK_MESSAGE.test(rec.message)) return true;
    e = rec.cause;
  }
  return false;
}

/**
 * Milliseconds the server asks us to wait, or undefined when the header is absent or unreadable.
 * Accepts delta-seconds (`"3"`, `"1.5"`) and HTTP dates (`"Wed, 21 Oct 2026 07:28:00 GMT"`).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Exponential backoff with jitter for retry number `retry` (1 = first retry): base·2^(retry-1), ×[0.5, 1). */
export function backoffDelay(retry: number, random: () => number, baseDelayMs: number, maxDelayMs: number): number {
  const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp * (0.5 + 0.5 * random()));
}

/** Reads a body once, as JSON when it parses, else as text; empty body -> undefined. */
export async function readResponseBody(res: ProductResponse): Promise<unknown> {
  let text: string;
  try {
    text = await res.text();
  } catch {
    return undefined;
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The body of a product's 2xx answer parsed with `schema`. A non-2xx answer is thrown as the product's
 * AppError (`toError`); a 2xx body the schema refuses is a ContractMismatchError (never retried) saying
 * `mismatch` with the status and the first five issues.
 */
export async function parseProductResponse<S extends z.ZodType>(
  res: ProductResponse,
  schema: S,
  product: { product: 'jira' | 'confluence'; mismatch: string; toError: (status: number, body: unknown) => Error },
): Promise<z.infer<S>> {
  const body = await readResponseBody(res);
  if (res.status < 200 || res.status >= 300) throw product.toError(res.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ContractMismatchError(product.mismatch, {
      product: product.product,
      status: res.status,
      issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return parsed.data;
}

/** Messages from a Jira ErrorCollection or a Confluence v2 error list, whatever the body holds. */
export function productMessages(body: unknown): string[] {
  if (typeof body === 'string') return body.trim() === '' ? [] : [body.slice(0, 500)];
  if (body == null || typeof body !== 'object') return [];
  const rec = body as Record<string, unknown>;
  const out: string[] = [];
  if (Array.isArray(rec.errorMessages)) {
    for (const m of rec.errorMessages) if (typeof m === 'string') out.push(m);
  }
  if (rec.errors != null && typeof rec.errors === 'object' && !Array.isArray(rec.errors)) {
    for (const [field, m] of Object.entries(rec.errors as Record<string, unknown>)) {
      if (typeof m === 'string') out.push(`${field}: ${m}`);
    }
  }
  if (Array.isArray(rec.errors)) {
    for (const e of rec.errors) {
      if (e != null && typeof e === 'object') {
        const er = e as Record<string, unknown>;
        const text = [er.title, er.detail].filter((x) => typeof x === 'string' && x !== '').join(': ');
        if (text !== '') out.push(text);
      }
    }
  }
  if (out.length === 0 && typeof rec.message === 'string') out.push(rec.message);
  return out;
}

interface ResolvedOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number | undefined;
  remainingMs: () => number | undefined;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onRequest?: (info: ProductCallInfo) => void;
}

function resolve(opts: RetryOptions): ResolvedOptions {
  return {
    maxAttempts: Math.max(1, opts.maxAttempts ?? RETRY_DEFAULTS.maxAttempts),
    baseDelayMs: opts.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
    maxDelayMs: opts.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
    maxRetryAfterMs: opts.maxRetryAfterMs,
    remainingMs: opts.remainingMs ?? (() => undefined),
    sleep: opts.sleep ?? realSleep,
    random: opts.random ?? Math.random,
    now: opts.now ?? Date.now,
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  };
}

/** The longest Retry-After this call may wait out (see RetryOptions.maxRetryAfterMs). */
function longestWait(o: ResolvedOptions): number {
  const remaining = o.remainingMs();
  if (remaining === undefined) return o.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs;
  return Math.min(o.maxRetryAfterMs ?? Infinity, remaining - RETRY_SAFETY_MARGIN_MS);
}

/**
 * Runs `call` until it yields a response that is not retryable (returned as is, 2xx or not) or the
 * attempts run out (throws). `info` names the call in errors and in the onRequest hook.
 */
export async function withRetry(
  call: () => Promise<ProductResponse>,
  info: Omit<ProductCallInfo, 'attempt'>,
  options: RetryOptions = {},
): Promise<ProductResponse> {
  const o = resolve(options);
  const where = `${info.product === 'jira' ? 'Jira' : 'Confluence'} ${info.method} ${info.path.split('?')[0]}`;
  for (let attempt = 1; ; attempt += 1) {
    o.onRequest?.({ ...info, attempt });
    let res: ProductResponse;
    try {
      res = await call();
    } catch (err) {
      if (!isNetworkError(err)) throw err;
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= o.maxAttempts) {
        throw new UpstreamError(`${where} failed: network error after ${attempt} attempts.`, {
          product: info.product,
          attempts: attempt,
          messages: [message],
        });
      }
      await o.sleep(backoffDelay(attempt, o.random, o.baseDelayMs, o.maxDelayMs));
      continue;
    }
    if (!isRetryableStatus(res.status)) return res;

    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), o.now());
    const tooLong = retryAfterMs !== undefined && retryAfterMs > longestWait(o);
    const reason = res.headers.get('ratelimit-reason');
    if (attempt >= o.maxAttempts || tooLong) {
      const messages = productMessages(await readResponseBody(res));
      const details = {
        product: info.product,
        status: res.status,
        attempts: attempt,
        messages,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        ...(reason !== null ? { reason } : {}),
      };
      if (res.status === 429) {
        throw new RateLimitedError(`${where} is rate limited; gave up after ${attempt} attempts.`, details);
      }
      throw new UpstreamError(`${where} answered ${res.status} after ${attempt} attempts.`, details);
    }
    // Retry-After is a floor: wait at least that long, plus a little jitter so callers do not stampede.
    const wait =
      retryAfterMs !== undefined
        ? retryAfterMs + Math.round(o.random() * Math.min(1000, o.baseDelayMs))
        : backoffDelay(attempt, o.random, o.baseDelayMs, o.maxDelayMs);
    await o.sleep(wait);
  }
}

/** The retry options a transport's invocation clock implies (its sleep, time and remaining time). */
export function clockOptions(clock: InvocationClock | undefined): RetryOptions {
  if (clock === undefined) return {};
  return {
    sleep: (ms) => clock.sleep(ms),
    now: () => clock.now(),
    ...(clock.remainingMs ? { remainingMs: () => clock.remainingMs?.() } : {}),
  };
}

/**
 * Wraps a requester so that every requestJira / requestConfluence call goes through withRetry. The requester's
 * own clock (if any) supplies sleep, now and the remaining time; explicit options win.
 */
export function retryingRequester(inner: ProductRequester, explicit: RetryOptions = {}): ProductRequester {
  const options: RetryOptions = { ...clockOptions(inner.clock), ...explicit };
  const meta = (product: ProductName, path: Route, init?: ProductRequestInit) => ({
    product,
    method: init?.method ?? 'GET',
    path: path.value,
  });
  return {
    requestJira: (path, init) => withRetry(() => inner.requestJira(path, init), meta('jira', path, init), options),
    requestConfluence: (path, init) =>
      withRetry(() => inner.requestConfluence(path, init), meta('confluence', path, init), options),
  };
}
