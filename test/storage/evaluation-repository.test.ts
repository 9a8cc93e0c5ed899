import { ConflictError, ValidationError } from '../../src/domain/errors';
import { EvaluationRepository } from '../../src/storage/evaluation-repository';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { lessonsKey, phaseEvaluationKey } from '../../src/storage/keys';
import { aLesson, anEvaluationRecord, anObjectiveEvaluation } from '../builders/evaluation.builder';
import { aPhase, aPlan } from '../builders/plan.builder';

function setup() {
  const store = new InMemoryKvStore();
  let t = Date.parse('2026-11-26T10:00:00.000Z');
  return { store, repo: new EvaluationRepository(store, () => new Date((t += 60_000))) };
}

describe('EvaluationRepository', () => {
  it('keeps the latest evaluation of each phase, versioned, and refuses a stale save', async () => {
    const { store, repo } = setup();
    expect(await repo.getEvaluation('10000', 'phase-a')).toEqual({ value: null, version: 0, updatedAt: null, updatedBy: null });
    const saved = await repo.saveEvaluation('10000', anEvaluationRecord(), 0, 'acc-1');
    expect(saved).toMatchObject({ version: 1, updatedBy: 'acc-1', updatedAt: '2026-11-26T10:01:00.000Z' });
    expect(await store.get(phaseEvaluationKey('10000', 'phase-a'))).toMatchObject({ version: 1, value: anEvaluationRecord() });
    expect((await repo.getEvaluation('10000', 'phase-a')).value).toEqual(anEvaluationRecord());
    await expect(repo.saveEvaluation('10000', anEvaluationRecord(), 0, 'acc-2')).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses an objective judged not met without its cause and agreed action, and writes nothing', async () => {
    const { store, repo } = setup();
    const bad = anEvaluationRecord({ objectives: [anObjectiveEvaluation({ verdict: 'not_met' })] });
    await expect(repo.saveEvaluation('10000', bad, 0, 'acc-1')).rejects.toBeInstanceOf(ValidationError);
    expect(await store.get(phaseEvaluationKey('10000', 'phase-a'))).toBeUndefined();
  });

  it('keeps the lessons-learned register and the plan history with each revision’s reason', async () => {
    const { store, repo } = setup();
    await repo.saveLessons('10000', [aLesson()], 0, 'acc-1');
    expect(await store.get(lessonsKey('10000'))).toMatchObject({ version: 1, value: [aLesson()] });
    const before = aPlan();
    const after = aPlan({ phases: [aPhase({ end: '2027-03-31' })] });
    const input = { before, after, version: 2, at: '2026-11-26T12:00:00.000Z', by: 'acc-1', reason: 'Objective 1 not met: phase extended.', fromEvaluationOf: 'phase-a' };
    const h1 = await repo.recordPlanRevision('10000', input, 0);
    expect(h1.value.map((r) => [r.reason, r.changed])).toEqual([['Objective 1 not met: phase extended.', ['phase-a']]]);
    await expect(repo.recordPlanRevision('10000', { ...input, reason: ' ' }, 1)).rejects.toBeInstanceOf(ValidationError);
    expect((await repo.getPlanHistory('10000')).value).toHaveLength(1);
  });
});
