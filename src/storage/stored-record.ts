/**
 * Helpers shared by the versioned repositories (scope, assessment, snapshots, plan): reading a stored record
 * back through its zod schema, and the CONFLICT a stale save gets.
 */
import type { z } from 'zod';
import { AppError, VersionConflictError, issueDetails } from '../domain/errors';
import type { KeyValueStore } from './kv-store';

/** Parses a stored value; corrupt data is a bug (INTERNAL), never passed on half-read. */
export function parseStored<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('INTERNAL', `${what} is stored in a form this version of the app cannot read.`, {
      issues: issueDetails(parsed.error, 10),
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
 * Throws CONFLICT (VersionConflictError) unless `expectedVersion` is the stored version (0 = nothing stored).
 * Storage cannot look up display names: the resolver framework names who saved before the message reaches anyone.
 */
export function assertVersion(what: string, current: VersionStamp | undefined, expectedVersion: number): void {
  const currentVersion = current?.version ?? 0;
  if (currentVersion === expectedVersion) return;
  throw new VersionConflictError({
    what,
    expectedVersion,
    currentVersion,
    updatedBy: current?.updatedBy ?? null,
    updatedAt: current?.updatedAt ?? null,
  });
}
