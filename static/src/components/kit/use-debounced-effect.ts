import { useEffect, useRef } from 'react';

/** Calls `fn` with `value` once it has stopped changing for `ms`. Skips the first value. */
export function useDebouncedEffect<T>(value: T, ms: number, fn: (v: T) => void): void {
  const first = useRef(true);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const t = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
}
