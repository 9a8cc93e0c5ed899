/**
 * Helpers shared by the versioned repositories (scope, assessment, snapshots, plan): reading a stored record
 * back through its zod schema, and the CONFLICT a stale save gets.
 */
import type { z } from 'zod';
import { AppError, ConflictError } from '../domain/errors';
import type { KeyValueStore } from './kv-store';

/** Parses a stored value; corrupt data is a bug (INTERNAL), never passed on half-read. */
export function parseStored<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `${what} is stored in a form this version of the app cannot read.`, {
      issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/** Every value under `prefix`, in key order, following the cursor page by page. */
export async function readAll(store: KeyValueStore, prefix: string): Promise<{ key: string; value: unknown }[]> {
  const out: { key: string; value: unknown }[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query(prefix, cursor === undefined ? { limit: 20 } : { limit: 20, cursor });
    out.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return out;
}

export interface VersionStamp {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Throws CONFLICT unless `expectedVersion` is the stored version (0 = nothing stored). The message says when the
 * newer version was saved; storage cannot look up display names, so who saved it is only in `details.updatedBy`
 * (an accountId) and the reloaded view names them.
 */
export function assertVersion(what: string, current: VersionStamp | undefined, expectedVersion: number): void {
  const currentVersion = current?.version ?? 0;
  if (currentVersion === expectedVersion) return;
  const message =
    current === undefined
      ? `${what} was removed after you opened it (you had version ${expectedVersion}). Reload and try again.`
      : `Someone else saved ${lowerFirst(what)} at ${current.updatedAt} (version ${current.version}; you had version ${expectedVersion}). Nothing was saved: reload to see their changes and who made them, then make yours again.`;
  throw new ConflictError(message, {
    expectedVersion,
    currentVersion,
    updatedBy: current?.updatedBy ?? null,
    updatedAt: current?.updatedAt ?? null,
  });
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
