import { emptyAssessment, setElementAssessment } from '../../src/domain/assessment';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { SnapshotRepository, snapshotIdFor } from '../../src/storage/snapshot-repository';

const P = '10000';
const ALICE = '557058:alice';

function setup(fixedTime?: string) {
  const store = new InMemoryKvStore();
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  const repo = new SnapshotRepository(store, () => (fixedTime ? new Date(fixedTime) : new Date((t += 86_400_000))));
  return { store, repo };
}

describe('SnapshotRepository', () => {
  it('freezes the levels at the time it is taken and lists snapshots oldest first', async () => {
    const { repo } = setup();
    let a = setElementAssessment(emptyAssessment(), '8.6.1', 'process', { current: 1, target: 2 });
    await repo.take(P, a, 'baseline', ALICE);
    a = setElementAssessment(a, '8.6.1', 'process', { current: 2 });
    await repo.take(P, a, 'Phase 1', ALICE);
    const list = await repo.list(P);
    expect(list.map((r) => r.snapshot.label)).toEqual(['baseline', 'Phase 1']);
    expect(list[0]?.snapshot.levels['8.6.1']?.elements.process).toBe(1);
    expect(list[1]?.snapshot.levels['8.6.1']?.elements.process).toBe(2);
    expect(list[0]).toMatchObject({ schemaVersion: 1, takenBy: ALICE });
    expect(await repo.get(P, list[0]?.snapshot.id ?? '')).toEqual(list[0]);
  });

  it('refuses a second snapshot with the same label (any case) with CONFLICT, who took the first in the details', async () => {
    const { repo } = setup();
    await repo.take(P, emptyAssessment(), 'baseline', ALICE);
    await expect(repo.take(P, emptyAssessment(), ' Baseline ', '557058:bob')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('A snapshot labelled “baseline” already exists (taken at '),
      details: { takenBy: ALICE },
    });
    expect(await repo.list(P)).toHaveLength(1);
  });

  it('gives two snapshots taken in the same millisecond different ids', async () => {
    const { repo } = setup('2026-03-01T09:00:00.000Z');
    const a = await repo.take(P, emptyAssessment(), 'baseline', ALICE);
    const b = await repo.take(P, emptyAssessment(), 'Phase 1', ALICE);
    expect(a.snapshot.id).toBe(snapshotIdFor(new Date('2026-03-01T09:00:00.000Z')));
    expect(b.snapshot.id).toBe(`${a.snapshot.id}-2`);
  });

  it('answers NOT_FOUND for an unknown snapshot id', async () => {
    const { repo } = setup();
    await expect(repo.get(P, 's20200101T000000000Z')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
