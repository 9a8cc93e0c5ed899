import { emptyScope, type Scope } from '../../src/domain/scope';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { scopeHeadKey, scopeVersionKey } from '../../src/storage/keys';
import { ScopeRepository } from '../../src/storage/scope-repository';

const P = '10000';
const ALICE = '557058:alice';
const BOB = '557058:bob';

function aScope(overrides: Partial<Scope> = {}): Scope {
  return {
    ...emptyScope(),
    organization: 'Example Ltd',
    services: [{ id: 'service-1', name: 'Payroll', description: '', customers: ['HR'] }],
    ...overrides,
  };
}

function setup() {
  const store = new InMemoryKvStore();
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  const repo = new ScopeRepository(store, () => new Date((t += 60_000)));
  return { store, repo };
}

describe('ScopeRepository', () => {
  it('has no current scope and an empty history before the first save', async () => {
    const { repo } = setup();
    expect(await repo.getCurrent(P)).toBeUndefined();
    expect(await repo.history(P)).toEqual([]);
  });

  it('writes each save as a new version with author, time and comment, and moves the head', async () => {
    const { repo, store } = setup();
    const v1 = await repo.save(P, { scope: aScope(), comment: 'First cut' }, 0, ALICE);
    const v2 = await repo.save(P, { scope: aScope({ organization: 'Example Group' }), comment: 'Renamed' }, 1, BOB);
    expect(v1).toMatchObject({ version: 1, author: ALICE, at: '2026-03-01T09:01:00.000Z', comment: 'First cut' });
    expect(v2).toMatchObject({ version: 2, author: BOB, at: '2026-03-01T09:02:00.000Z', comment: 'Renamed' });
    expect((await repo.getCurrent(P))?.scope.organization).toBe('Example Group');
    expect((await repo.getVersion(P, 1)).scope.organization).toBe('Example Ltd');
    expect(await repo.history(P)).toEqual([
      { version: 2, author: BOB, at: '2026-03-01T09:02:00.000Z', comment: 'Renamed' },
      { version: 1, author: ALICE, at: '2026-03-01T09:01:00.000Z', comment: 'First cut' },
    ]);
    expect(await store.get(scopeHeadKey(P))).toMatchObject({ schemaVersion: 1, version: 2, updatedBy: BOB });
    expect(await store.get(scopeVersionKey(P, 1))).toMatchObject({ schemaVersion: 1, projectId: P });
  });

  it('refuses a save based on a stale version with CONFLICT naming who saved and when, and keeps their version', async () => {
    const { repo } = setup();
    await repo.save(P, { scope: aScope(), comment: '' }, 0, ALICE);
    await repo.save(P, { scope: aScope({ notes: 'Bob was here' }), comment: '' }, 1, BOB);
    await expect(repo.save(P, { scope: aScope({ notes: 'Alice overwrites' }), comment: '' }, 1, ALICE)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone saved the scope at 2026-03-01 09:02 UTC (version 2; you had version 1)'),
      details: { expectedVersion: 1, currentVersion: 2, updatedBy: BOB },
    });
    expect((await repo.getCurrent(P))?.scope.notes).toBe('Bob was here');
    expect((await repo.history(P)).map((h) => h.version)).toEqual([2, 1]);
  });

  it('refuses a scope too large for one stored value with LIMIT_EXCEEDED and writes nothing', async () => {
    const { repo, store } = setup();
    const services = Array.from({ length: 200 }, (_, i) => ({ id: `service-${i}`, name: `Service ${i}`, description: 'x'.repeat(2000), customers: [] }));
    await expect(repo.save(P, { scope: aScope({ services }), comment: '' }, 0, ALICE)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await store.get(scopeHeadKey(P))).toBeUndefined();
    expect(await repo.history(P)).toEqual([]);
  });

  it('refuses an invalid scope (duplicate item ids) with VALIDATION_FAILED', async () => {
    const { repo } = setup();
    const twice = { id: 'unit-1', name: 'Ops', description: '' };
    await expect(repo.save(P, { scope: aScope({ organizationalUnits: [twice, twice] }), comment: '' }, 0, ALICE)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await repo.getCurrent(P)).toBeUndefined();
  });

  it('reports a stored record it cannot read as INTERNAL instead of returning it', async () => {
    const { repo, store } = setup();
    await store.set(scopeHeadKey(P), { schemaVersion: 99, version: 'one' });
    await expect(repo.getCurrent(P)).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('keeps projects apart and answers NOT_FOUND for a version that does not exist', async () => {
    const { repo } = setup();
    await repo.save(P, { scope: aScope(), comment: '' }, 0, ALICE);
    expect(await repo.getCurrent('10001')).toBeUndefined();
    await expect(repo.getVersion(P, 7)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists a long history across query pages', async () => {
    const { repo } = setup();
    for (let v = 0; v < 25; v++) await repo.save(P, { scope: aScope({ notes: `v${v + 1}` }), comment: `save ${v + 1}` }, v, ALICE);
    const history = await repo.history(P);
    expect(history).toHaveLength(25);
    expect(history[0]).toMatchObject({ version: 25, comment: 'save 25' });
    expect(history[24]).toMatchObject({ version: 1 });
  });
});
