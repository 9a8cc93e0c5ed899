import { WhereConditions } from '@forge/kvs';
import type { JsonValue, KeyValueStore, KvEntry, KvQueryPage, KvTransactionOp } from './kv-store';
import { checkKey, checkQueryLimit, checkTransaction, checkValue } from './in-memory-kv-store';

/** The part of the `@forge/kvs` client this adapter uses. */
export interface KvsQueryBuilderLike {
  where(property: 'key', condition: ReturnType<typeof WhereConditions.beginsWith>): KvsQueryBuilderLike;
  cursor(cursor: string): KvsQueryBuilderLike;
  limit(limit: number): KvsQueryBuilderLike;
  getMany<T>(): Promise<{ results: { key: string; value: T }[]; nextCursor?: string }>;
}

export interface KvsTransactionLike {
  set<T>(key: string, value: T): KvsTransactionLike;
  delete(key: string): KvsTransactionLike;
  execute(): Promise<void>;
}

export interface KvsLike {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: { keyPolicy: 'OVERRIDE' | 'FAIL_IF_EXISTS' }): Promise<void>;
  delete(key: string): Promise<void>;
  query(): KvsQueryBuilderLike;
  transact(): KvsTransactionLike;
}

/** The @forge/kvs error for a FAIL_IF_EXISTS write on an existing key (code KEY_CONFLICT, HTTP 409). */
export function isKeyConflict(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, responseDetails } = e as { code?: unknown; responseDetails?: { status?: unknown } };
  return code === 'KEY_CONFLICT' || responseDetails?.status === 409;
}

/**
 * KeyValueStore over Forge KVS. The same rules as the sandbox stores are checked here, before the call,
 * so a limit breach fails the same way everywhere (LIMIT_EXCEEDED) instead of as an opaque platform error:
 * keys <= 500 chars, values <= 240 KiB, query pages <= 20, transactions <= 25 operations.
 */
export class ForgeKvsStore implements KeyValueStore {
  constructor(private readonly kvs: KvsLike) {}

  async get(key: string): Promise<JsonValue | undefined> {
    checkKey(key);
    return this.kvs.get<JsonValue>(key);
  }

  async set(key: string, value: JsonValue): Promise<void> {
    checkKey(key);
    checkValue(key, value);
    await this.kvs.set(key, value);
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.kvs.delete(key);
  }

  /**
   * `kvs.set` with `keyPolicy: 'FAIL_IF_EXISTS'` (@forge/kvs >= 1.3): Forge writes the key only when it does
   * not exist and answers an existing key with a ForgeKvsAPIError (HTTP 409, code KEY_CONFLICT); that answer
   * is `false` here, every other error is rethrown.
   */
  async setIfAbsent(key: string, value: JsonValue): Promise<boolean> {
    checkKey(key);
    checkValue(key, value);
    try {
      await this.kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (e) {
      if (isKeyConflict(e)) return false;
      throw e;
    }
  }

  async query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<KvQueryPage> {
    const limit = checkQueryLimit(options?.limit);
    let q = this.kvs.query().limit(limit);
    if (prefix.length > 0) q = q.where('key', WhereConditions.beginsWith(prefix));
    if (options?.cursor !== undefined) q = q.cursor(options.cursor);
    const page = await q.getMany<JsonValue>();
    const results: KvEntry[] = page.results.map((r) => ({ key: r.key, value: r.value }));
    return page.nextCursor ? { results, nextCursor: page.nextCursor } : { results };
  }

  async transact(ops: KvTransactionOp[]): Promise<void> {
    checkTransaction(ops);
    if (ops.length === 0) return;
    const tx = ops.reduce<KvsTransactionLike>(
      (t, op) => (op.op === 'set' ? t.set(op.key, op.value) : t.delete(op.key)),
      this.kvs.transact(),
    );
    await tx.execute();
  }
}
