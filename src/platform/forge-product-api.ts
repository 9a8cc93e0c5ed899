import type { Route } from '@forge/api';
import type { ProductApi, ProductRequester, ProductRequestInit, ProductResponse } from './product-api';

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
  constructor(private readonly forgeApi: ForgeApiLike) {}

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
    };
  }
}
