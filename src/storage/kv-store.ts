/**
 * The key-value store the repositories are written against: the subset of `@forge/kvs` semantics the app
 * relies on. Implemented by `ForgeKvsStore` (Forge) and the sandbox's file-backed store; both pass the
 * shared contract test in `test/storage/kv-store.contract.ts`.
 */
export const KVS_LIMITS = {
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxQueryLimit: 20,
  maxTransactionOps: 25,
} as const;

import type { JsonValue } from '../domain/json';

export type { JsonValue };

export interface KvEntry<T = JsonValue> {
  key: string;
  value: T;
}

export interface KvQueryPage<T = JsonValue> {
  results: KvEntry<T>[];
  nextCursor?: string;
}

export type KvTransactionOp =
  | { op: 'set'; key: string; value: JsonValue }
  | { op: 'delete'; key: string };

export interface KeyValueStore {
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys that begin with `prefix`, in key order, at most `limit` (<= 20) per page. */
  query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<KvQueryPage>;
  /** All operations apply, or none (<= 25 operations). */
  transact(ops: KvTransactionOp[]): Promise<void>;
  /**
   * Writes `value` only when `key` holds nothing; true when this call wrote it. Atomic: of any number of
   * concurrent calls on one key exactly one gets true (Forge: `kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' })`).
   * The one conditional write the app relies on: single-flight job starts and job endings are built on it.
   */
  setIfAbsent(key: string, value: JsonValue): Promise<boolean>;
}
