import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { AuditRepository } from '../../src/storage/audit-repository';
import { auditProgrammeKey } from '../../src/storage/keys';

const NOW = new Date('2026-03-01T09:00:00.000Z');

describe('AuditRepository', () => {
  it('stores the process owners per project with a version, one owner per unit, and refuses a stale save', async () => {
    const store = new InMemoryKvStore();
    const repo = new AuditRepository(store, () => NOW);
    expect(await repo.get('10000')).toEqual({ version: 0, owners: [], reviews: [] });
    const saved = await repo.saveOwners('10000', 0, [{ unitId: '8.6.1', owner: 'a' }, { unitId: '8.6.1', owner: 'b' }, { unitId: 'sms', owner: 'c' }], 'editor');
    expect(saved.version).toBe(1);
    expect(saved.owners).toEqual([{ unitId: '8.6.1', owner: 'b' }, { unitId: 'sms', owner: 'c' }]);
    expect(await store.get(auditProgrammeKey('10000'))).toMatchObject({ projectId: '10000', version: 1, updatedBy: 'editor', updatedAt: NOW.toISOString() });
    await expect(repo.saveOwners('10000', 0, [], 'other')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await repo.get('20000')).owners).toEqual([]);
  });

  it('remembers one review publication per review date (a re-publish replaces it) and keeps the owners', async () => {
    const repo = new AuditRepository(new InMemoryKvStore(), () => NOW);
    await repo.saveOwners('10000', 0, [{ unitId: 'sms', owner: 'c' }], 'editor');
    const pub = { reviewDate: '2026-03-20', pageId: '42', title: 'Management review 2026-03-20 (SMS)', pagePath: '/wiki/spaces/SMS/pages/42', publishedAt: NOW.toISOString(), publishedBy: 'editor' };
    await repo.saveReview('10000', pub);
    await repo.saveReview('10000', { ...pub, publishedBy: 'someone' });
    await repo.saveReview('10000', { ...pub, reviewDate: '2026-01-10', pageId: '41' });
    const got = await repo.get('10000');
    expect(got.reviews.map((r) => [r.reviewDate, r.pageId, r.publishedBy])).toEqual([
      ['2026-01-10', '41', 'editor'],
      ['2026-03-20', '42', 'someone'],
    ]);
    expect(got.owners).toEqual([{ unitId: 'sms', owner: 'c' }]);
  });
});
