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
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  query(): KvsQueryBuilderLike;
  transact(): KvsTransactionLike;
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
