import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import type { ViewContext } from '../api/forge-context';
import type { Tracked } from '../api/settled';
import { setUserLocale } from '../format/dates';

/** A message of the shell itself, before a module's view is there (starting, or could not start). */
export function ShellMessage({ kind, children }: { kind: 'status' | 'error'; children: ReactNode }) {
  return (
    <p
      role={kind === 'error' ? 'alert' : 'status'}
      style={{
        margin: token('space.200', '16px'),
        color: kind === 'error' ? token('color.text.danger', '#AE2E24') : token('color.text.subtle', '#44546F'),
      }}
    >
      {children}
    </p>
  );
}

/** The context, once the dates formatter has its user's locale and time zone (before any view formats a date). */
function withUserLocale(context: ViewContext): ViewContext {
  setUserLocale(context.locale, context.timezone);
  return context;
}

/**
 * The root of a resource's UI: waits for the view context (asked for before React started, see the resource's
 * boot module) unless it is already in, takes the user's locale and time zone from it, and renders the module's view.
 */
export function ModuleRoot({ context: contextRead, view }: { context: Tracked<ViewContext>; view: (context: ViewContext) => ReactNode }) {
  // Usually in before React's first render (the boot module asked for it first): then the view renders at once.
  const [context, setContext] = useState<ViewContext | undefined>(() => {
    const early = contextRead.settledValue();
    return early === undefined ? undefined : withUserLocale(early);
  });
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    contextRead.promise.then(
      (ctx) => {
        if (live) setContext(withUserLocale(ctx));
      },
      (err: unknown) => live && setFailure(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [contextRead]);

  if (failure !== undefined) {
    return <ShellMessage kind="error">SMS Navigator could not start: {failure}</ShellMessage>;
  }
  if (context === undefined) return <ShellMessage kind="status">Loading SMS Navigator…</ShellMessage>;
  return <Suspense fallback={<ShellMessage kind="status">Loading SMS Navigator…</ShellMessage>}>{view(context)}</Suspense>;
}

/** A module key this resource has no view for (the manifest points the module at another resource). */
export function NoViewFor({ moduleKey }: { moduleKey: string }) {
  return <ShellMessage kind="error">SMS Navigator does not have a view for module “{moduleKey || 'none'}”.</ShellMessage>;
}
