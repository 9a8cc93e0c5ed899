import { LimitExceededError, ValidationError } from '../domain/errors';
import {
  KVS_LIMITS,
  type JsonValue,
  type KeyValueStore,
  type KvEntry,
  type KvQueryPage,
  type KvTransactionOp,
} from './kv-store';

/**
 * The Forge KVS rules every KeyValueStore implementation applies, shared by the in-memory and the file store.
 * Keys: 1..500 characters from Forge's key alphabet (letters, digits, `:._-#` and spaces, not only spaces).
 * Values: JSON, at most 240 KiB serialised. Query: key prefix, key order, 1..20 per page, opaque cursor.
 * Transactions: 1..25 operations on distinct keys, all or nothing.
 */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const DEFAULT_QUERY_LIMIT = 10;

export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new ValidationError('A storage key must be a non-empty string.');
  if (key.length > KVS_LIMITS.maxKeyLength) {
    throw new LimitExceededError(`Storage keys are at most ${KVS_LIMITS.maxKeyLength} characters; this one has ${key.length}.`, {
      keyLength: key.length,
    });
  }
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError('A storage key may hold only letters, digits, spaces and the characters : . _ - #.', { key });
  }
}

/** Serialises a value, enforcing the size limit; returns the JSON text. */
export function checkValue(key: string, value: JsonValue): string {
  if (value === undefined) throw new ValidationError(`No value given for storage key ${key}.`);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new ValidationError(`The value for storage key ${key} is not JSON: ${(e as Error).message}`);
  }
  if (text === undefined) throw new ValidationError(`The value for storage key ${key} is not JSON.`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > KVS_LIMITS.maxValueBytes) {
    throw new LimitExceededError(`Storage values are at most ${KVS_LIMITS.maxValueBytes} bytes; the value for ${key} has ${bytes}.`, {
      key,
      bytes,
      maxBytes: KVS_LIMITS.maxValueBytes,
    });
  }
  return text;
}

export function checkTransaction(ops: readonly KvTransactionOp[]): void {
  if (!Array.isArray(ops)) throw new ValidationError('A transaction is a list of operations.');
  if (ops.length > KVS_LIMITS.maxTransactionOps) {
    throw new LimitExceededError(`A transaction holds at most ${KVS_LIMITS.maxTransactionOps} operations; this one has ${ops.length}.`, {
      operations: ops.length,
    });
  }
  const seen = new Set<string>();
  for (const op of ops) {
    checkKey(op.key);
    if (seen.has(op.key)) throw new ValidationError(`A transaction may touch key ${op.key} only once.`, { key: op.key });
    seen.add(op.key);
    if (op.op === 'set') checkValue(op.key, op.value);
    else if (op.op !== 'delete') throw new ValidationError('Transaction operations are set or delete.');
  }
}

export function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { after?: unknown }).after === 'string') {
      return (parsed as { after: string }).after;
    }
  } catch {
    // fall through
  }
  throw new ValidationError('The query cursor is not one this store issued.');
}

export function checkQueryLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(n) || n < 1) throw new ValidationError('A query limit is a whole number of at least 1.');
  if (n > KVS_LIMITS.maxQueryLimit) {
    throw new LimitExceededError(`A query returns at most ${KVS_LIMITS.maxQueryLimit} entries per page; ${n} were asked for.`, {
      limit: n,
    });
  }
  return n;
}

/** Index of the first element >= key in a sorted array. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted key index kept in step with a map, for prefix queries in key order. */
export class SortedKeys {
  private readonly keys: string[] = [];

  add(key: string): void {
    const i = lowerBound(this.keys, key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  remove(key: string): void {
    const i = lowerBound(this.keys, key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }

  /** Keys starting with prefix, strictly after `after` when given, at most limit + 1 (to know if more follow). */
  page(prefix: string, after: string | undefined, limit: number): string[] {
    let i = lowerBound(this.keys, prefix);
    if (after !== undefined) {
      i = Math.max(i, lowerBound(this.keys, after));
      if (this.keys[i] === after) i += 1;
    }
    const out: string[] = [];
    while (i < this.keys.length && out.length <= limit) {
      const k = this.keys[i] as string;
      if (!k.startsWith(prefix)) break;
      out.push(k);
      i += 1;
    }
    return out;
  }
}

/** Runs one query page over a sorted key index and a value reader. */
export function queryPage(
  index: SortedKeys,
  read: (key: string) => JsonValue,
  prefix: string,
  options: { cursor?: string; limit?: number } | undefined,
): KvQueryPage {
  if (typeof prefix !== 'string') throw new ValidationError('A query prefix is a string.');
  if (prefix.length > KVS_LIMITS.maxKeyLength) throw new LimitExceededError('A query prefix is at most 500 characters.');
  const limit = checkQueryLimit(options?.limit);
  const after = options?.cursor !== undefined ? decodeCursor(options.cursor) : undefined;
  const keys = index.page(prefix, after, limit);
  const pageKeys = keys.slice(0, limit);
  const results: KvEntry[] = pageKeys.map((key) => ({ key, value: read(key) }));
  const last = pageKeys[pageKeys.length - 1];
  return keys.length > limit && last !== undefined ? { results, nextCursor: encodeCursor(last) } : { results };
}

/** Process-local KeyValueStore with the same rules as Forge KVS (for unit tests and the twin contract test). */
export class InMemoryKvStore implements KeyValueStore {
  private readonly data = new Map<string, string>();
  private readonly index = new SortedKeys();

  async get(key: string): Promise<JsonValue | undefined> {
    checkKey(key);
    const text = this.data.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
  }

  async set(key: string, value: JsonValue): Promise<void> {
    checkKey(key);
    const text = checkValue(key, value);
    this.data.set(key, text);
    this.index.add(key);
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    this.data.delete(key);
    this.index.remove(key);
  }

  async query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<KvQueryPage> {
    return queryPage(this.index, (k) => JSON.parse(this.data.get(k) as string) as JsonValue, prefix, options);
  }

  async setIfAbsent(key: string, value: JsonValue): Promise<boolean> {
    checkKey(key);
    const text = checkValue(key, value);
    if (this.data.has(key)) return false;
    this.data.set(key, text);
    this.index.add(key);
    return true;
  }

  async transact(ops: KvTransactionOp[]): Promise<void> {
    checkTransaction(ops);
    for (const op of ops) {
      if (op.op === 'set') {
        this.data.set(op.key, JSON.stringify(op.value));
        this.index.add(op.key);
      } else {
        this.data.delete(op.key);
        this.index.remove(op.key);
      }
    }
  }
}
