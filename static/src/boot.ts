/**
 * The first module of the `main` resource's UI to run: main.tsx imports it before anything else, so its body runs
 * before the rest of the entry is evaluated (ReactDOM's set-up, the design tokens, the first render). Nothing here
 * may import React.
 */
import type { ViewContext } from './api/forge-context';
import type { Tracked } from './api/settled';
import { prefetchResolver } from './api/prefetch';
import { bootResource } from './boot-resource';
import { MODULE_KEYS } from './modules';

/** The project page's chunk: App renders it lazily; started here for its own frame. */
export const loadProjectPage = () => import('./panels/ProjectPage/ProjectPage');

/**
 * What a module's first view reads, started the moment the module is known: the reads travel while the view's
 * chunk loads (useResolver takes them for its first read).
 */
function startModule(context: ViewContext): void {
  if (context.moduleKey === MODULE_KEYS.projectPage) {
    prefetchResolver('getAppContext', {});
    void loadProjectPage();
  }
}

/** The view context, asked for once, before React's first render rather than after it. */
export const mainContextRead: Tracked<ViewContext> = bootResource(startModule);
