import type { Route } from '@forge/api';

/**
 * The slice of `@forge/api` the app uses to talk to Jira and Confluence. In Forge it is the real
 * `api` object; in the sandbox it is an HTTP stand-in that sends the same paths to the local emulator.
 * Only `src/jira/jira-client.ts` and `src/confluence/confluence-client.ts` call these methods, always with
 * an inline `route` template so that the Forge linter can check scopes.
 */
export interface ProductRequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  headers?: Record<string, string>;
  body?: string;
}

export interface ProductResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * The time of the invocation a transport serves: how a retry waits and reads the time, and how long the
 * invocation may still run (Forge stops a resolver at 25 s and a queue consumer at its timeoutSeconds). Absent:
 * real time and an unknown remainder. The sandbox's benchmarks pass a virtual clock.
 */
export interface InvocationClock {
  sleep(ms: number): Promise<void>;
  now(): number;
  /** Milliseconds the invocation may still run; undefined when unknown. */
  remainingMs?(): number | undefined;
}

export interface ProductRequester {
  requestJira(path: Route, init?: ProductRequestInit): Promise<ProductResponse>;
  requestConfluence(path: Route, init?: ProductRequestInit): Promise<ProductResponse>;
  /** Set by transports that know their invocation's time (see InvocationClock). */
  readonly clock?: InvocationClock;
}

/** The Atlassian apps a Forge app can be compatible with (manifest `app.compatibility`) that this app calls. */
export type AtlassianApp = 'jira' | 'confluence';

export interface ProductApi {
  /** Calls as the signed-in user: Jira and Confluence apply that user's permissions. Prefer this. */
  asUser(): ProductRequester;
  /** Calls as the app. Only after the resolver framework has checked the user's own permission. */
  asApp(): ProductRequester;
  /**
   * Whether this installation is connected to `app` (an optional app in `app.compatibility` that a site admin
   * may not have connected). Forge: the installation's context ARIs; sandbox: its Confluence switch and the
   * manifest. Absent (unit-test fakes only): taken as connected. Read it through the product's client.
   */
  isConnected?(app: AtlassianApp): Promise<boolean>;
}
