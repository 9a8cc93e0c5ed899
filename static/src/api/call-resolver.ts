import { invoke } from '@forge/bridge';
import type { ResolverResult } from '@contract/result';

/**
 * Calls one resolver and always answers with a ResolverResult: a rejected bridge call (network, a resolver
 * that crashed) becomes `{ ok: false, error: { code: 'INTERNAL' } }` so the panels have one error path.
 */
export async function callResolver<T>(functionKey: string, payload: Record<string, unknown> = {}): Promise<ResolverResult<T>> {
  try {
    const result: unknown = await invoke(functionKey, payload);
    if (result === null || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
      return { ok: false, error: { code: 'INTERNAL', message: `The ${functionKey} resolver answered in an unexpected shape.` } };
    }
    return result as ResolverResult<T>;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
}
