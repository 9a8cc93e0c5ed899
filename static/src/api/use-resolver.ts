/**
 * The one loading / error / reload state of the UI, typed through the resolver contract map
 * (src/contract/resolvers.ts): `useResolver('getScope', {})` loads on mount (and again when the payload's
 * value changes), `useResolverAction('saveScope')` runs a change on demand. Both answer with `ResultOf<K>`,
 * never throw (callResolver turns a failed bridge call into INTERNAL) and ignore an answer that a newer call
 * has overtaken or that arrives after the view unmounted.
 */
import type { PayloadOf, ResolverKey, ResponseOf, ResultOf } from '@contract/resolvers';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverErrorShape } from '../components/ResolverError';
import { callResolver } from './call-resolver';
import { settledPrefetch, takePrefetched } from './prefetch';

export type ResolverLoad<K extends ResolverKey> = {
  /** The last data read (kept while a reload runs, and after a reload that failed). */
  data: ResponseOf<K> | undefined;
  /** The error of the last read; undefined once a read succeeds. */
  error: ResolverErrorShape | undefined;
  /** True until the first answer, and while a reload runs. */
  loading: boolean;
  /** Reads again (the answer lands in `data` / `error`). */
  reload: () => Promise<void>;
  /** Replaces the data (a save that answers with the new view). */
  setData: (data: ResponseOf<K>) => void;
};

export type ResolverLoadOptions<K extends ResolverKey> = {
  /** Called with the data of every successful read (not with `setData`): an editor seeds its draft here. */
  onLoaded?: (data: ResponseOf<K>) => void;
};

/** Reads resolver `key` with `payload` on mount and whenever the payload's value changes. */
export function useResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>, options: ResolverLoadOptions<K> = {}): ResolverLoad<K> {
  // A first read started before React ran may already have answered: then the first render shows it (the first
  // read below still takes that answer, and onLoaded sees it), with no loading state in between.
  const [state, setState] = useState<{ data: ResponseOf<K> | undefined; error: ResolverErrorShape | undefined; loading: boolean }>(() => {
    const early = settledPrefetch(key, payload);
    return early?.ok === true ? { data: early.data, error: undefined, loading: false } : { data: undefined, error: undefined, loading: true };
  });
  const startedWithData = useRef(!state.loading);
  const latestPayload = useRef(payload);
  latestPayload.current = payload;
  const onLoaded = useRef(options.onLoaded);
  onLoaded.current = options.onLoaded;
  const seq = useRef(0);
  const mounted = useRef(true);
  const payloadKey = JSON.stringify(payload);

  const reload = useCallback(async (): Promise<void> => {
    const mine = ++seq.current;
    if (!(mine === 1 && startedWithData.current)) setState((s) => ({ ...s, loading: true }));
    // The first read may already be under way (started by App while this view's chunk loaded).
    const r = await ((mine === 1 ? takePrefetched(key, latestPayload.current) : undefined) ?? callResolver(key, latestPayload.current));
    if (mounted.current && mine === seq.current) {
      setState((s) => (r.ok ? { data: r.data, error: undefined, loading: false } : { data: s.data, error: r.error, loading: false }));
      if (r.ok) onLoaded.current?.(r.data);
    }
  }, [key]);

  useEffect(() => {
    mounted.current = true;
    void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload, payloadKey]);

  const setData = useCallback((data: ResponseOf<K>) => setState({ data, error: undefined, loading: false }), []);

  return { ...state, reload, setData };
}

export type ResolverAction<K extends ResolverKey> = {
  /** Calls the resolver; the error (if any) is kept in `error` until the next run or `clearError`. */
  run: (payload: PayloadOf<K>) => Promise<ResultOf<K>>;
  running: boolean;
  error: ResolverErrorShape | undefined;
  clearError: () => void;
};

/** Runs resolver `key` on demand (a save, a start, a preview) with its running flag and error. */
export function useResolverAction<K extends ResolverKey>(key: K): ResolverAction<K> {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (payload: PayloadOf<K>): Promise<ResultOf<K>> => {
      setRunning(true);
      setError(undefined);
      const r = await callResolver(key, payload);
      if (mounted.current) {
        setRunning(false);
        if (!r.ok) setError(r.error);
      }
      return r;
    },
    [key],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, running, error, clearError };
}
