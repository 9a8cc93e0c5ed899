import type { Route } from '@forge/api';
import type { ProductApi, ProductRequestInit, ProductRequester, ProductResponse } from '../../src/platform/product-api';

/** One request the client under test sent, as the fake saw it. */
export interface RecordedRequest {
  as: 'user' | 'app';
  product: 'jira' | 'confluence';
  method: string;
  /** route value: path plus query string. */
  path: string;
  /** Path without the query string. */
  pathname: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A scripted step: a reply, a function of the request, or an Error to throw (network failure). */
export type Step = FakeReply | Error | ((req: RecordedRequest) => FakeReply | Error);

export function response(reply: FakeReply): ProductResponse {
  const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  return {
    ok: reply.status >= 200 && reply.status < 300,
    status: reply.status,
    statusText: String(reply.status),
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    json: () => Promise.resolve(JSON.parse(text) as unknown),
    text: () => Promise.resolve(text),
  };
}

/**
 * A tiny ProductApi double: records every call (route.value) and answers from a script (one step per
 * call, in order) or, once the script is used up, from `fallback`.
 */
export class FakeProductApi implements ProductApi {
  readonly requests: RecordedRequest[] = [];
  private readonly script: Step[];

  constructor(
    script: Step[] = [],
    private readonly fallback?: (req: RecordedRequest) => FakeReply,
  ) {
    this.script = [...script];
  }

  asUser(): ProductRequester {
    return this.requester('user');
  }

  asApp(): ProductRequester {
    return this.requester('app');
  }

  private requester(as: 'user' | 'app'): ProductRequester {
    return {
      requestJira: (path, init) => this.handle(as, 'jira', path, init),
      requestConfluence: (path, init) => this.handle(as, 'confluence', path, init),
    };
  }

  private handle(as: 'user' | 'app', product: 'jira' | 'confluence', path: Route, init?: ProductRequestInit) {
    const value = path.value;
    const q = value.indexOf('?');
    const req: RecordedRequest = {
      as,
      product,
      method: init?.method ?? 'GET',
      path: value,
      pathname: q < 0 ? value : value.slice(0, q),
      query: new URLSearchParams(q < 0 ? '' : value.slice(q + 1)),
      body: init?.body === undefined ? undefined : (JSON.parse(init.body) as unknown),
    };
    this.requests.push(req);
    let step: Step | undefined = this.script.shift();
    if (step === undefined) {
      if (this.fallback === undefined) throw new Error(`FakeProductApi: no scripted reply for ${req.method} ${value}`);
      step = this.fallback(req);
    }
    const reply = typeof step === 'function' ? step(req) : step;
    if (reply instanceof Error) return Promise.reject(reply);
    return Promise.resolve(response(reply));
  }
}

/** An injected sleep that only records the waits. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => { waits.push(ms); return Promise.resolve(); } };
}

/** A network failure the way undici reports one. */
export function fetchFailed(code = 'ECONNRESET'): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`read ${code}`), { code }) });
}
