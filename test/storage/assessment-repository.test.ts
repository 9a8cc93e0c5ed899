import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { AssessmentRepository } from '../../src/storage/assessment-repository';
import { assessmentUnitKey } from '../../src/storage/keys';

const P = '10000';
const ALICE = '557058:alice';
const BOB = '557058:bob';
const at = (current: 0 | 1 | 2 | 3, target: 0 | 1 | 2 | 3, note = '', evidence: string[] = []) => ({ current, target, note, evidence });

function setup(limitBytes?: number) {
  const store = new InMemoryKvStore();
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  const repo = new AssessmentRepository(store, () => new Date((t += 60_000)), limitBytes);
  return { store, repo };
}

describe('AssessmentRepository', () => {
  it('stores each unit under its own key with its own version', async () => {
    const { repo, store } = setup();
    await repo.saveUnit(P, '8.6.1', { process: at(1, 2, 'Runs ad hoc', ['SMS-1']) }, 0, ALICE);
    await repo.saveUnit(P, '8.6.3', { risk: at(1, 3) }, 0, BOB);
    await repo.saveUnit(P, '8.6.1', { process: at(1, 2), learning: at(0, 1) }, 1, BOB);

    expect(await store.get(assessmentUnitKey(P, '8.6.1'))).toMatchObject({ schemaVersion: 1, version: 2, updatedBy: BOB, unit: { unitId: '8.6.1' } });
    expect(await store.get(assessmentUnitKey(P, '8.6.3'))).toMatchObject({ version: 1, updatedBy: BOB });
    const all = await repo.getAll(P);
    expect(Object.keys(all.assessment.units).sort()).toEqual(['8.6.1', '8.6.3']);
    expect(all.assessment.units['8.6.1']?.elements).toEqual({ process: at(1, 2), learning: at(0, 1) });
    expect(all.records['8.6.1']?.version).toBe(2);
  });

  it('lets two people save different units from the same page without a conflict', async () => {
    const { repo } = setup();
    await repo.saveUnit(P, '8.5.1', { process: at(1, 1) }, 0, ALICE);
    await expect(repo.saveUnit(P, '8.5.3', { process: at(1, 1) }, 0, BOB)).resolves.toMatchObject({ version: 1 });
  });

  it('refuses a stale save of the same unit with CONFLICT saying when (who is in the details), keeping their data', async () => {
    const { repo } = setup();
    await repo.saveUnit(P, '8.6.1', { process: at(1, 2) }, 0, ALICE);
    await expect(repo.saveUnit(P, '8.6.1', { process: at(0, 3) }, 0, BOB)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone saved the assessment of Incident management (8.6.1) at 2026-03-01 09:01 UTC'),
      details: { updatedBy: ALICE },
    });
    expect((await repo.getUnit(P, '8.6.1'))?.unit.elements.process).toEqual(at(1, 2));
  });

  it('records any observed level, even Level III on a first save and a drop from III to none', async () => {
    const { repo } = setup();
    await expect(repo.saveUnit(P, '8.6.1', { process: at(2, 3), risk: at(3, 3) }, 0, ALICE)).resolves.toMatchObject({ version: 1 });
    await expect(repo.saveUnit(P, '8.6.1', { process: at(2, 3), risk: at(0, 3) }, 1, ALICE)).resolves.toMatchObject({ version: 2 });
    expect((await repo.getUnit(P, '8.6.1'))?.unit.elements).toEqual({ process: at(2, 3), risk: at(0, 3) });
  });

  it('clears elements left out of a save and de-duplicates evidence', async () => {
    const { repo } = setup();
    await repo.saveUnit(P, 'sms', { process: at(1, 1), risk: at(1, 2) }, 0, ALICE);
    await repo.saveUnit(P, 'sms', { risk: at(1, 2, '', ['SMS-2', 'SMS-2']) }, 1, ALICE);
    expect((await repo.getUnit(P, 'sms'))?.unit.elements).toEqual({ risk: at(1, 2, '', ['SMS-2']) });
  });

  it('refuses a unit record over the value limit with LIMIT_EXCEEDED and writes nothing', async () => {
    const { repo, store } = setup(2_000);
    await expect(repo.saveUnit(P, '8.6.1', { process: at(1, 1, 'n'.repeat(3_000)) }, 0, ALICE)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await store.get(assessmentUnitKey(P, '8.6.1'))).toBeUndefined();
  });

  it('keeps a full assessment of every unit with long notes within the real limit, one key per unit', async () => {
    const { repo, store } = setup();
    const units = ['8.1', '8.6.1', 'sms'] as const;
    const elements = Object.fromEntries(
      ['process', 'risk', 'learning', 'resource', 'personnel'].map((id) => [id, at(1, 2, 'n'.repeat(4000), Array.from({ length: 50 }, (_, i) => `SMS-${i + 1}`))]),
    );
    for (const u of units) await repo.saveUnit(P, u, elements, 0, ALICE);
    const all = await repo.getAll(P);
    expect(Object.keys(all.records)).toHaveLength(3);
    for (const u of units) expect(await store.get(assessmentUnitKey(P, u))).toBeDefined();
  });

  it('reports a corrupt unit record as INTERNAL', async () => {
    const { repo, store } = setup();
    await store.set(assessmentUnitKey(P, '8.6.1'), { schemaVersion: 1, unit: { unitId: '8.6.1', elements: { process: { current: 7 } } } });
    await expect(repo.getAll(P)).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
