import { emptyInitiation } from '../../src/domain/initiation';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { InitiationRepository } from '../../src/storage/initiation-repository';
import { initiationKey } from '../../src/storage/keys';

const NOW = new Date('2026-03-01T09:30:00.000Z');

describe('InitiationRepository', () => {
  it('reads an empty initiation at version 0, then saves versions with author and time', async () => {
    const store = new InMemoryKvStore();
    const repo = new InitiationRepository(store, () => NOW);
    expect(await repo.get('10000')).toMatchObject({ version: 0, updatedBy: null, initiation: emptyInitiation() });
    const saved = await repo.update('10000', 0, 'alice', (cur) => ({ ...cur, baselineFindings: { workload: 'High' } }));
    expect(saved).toMatchObject({ version: 1, updatedBy: 'alice', updatedAt: NOW.toISOString() });
    expect((await repo.get('10000')).initiation.baselineFindings).toEqual({ workload: 'High' });
    expect(await store.get(initiationKey('10000'))).toMatchObject({ schemaVersion: 1, projectId: '10000', version: 1 });
  });

  it('refuses a stale version with CONFLICT giving who saved in the details, and writes nothing', async () => {
    const repo = new InitiationRepository(new InMemoryKvStore(), () => NOW);
    await repo.update('10000', 0, 'alice', (cur) => cur);
    await expect(repo.update('10000', 0, 'bob', (cur) => ({ ...cur, baselineFindings: { workload: 'x' } }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone saved the initiation'),
      details: { expectedVersion: 0, currentVersion: 1, updatedBy: 'alice' },
    });
    expect((await repo.get('10000')).initiation.baselineFindings).toEqual({});
  });

  it('refuses a change that breaks the schema with VALIDATION_FAILED', async () => {
    const repo = new InitiationRepository(new InMemoryKvStore(), () => NOW);
    const kpi = { id: 'a', name: 'A', unit: '', direction: 'higher' as const, baseline: null, target: null, source: { kind: 'manual' as const }, measurements: [] };
    await expect(repo.update('10000', 0, 'alice', (cur) => ({ ...cur, kpis: [kpi, kpi] }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses data over the value limit with LIMIT_EXCEEDED', async () => {
    const repo = new InitiationRepository(new InMemoryKvStore(), () => NOW);
    const big = 'x'.repeat(2000);
    const findings = Object.fromEntries(['documents-records', 'previous-reviews-audits', 'workload', 'sla-breaches'].map((k) => [k, big]));
    const measurements = Array.from({ length: 400 }, (_, i) => ({ at: '2026-01-01T00:00:00Z', value: i, note: 'y'.repeat(500) }));
    const kpis = Array.from({ length: 2 }, (_, i) => ({ id: `k${i}`, name: 'K', unit: '', direction: 'higher' as const, baseline: null, target: null, source: { kind: 'manual' as const }, measurements }));
    await expect(repo.update('10000', 0, 'alice', (cur) => ({ ...cur, baselineFindings: findings, kpis }))).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('reports unreadable stored data as INTERNAL', async () => {
    const store = new InMemoryKvStore();
    await store.set(initiationKey('10000'), { schemaVersion: 99 });
    await expect(new InitiationRepository(store).get('10000')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('gives the gap report its challenge rows, or undefined before anything is saved', async () => {
    const store = new InMemoryKvStore();
    expect(await new InitiationRepository(store).challengeRowsForReport('10000')).toBeUndefined();
    await new InitiationRepository(store, () => NOW).update('10000', 0, 'alice', (cur) => ({
      ...cur,
      challengeRegister: cur.challengeRegister.map((r, i) => (i === 0 ? { ...r, status: 'watching' } : r)),
    }));
    const rows = await new InitiationRepository(store).challengeRowsForReport('10000');
    expect(rows).toHaveLength(4);
    expect(rows?.[0]?.status).toBe('watching');
  });
});
