import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { KVS_LIMITS } from '../../src/storage/kv-store';
import { mappingChangeKey } from '../../src/storage/keys';
import { MappingChangeRepository, type ChangeEntry } from '../../src/storage/mapping-change-repository';

const head = (changeId: string) => ({ changeId, projectId: '10000', projectKey: 'SMS', accountId: 'u1', state: 'preview' as const, source: 'jql' as const });
const entry = (n: number, padding = 0): ChangeEntry => ({
  issueId: String(10000 + n),
  key: `SMS-${n}`,
  before: n % 2 === 0 ? null : { clauses: ['8.6.1'], kinds: ['record'], phases: [], note: 'x'.repeat(padding) },
  after: { clauses: ['8.6.1', '9.2'], kinds: ['record'], phases: [], byClause: { '8.6.1': 'record', '9.2': 'record' }, rejected: [] },
});

describe('MappingChangeRepository', () => {
  it('splits large changes into chunks under the KVS value limit and reads them back in order', async () => {
    const store = new InMemoryKvStore();
    const repo = new MappingChangeRepository(store, () => new Date('2026-03-01T10:00:00Z'));
    const entries = Array.from({ length: 1000 }, (_, i) => entry(i, 400));
    const saved = await repo.save(head('c1'), entries);
    expect(saved.chunks).toBeGreaterThan(1);
    for (let n = 0; n < saved.chunks; n += 1) {
      const raw = await store.get(`${mappingChangeKey('10000', 'c1')}:${String(n).padStart(4, '0')}`);
      expect(Buffer.byteLength(JSON.stringify(raw))).toBeLessThan(KVS_LIMITS.maxValueBytes);
    }
    expect(await repo.entries(saved)).toEqual(entries);
  });

  it('narrows a preview to the reviewed issues', async () => {
    const repo = new MappingChangeRepository(new InMemoryKvStore());
    const saved = await repo.save(head('c1'), [entry(1), entry(2), entry(3)]);
    const narrowed = await repo.narrow(saved, new Set(['10001', '10003']));
    expect(narrowed.total).toBe(2);
    expect((await repo.entries(narrowed)).map((e) => e.key)).toEqual(['SMS-1', 'SMS-3']);
  });

  it('keeps one level of undo: a newer applied change replaces and deletes the previous one', async () => {
    const store = new InMemoryKvStore();
    const repo = new MappingChangeRepository(store);
    const first = await repo.save(head('c1'), [entry(1)]);
    await repo.setLast(first);
    const second = await repo.save(head('c2'), [entry(2)]);
    await repo.setLast(second);
    expect((await repo.getLast('10000'))?.changeId).toBe('c2');
    expect(await repo.get('10000', 'c1')).toBeUndefined();
    expect(await store.get(`${mappingChangeKey('10000', 'c1')}:0000`)).toBeUndefined();
  });

  it('keeps one unapplied preview per user: the next preview deletes the previous one', async () => {
    const repo = new MappingChangeRepository(new InMemoryKvStore());
    const first = await repo.save(head('p1'), [entry(1)]);
    await repo.replaceDraft(first);
    const second = await repo.save(head('p2'), [entry(2)]);
    await repo.replaceDraft(second);
    expect(await repo.get('10000', 'p1')).toBeUndefined();
    expect(await repo.get('10000', 'p2')).toBeDefined();
    const queued = await repo.update(second, { state: 'queued' });
    await repo.replaceDraft(await repo.save(head('p3'), [entry(3)]));
    expect(await repo.get('10000', 'p2')).toEqual(queued);
  });

  it('refuses a stored record that does not match its schema', async () => {
    const store = new InMemoryKvStore();
    await store.set(mappingChangeKey('10000', 'bad'), { schemaVersion: 1, changeId: 'bad' });
    await expect(new MappingChangeRepository(store).get('10000', 'bad')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
