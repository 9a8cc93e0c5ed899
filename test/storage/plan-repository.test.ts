import { proposePlan } from '../../src/domain/planning';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { planKey } from '../../src/storage/keys';
import { PlanRepository } from '../../src/storage/plan-repository';

const P = '10000';
const ALICE = '557058:alice';
const BOB = '557058:bob';

function setup(limitBytes?: number) {
  const store = new InMemoryKvStore();
  let t = Date.parse('2026-03-01T09:00:00.000Z');
  const repo = new PlanRepository(store, () => new Date((t += 60_000)), limitBytes);
  return { store, repo };
}

describe('PlanRepository', () => {
  it('saves the plan as one versioned record and reads it back', async () => {
    const { repo, store } = setup();
    const plan = proposePlan('subsets');
    await repo.save(P, plan, 0, ALICE);
    const saved = await repo.save(P, proposePlan('levels'), 1, BOB);
    expect(saved).toMatchObject({ schemaVersion: 1, version: 2, updatedBy: BOB, updatedAt: '2026-03-01T09:02:00.000Z' });
    expect((await repo.get(P))?.plan.approach).toBe('levels');
    expect(await store.get(planKey(P))).toMatchObject({ version: 2 });
  });

  it('refuses a stale save with CONFLICT saying when (who is in the details), and keeps their plan', async () => {
    const { repo } = setup();
    await repo.save(P, proposePlan('combined'), 0, ALICE);
    await expect(repo.save(P, proposePlan('subsets'), 0, BOB)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone saved the plan at 2026-03-01 09:01 UTC'),
      details: { updatedBy: ALICE },
    });
    expect((await repo.get(P))?.plan.approach).toBe('combined');
  });

  it('refuses a plan over the value limit with LIMIT_EXCEEDED and writes nothing', async () => {
    const { repo, store } = setup(1_000);
    await expect(repo.save(P, proposePlan('subsets'), 0, ALICE)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    expect(await store.get(planKey(P))).toBeUndefined();
  });

  it('refuses an invalid plan with VALIDATION_FAILED', async () => {
    const { repo } = setup();
    const plan = proposePlan('subsets');
    const bad = { ...plan, phases: [{ ...plan.phases[0]!, id: 'Not A Slug' }] };
    await expect(repo.save(P, bad, 0, ALICE)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
