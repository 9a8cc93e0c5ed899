/**
 * The first module of the `issue` resource's UI to run (issue/main.tsx imports it before anything else): the issue
 * panel's first reads start before ReactDOM is evaluated. Nothing here may import React.
 */
import type { ViewContext } from '../api/forge-context';
import type { Tracked } from '../api/settled';
import { prefetchResolver } from '../api/prefetch';
import { bootResource } from '../boot-resource';
import { MODULE_KEYS } from '../modules';

function startModule(context: ViewContext): void {
  if (context.moduleKey === MODULE_KEYS.issuePanel) {
    prefetchResolver('getIssueClauses', {});
    prefetchResolver('listClauses', {});
  }
}

/** The view context, asked for once, before React's first render. */
export const issueContextRead: Tracked<ViewContext> = bootResource(startModule);
