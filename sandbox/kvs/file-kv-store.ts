import type { JsonValue, KeyValueStore, KvQueryPage, KvTransactionOp } from '../../src/storage/kv-store';
import {
  SortedKeys,
  checkKey,
  checkTransaction,
  checkValue,
  queryPage,
} from '../../src/storage/in-memory-kv-store';
import { JournalStore, type JournalStoreOptions, type StoreOp } from '../state/journal-store';

const TABLE = 'kv';

/**
 * The sandbox's Forge storage stand-in: a KeyValueStore kept in a JournalStore directory, so every set, delete and
 * transaction is one atomic journal line that survives a restart or a kill. Same rules as InMemoryKvStore
 * (and Forge KVS): key <= 500 characters, value <= 240 KiB, query by prefix in key order <= 20 per page,
 * transactions of <= 25 operations all or nothing.
 */
export class FileKvStore implements KeyValueStore {
  private readonly journal: JournalStore;
  private readonly index = new SortedKeys();

  constructor(dir: string, opts: JournalStoreOptions = {}) {
    this.journal = JournalStore.open(dir, opts);
    for (const key of this.journal.table(TABLE).keys()) this.index.add(key);
  }

  async get(key: string): Promise<JsonValue | undefined> {
    checkKey(key);
    return clone(this.journal.get(TABLE, key));
  }

  async set(key: string, value: JsonValue): Promise<void> {
    checkKey(key);
    const text = checkValue(key, value);
    this.journal.commit([{ t: TABLE, k: key, v: JSON.parse(text) as JsonValue }]);
    this.index.add(key);
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    if (!this.journal.has(TABLE, key)) return;
    this.journal.commit([{ t: TABLE, k: key, del: true }]);
    this.index.remove(key);
  }

  async query(prefix: string, options?: { cursor?: string; limit?: number }): Promise<KvQueryPage> {
    return queryPage(this.index, (k) => clone(this.journal.get(TABLE, k)) as JsonValue, prefix, options);
  }

  /** Check and write happen in one synchronous step of this process: atomic for every caller of the sandbox. */
  async setIfAbsent(key: string, value: JsonValue): Promise<boolean> {
    checkKey(key);
    const text = checkValue(key, value);
    if (this.journal.has(TABLE, key)) return false;
    this.journal.commit([{ t: TABLE, k: key, v: JSON.parse(text) as JsonValue }]);
    this.index.add(key);
    return true;
  }

  async transact(ops: KvTransactionOp[]): Promise<void> {
    checkTransaction(ops);
    const storeOps: StoreOp[] = ops.map((op) =>
      op.op === 'set'
        ? { t: TABLE, k: op.key, v: JSON.parse(JSON.stringify(op.value)) as JsonValue }
        : { t: TABLE, k: op.key, del: true },
    );
    this.journal.commit(storeOps);
    for (const op of ops) {
      if (op.op === 'set') this.index.add(op.key);
      else this.index.remove(op.key);
    }
  }

  /** Removes every entry (sandbox reset). */
  clear(): void {
    this.journal.replaceAll({});
    for (const key of [...this.index.page('', undefined, Number.MAX_SAFE_INTEGER)]) this.index.remove(key);
  }

  close(): void {
    this.journal.close();
  }
}

function clone(v: JsonValue | undefined): JsonValue | undefined {
  return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as JsonValue);
}
