import { view } from '@forge/bridge';
import { getViewContext, type ViewContext } from './api/forge-context';
import { tracked, type Tracked } from './api/settled';

/**
 * The start of a resource's UI, run by its boot module before React is evaluated: turns on the host's theming (the
 * host then drives light/dark through data-color-mode on <html>, and every token() follows it), asks for the view
 * context once (tracked: the first render can use it when it is already in), and hands it to `startModule`, which
 * starts what the module's first view reads and the view's chunk, so that they travel while the rest of the entry
 * runs. Nothing here may import React.
 */
export function bootResource(startModule: (context: ViewContext) => void): Tracked<ViewContext> {
  void view.theme.enable();
  return tracked(
    getViewContext().then((context) => {
      startModule(context);
      return context;
    }),
  );
}
