/**
 * Reads a module's first view needs, started as soon as the module is known (App, once the view context is
 * there), so that they travel while the view's chunk is still loading instead of after it: the issue panel
 * otherwise waits for its chunk, then for its reads, one after the other. `useResolver` takes a prefetched answer
 * for its first read only (a reload always reads again), and only once.
 */
import type { PayloadOf, ResolverKey, ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';
import { tracked, type Tracked } from './settled';

/** By resolver key: the payload it was read with and the answer (typed by the key when it is taken). */
const pending = new Map<ResolverKey, { payloadKey: string; answer: Tracked<unknown> }>();

/** Starts reading `key` with `payload` now; the answer waits for the first `useResolver(key, payload)`. */
export function prefetchResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): void {
  pending.set(key, { payloadKey: JSON.stringify(payload), answer: tracked(callResolver(key, payload)) });
}

/**
 * The prefetched answer for exactly this key and payload if it is already in (not taken: the first read still takes
 * it), so that the view's first render can show it; undefined while it travels or when there is none.
 */
export function settledPrefetch<K extends ResolverKey>(key: K, payload: PayloadOf<K>): ResultOf<K> | undefined {
  return prefetched(key, payload)?.settledValue();
}

/** The prefetched answer for exactly this key and payload, handed out once; undefined when there is none. */
export function takePrefetched<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> | undefined {
  const answer = prefetched(key, payload);
  if (answer !== undefined) pending.delete(key);
  return answer?.promise;
}

/** The read prefetched for exactly this key and payload, if any. */
function prefetched<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Tracked<ResultOf<K>> | undefined {
  const entry = pending.get(key);
  if (entry === undefined || entry.payloadKey !== JSON.stringify(payload)) return undefined;
  // Stored by prefetchResolver under this same key, so its answer is this key's result.
  return entry.answer as Tracked<ResultOf<K>>;
}
