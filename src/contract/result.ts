/** What every resolver returns to the Custom UI. Types only: `static/` imports this through `@contract/*`. */
import type { AppErrorShape } from '../domain/errors';

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };
