import { LimitExceededError, ValidationError } from '../../src/domain/errors';
import { KVS_LIMITS, type KeyValueStore } from '../../src/storage/kv-store';

/**
 * The behaviour every KeyValueStore must show (Forge KVS semantics). Call from a *.test.ts:
 *   runKvStoreContract('InMemoryKvStore', () => new InMemoryKvStore());
 */
export function runKvStoreContract(name: string, factory: () => KeyValueStore | Promise<KeyValueStore>): void {
  describe(`${name} (KeyValueStore contract)`, () => {
    let store: KeyValueStore;
    beforeEach(async () => {
      store = await factory();
    });

    it('returns undefined for a key never set', async () => {
      await expect(store.get('missing')).resolves.toBeUndefined();
    });

    it('stores and returns JSON values of every kind', async () => {
      const value = { a: 1, b: 'two', c: [true, null, { d: 4.5 }] };
      await store.set('obj', value);
      await store.set('str', 'text');
      await store.set('num', 0);
      await store.set('bool', false);
      await expect(store.get('obj')).resolves.toEqual(value);
      await expect(store.get('str')).resolves.toBe('text');
      await expect(store.get('num')).resolves.toBe(0);
      await expect(store.get('bool')).resolves.toBe(false);
    });

    it('returns a copy, so changing a read value does not change the stored one', async () => {
      await store.set('k', { list: [1] });
      const read = (await store.get('k')) as { list: number[] };
      read.list.push(2);
      await expect(store.get('k')).resolves.toEqual({ list: [1] });
    });

    it('overwrites on set and forgets on delete', async () => {
      await store.set('k', 1);
      await store.set('k', 2);
      await expect(store.get('k')).resolves.toBe(2);
      await store.delete('k');
      await expect(store.get('k')).resolves.toBeUndefined();
      await expect(store.delete('k')).resolves.toBeUndefined();
    });

    it('rejects a key longer than 500 characters and accepts one of exactly 500', async () => {
      const ok = 'k'.repeat(KVS_LIMITS.maxKeyLength);
      await store.set(ok, 1);
      await expect(store.get(ok)).resolves.toBe(1);
      await expect(store.set(`${ok}x`, 1)).rejects.toBeInstanceOf(LimitExceededError);
    });

    it('rejects empty keys and keys outside the Forge alphabet', async () => {
      await expect(store.set('', 1)).rejects.toBeInstanceOf(ValidationError);
      await expect(store.set('a/b', 1)).rejects.toBeInstanceOf(ValidationError);
      await expect(store.set('   ', 1)).rejects.toBeInstanceOf(ValidationError);
    });

    it('rejects a value larger than 240 KiB serialised and keeps the old value', async () => {
      await store.set('big', 'small');
      const tooBig = 'x'.repeat(KVS_LIMITS.maxValueBytes); // plus two quotes when serialised
      await expect(store.set('big', tooBig)).rejects.toBeInstanceOf(LimitExceededError);
      await expect(store.get('big')).resolves.toBe('small');
      await store.set('big', 'x'.repeat(KVS_LIMITS.maxValueBytes - 2));
      await expect(store.get('big')).resolves.toHaveLength(KVS_LIMITS.maxValueBytes - 2);
    });

    it('queries by prefix in key order, page by page with a cursor', async () => {
      const keys = Array.from({ length: 45 }, (_, i) => `item:${String(i).padStart(3, '0')}`);
      for (const k of [...keys].reverse()) await store.set(k, { k });
      await store.set('other:1', 1);
      await store.set('item', 'no colon');
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.query('item:', { limit: 20, ...(cursor ? { cursor } : {}) });
        pages += 1;
        expect(page.results.length).toBeLessThanOrEqual(20);
        for (const r of page.results) {
          expect(r.value).toEqual({ k: r.key });
          seen.push(r.key);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(keys);
    });

    it('gives no cursor when the last page is exactly full', async () => {
      for (let i = 0; i < 4; i += 1) await store.set(`p:${i}`, i);
      const page = await store.query('p:', { limit: 4 });
      expect(page.results.map((r) => r.key)).toEqual(['p:0', 'p:1', 'p:2', 'p:3']);
      expect(page.nextCursor).toBeUndefined();
    });

    it('rejects a query limit above 20 or below 1 and a forged cursor', async () => {
      await expect(store.query('a', { limit: 21 })).rejects.toBeInstanceOf(LimitExceededError);
      await expect(store.query('a', { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
      await expect(store.query('a', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(ValidationError);
    });

    it('applies a transaction of sets and deletes together', async () => {
      await store.set('t:old', 1);
      await store.transact([
        { op: 'set', key: 't:a', value: 'A' },
        { op: 'set', key: 't:b', value: { n: 2 } },
        { op: 'delete', key: 't:old' },
      ]);
      const page = await store.query('t:', { limit: 20 });
      expect(page.results).toEqual([
        { key: 't:a', value: 'A' },
        { key: 't:b', value: { n: 2 } },
      ]);
    });

    it('applies nothing when one operation of a transaction is invalid', async () => {
      await store.set('t:keep', 'before');
      await expect(
        store.transact([
          { op: 'set', key: 't:keep', value: 'after' },
          { op: 'set', key: 't:big', value: 'x'.repeat(KVS_LIMITS.maxValueBytes + 1) },
        ]),
      ).rejects.toBeInstanceOf(LimitExceededError);
      await expect(store.get('t:keep')).resolves.toBe('before');
      await expect(store.get('t:big')).resolves.toBeUndefined();
    });

    it('rejects a transaction of more than 25 operations and one touching a key twice', async () => {
      const ops = Array.from({ length: KVS_LIMITS.maxTransactionOps + 1 }, (_, i) => ({ op: 'set' as const, key: `x:${i}`, value: i }));
      await expect(store.transact(ops)).rejects.toBeInstanceOf(LimitExceededError);
      await expect(store.get('x:0')).resolves.toBeUndefined();
      await store.transact(ops.slice(0, KVS_LIMITS.maxTransactionOps));
      await expect(store.get('x:24')).resolves.toBe(24);
      await expect(
        store.transact([
          { op: 'set', key: 'dup', value: 1 },
          { op: 'delete', key: 'dup' },
        ]),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    it('setIfAbsent writes only a missing key, and of concurrent calls exactly one wins', async () => {
      await expect(store.setIfAbsent('lock:a', 'first')).resolves.toBe(true);
      await expect(store.setIfAbsent('lock:a', 'second')).resolves.toBe(false);
      await expect(store.get('lock:a')).resolves.toBe('first');
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.setIfAbsent('lock:b', i)));
      expect(results.filter((r) => r)).toHaveLength(1);
      await expect(store.get('lock:b')).resolves.toBe(results.indexOf(true));
      await store.delete('lock:a');
      await expect(store.setIfAbsent('lock:a', 'again')).resolves.toBe(true);
      await expect(store.setIfAbsent('lock:big', 'x'.repeat(KVS_LIMITS.maxValueBytes + 10))).rejects.toBeInstanceOf(LimitExceededError);
    });
  });
}
