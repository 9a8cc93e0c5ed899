import { getAppContext, type Route } from '@forge/api';
import type { InvocationClock, ProductApi, ProductRequester, ProductRequestInit, ProductResponse } from './product-api';
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
 * ProductApi over the real `@forge/api` object. Routes arrive already built with the `route` tag by the
 * clients (where the linter sees them); this adapter only forwards them.
 */
export class ForgeProductApi implements ProductApi {
  constructor(
    private readonly forgeApi: ForgeApiLike,
    private readonly clock: InvocationClock = forgeInvocationClock,
  ) {}

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
