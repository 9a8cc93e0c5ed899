import { kvs } from '@forge/kvs';
import { KVS_LIMITS } from '../../src/storage/kv-store';
import { ForgeKvsStore } from '../../src/storage/forge-kvs-store';

/** A fake of the @forge/kvs client that records the query and transaction builders' calls. */
jest.mock('@forge/kvs', () => {
  const calls: string[] = [];
  interface Builder {
    where: jest.Mock;
    limit: jest.Mock;
    cursor: jest.Mock;
    getMany: jest.Mock;
  }
  interface Tx {
    set: jest.Mock;
    delete: jest.Mock;
    execute: jest.Mock;
  }
  const query: Builder = {
    where: jest.fn((property: string, clause: { condition: string; values: unknown[] }) => {
      calls.push(`where ${property} ${clause.condition} ${JSON.stringify(clause.values)}`);
      return query;
    }),
    limit: jest.fn((n: number) => {
      calls.push(`limit ${n}`);
      return query;
    }),
    cursor: jest.fn((c: string) => {
      calls.push(`cursor ${c}`);
      return query;
    }),
    getMany: jest.fn(async () => ({ results: [{ key: 'a:1', value: { n: 1 } }], nextCursor: 'next-1' })),
  };
  const tx: Tx = {
    set: jest.fn((key: string) => {
      calls.push(`tx set ${key}`);
      return tx;
    }),
    delete: jest.fn((key: string) => {
      calls.push(`tx delete ${key}`);
      return tx;
    }),
    execute: jest.fn(async () => {
      calls.push('tx execute');
    }),
  };
  return {
    __calls: calls,
    WhereConditions: { beginsWith: (value: string) => ({ condition: 'BEGINS_WITH', values: [value] }) },
    kvs: {
      get: jest.fn(async (key: string) => (key === 'known' ? { hello: 'world' } : undefined)),
      set: jest.fn(async () => undefined),
      delete: jest.fn(async () => undefined),
      query: jest.fn(() => query),
      transact: jest.fn(() => tx),
    },
  };
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
const calls = (require('@forge/kvs') as { __calls: string[] }).__calls;
const mocked = kvs as unknown as Record<'get' | 'set' | 'delete' | 'query' | 'transact', jest.Mock>;

describe('ForgeKvsStore', () => {
  const store = new ForgeKvsStore(kvs);

  beforeEach(() => {
    calls.length = 0;
    jest.clearAllMocks();
  });

  it('reads, writes and deletes through the Forge client', async () => {
    expect(await store.get('known')).toEqual({ hello: 'world' });
    expect(await store.get('missing')).toBeUndefined();
    await store.set('settings:project:1', { a: 1 });
    await store.delete('settings:project:1');
    expect(mocked.set).toHaveBeenCalledWith('settings:project:1', { a: 1 });
    expect(mocked.delete).toHaveBeenCalledWith('settings:project:1');
  });

  it('queries by key prefix with the page size and cursor, returning the next cursor', async () => {
    const page = await store.query('a:', { limit: 20, cursor: 'c-0' });
    expect(calls).toEqual(['limit 20', 'where key BEGINS_WITH ["a:"]', 'cursor c-0']);
    expect(page).toEqual({ results: [{ key: 'a:1', value: { n: 1 } }], nextCursor: 'next-1' });
  });

  it(`refuses a query page larger than ${KVS_LIMITS.maxQueryLimit} before calling Forge`, async () => {
    await expect(store.query('a:', { limit: KVS_LIMITS.maxQueryLimit + 1 })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(mocked.query).not.toHaveBeenCalled();
  });

  it('runs a transaction of up to 25 operations as one kvs.transact() call', async () => {
    const ops = Array.from({ length: KVS_LIMITS.maxTransactionOps }, (_, i) =>
      i % 2 === 0 ? { op: 'set' as const, key: `k:${i}`, value: i } : { op: 'delete' as const, key: `k:${i}` },
    );
    await store.transact(ops);
    expect(mocked.transact).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.startsWith('tx set'))).toHaveLength(13);
    expect(calls.filter((c) => c.startsWith('tx delete'))).toHaveLength(12);
    expect(calls[calls.length - 1]).toBe('tx execute');
  });

  it(`refuses a transaction of more than ${KVS_LIMITS.maxTransactionOps} operations without touching Forge`, async () => {
    const ops = Array.from({ length: KVS_LIMITS.maxTransactionOps + 1 }, (_, i) => ({ op: 'delete' as const, key: `k:${i}` }));
    await expect(store.transact(ops)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(mocked.transact).not.toHaveBeenCalled();
  });

  it('refuses over-long keys and over-large values before calling Forge', async () => {
    await expect(store.set('k'.repeat(KVS_LIMITS.maxKeyLength + 1), 1)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await expect(store.set('big', 'x'.repeat(KVS_LIMITS.maxValueBytes + 1))).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(mocked.set).not.toHaveBeenCalled();
  });

  it("writes setIfAbsent with keyPolicy FAIL_IF_EXISTS and reads Forge's KEY_CONFLICT answer as false", async () => {
    await expect(store.setIfAbsent('job:slot:x:1:000001', 'job-1')).resolves.toBe(true);
    expect(mocked.set).toHaveBeenLastCalledWith('job:slot:x:1:000001', 'job-1', { keyPolicy: 'FAIL_IF_EXISTS' });
    const conflict = Object.assign(new Error('Key already exists'), { code: 'KEY_CONFLICT', responseDetails: { status: 409 } });
    mocked.set.mockRejectedValueOnce(conflict);
    await expect(store.setIfAbsent('job:slot:x:1:000001', 'job-2')).resolves.toBe(false);
    mocked.set.mockRejectedValueOnce(Object.assign(new Error('down'), { code: 'INTERNAL_SERVER_ERROR', responseDetails: { status: 500 } }));
    await expect(store.setIfAbsent('job:slot:x:1:000002', 'job-3')).rejects.toThrow('down');
  });
});
