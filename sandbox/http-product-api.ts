import type { Route } from '@forge/api';
import type { AtlassianApp, InvocationClock, ProductApi, ProductRequester, ProductRequestInit, ProductResponse } from '../src/platform/product-api';
import type { ConfluenceConnection } from './confluence-connection';

/** Identity headers the emulator understands (sandbox only; see contracts.md). */
export const ACCOUNT_HEADER = 'x-sandbox-account-id';
export const AS_APP_HEADER = 'x-sandbox-as-app';

type Fetch = typeof fetch;

class BufferedResponse implements ProductResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    private readonly rawHeaders: Headers,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  readonly headers = { get: (name: string): string | null => this.rawHeaders.get(name) };

  async json(): Promise<unknown> {
    return JSON.parse(this.body) as unknown;
  }

  async text(): Promise<string> {
    return this.body;
  }
}

function requester(
  baseUrl: string,
  identity: () => Record<string, string>,
  doFetch: Fetch,
  clock: InvocationClock | undefined,
  confluence: ConfluenceConnection | undefined,
): ProductRequester {
  const send = async (path: Route, init: ProductRequestInit = {}): Promise<ProductResponse> => {
    const headers: Record<string, string> = { accept: 'application/json', ...(init.headers ?? {}), ...identity() };
    if (init.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const res = await doFetch(new URL(path.value, baseUrl), { method: init.method ?? 'GET', headers, body: init.body });
    const text = await res.text();
    return new BufferedResponse(res.status, res.statusText, res.headers, text);
  };
  return {
    requestJira: send,
    requestConfluence: async (path, init) => {
      // Like Forge: a call into Confluence the installation cannot reach throws before anything is sent.
      confluence?.assertReachable();
      return send(path, init);
    },
    ...(clock ? { clock } : {}),
  };
}

/**
 * The sandbox's ProductApi: sends the app's Jira and Confluence calls over HTTP to the local emulator.
 * `asUser()` carries the user of the current invocation (no user = anonymous, answered 401 like Jira);
 * `asApp()` carries the app identity. With a ConfluenceConnection, Confluence calls are refused as Forge
 * refuses them when the installation is not connected to Confluence (see confluence-connection.ts).
 */
export function createHttpProductApi(
  baseUrl: string,
  currentAccountId: () => string | undefined,
  doFetch: Fetch = fetch,
  /** The invocation clock the app's retries use (benchmarks pass a virtual one); default real time. */
  clock?: InvocationClock,
  confluence?: ConfluenceConnection,
): ProductApi {
  const asUser = requester(
    baseUrl,
    (): Record<string, string> => {
      const accountId = currentAccountId();
      return accountId === undefined ? {} : { [ACCOUNT_HEADER]: accountId };
    },
    doFetch,
    clock,
    confluence,
  );
  const asApp = requester(baseUrl, () => ({ [AS_APP_HEADER]: 'true' }), doFetch, clock, confluence);
  return {
    asUser: () => asUser,
    asApp: () => asApp,
    isConnected: (app: AtlassianApp) => Promise.resolve(app === 'jira' || confluence === undefined || confluence.reachable),
  };
}
