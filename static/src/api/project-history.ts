import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The host's URL for this module, as `view.createHistory()` gives it: Jira shows the manifest's subpages and only
 * changes the URL, so the app follows `location.pathname` (the part after the module's base URL, `/` for the module
 * itself). Deep links, reload and browser back/forward all arrive here.
 */
export interface HistoryPath {
  /** undefined until the history is there. */
  pathname: string | undefined;
  /** Set when the host gave no history (the app then shows its default view). */
  failure: string | undefined;
  /** Moves the host URL to `path` (used to stay on a view after an unsaved-changes prompt). */
  push: (path: string) => void;
}

export function useHistoryPath(): HistoryPath {
  const [state, setState] = useState<Omit<HistoryPath, 'push'>>({ pathname: undefined, failure: undefined });
  const historyRef = useRef<{ push: (path: string) => void } | null>(null);
  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    view.createHistory().then(
      (history) => {
        if (!live) return;
        historyRef.current = history;
        setState({ pathname: history.location.pathname, failure: undefined });
        unlisten = history.listen((location) => {
          if (live) setState({ pathname: location.pathname, failure: undefined });
        });
      },
      (err: unknown) => live && setState({ pathname: '/', failure: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);
  const push = useCallback((path: string) => historyRef.current?.push(path), []);
  return { ...state, push };
}
