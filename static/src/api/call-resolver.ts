import { invoke } from '@forge/bridge';
import type { PayloadOf, ResolverKey, ResultOf } from '@contract/resolvers';

/** What `invoke` carries: the payload as a plain JSON object (every contract payload is one). */
const asInvokePayload = (payload: object): Record<string, unknown> => ({ ...payload });

function isResolverResult(value: unknown): value is { ok: boolean } {
  return value !== null && typeof value === 'object' && 'ok' in value && typeof value.ok === 'boolean';
}

/**
 * Calls one resolver by its key in the contract map (src/contract/resolvers.ts): the payload and the answer are
 * typed by the key. Always answers with a ResolverResult: a rejected bridge call (network, a resolver that crashed)
 * becomes `{ ok: false, error: { code: 'INTERNAL' } }` so the panels have one error path.
 */
export async function callResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  try {
    const result = await invoke<ResultOf<K>>(key, asInvokePayload(payload));
    if (!isResolverResult(result)) {
      return { ok: false, error: { code: 'INTERNAL', message: `The ${key} resolver answered in an unexpected shape.` } };
    }
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
}
