import { getAppContext, type Route } from '@forge/api';
import type { AtlassianApp, InvocationClock, ProductApi, ProductRequester, ProductRequestInit, ProductResponse } from './product-api';
import { realSleep } from './retry';

/**
 * Real time, and the invocation's remaining time as the Forge runtime reports it (25 s for a resolver, the
 * function's timeoutSeconds for a queue consumer), so a retry never waits past the point where Forge stops it.
 */
export const forgeInvocationClock: InvocationClock = {
  sleep: realSleep,
  now: () => Date.now(),
  remainingMs: () => {
    try {
      return getAppContext().invocationRemainingTimeInMillis();
    } catch {
      return undefined; // outside an invocation (tests) or an older runtime
    }
  },
};

/** The slice of the `@forge/api` default export this adapter needs. */
interface ForgeFetchMethods {
  requestJira(path: Route, init?: ProductRequestInit): Promise<ProductResponse>;
  requestConfluence(path: Route, init?: ProductRequestInit): Promise<ProductResponse>;
}

export interface ForgeApiLike {
  asUser(): ForgeFetchMethods;
  asApp(): ForgeFetchMethods;
}

/**
 * The context ARIs of this installation as `getAppContext().installation.contexts` gives them
 * (`ari:cloud:jira::site/<cloudId>`, `ari:cloud:confluence::site/<cloudId>`), or undefined when the runtime
 * does not say (older runtime, tunnel).
 */
export type InstallationContexts = () => readonly string[] | undefined;

/** True when the installation's contexts include a site of `app`; undefined contexts count as connected. */
export function connectedFromContexts(contexts: readonly string[] | undefined, app: AtlassianApp): boolean {
  if (contexts === undefined) return true; // unknown: the call is made and a refusal is mapped by the client
  return contexts.some((ari) => ari.startsWith(`ari:cloud:${app}::site/`));
}

/**
 * ProductApi over the real `@forge/api` object. Routes arrive already built with the `route` tag by the
 * clients (where the linter sees them); this adapter only forwards them. Whether Confluence is connected is
 * read from the installation's contexts (see docs/forge-facts.md).
 */
export class ForgeProductApi implements ProductApi {
  constructor(
    private readonly forgeApi: ForgeApiLike,
    private readonly installationContexts: InstallationContexts = () => undefined,
    private readonly clock: InvocationClock = forgeInvocationClock,
  ) {}

  isConnected(app: AtlassianApp): Promise<boolean> {
    return Promise.resolve(connectedFromContexts(this.installationContexts(), app));
  }

  asUser(): ProductRequester {
    return this.requester(() => this.forgeApi.asUser());
  }

  asApp(): ProductRequester {
    return this.requester(() => this.forgeApi.asApp());
  }

  private requester(methods: () => ForgeFetchMethods): ProductRequester {
    return {
      requestJira: (path, init) => methods().requestJira(path, init),
      requestConfluence: (path, init) => methods().requestConfluence(path, init),
      clock: this.clock,
    };
  }
}
