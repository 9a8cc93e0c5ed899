import { lessonRegisterSchema, lessonsToOffer, phaseChanges, recordRevision, takeUpLesson } from '../../../src/domain/evaluation';
import { ValidationError } from '../../../src/domain/errors';
import { aPhase, aPlan } from '../../builders/plan.builder';
import { aLesson } from '../../builders/evaluation.builder';

describe('lessons-learned register', () => {
  const register = [
    aLesson({ id: 'sms-wide', processes: [], recordedAt: '2026-10-05T00:00:00.000Z' }),
    aLesson({ id: 'incident', processes: ['8.6.1'] }),
    aLesson({ id: 'change', processes: ['8.5.1'] }),
    aLesson({ id: 'both', processes: ['8.6.1', '8.6.2'], recordedAt: '2026-09-01T00:00:00.000Z' }),
    aLesson({ id: 'own-phase', phaseId: 'phase-b', processes: ['8.6.1'] }),
  ];
  const next = aPhase({ id: 'phase-b', boundary: { processes: ['8.6.1', '8.6.2'], elements: [] } });

  it('offers lessons of earlier phases to the next one, those about its processes first', () => {
    expect(lessonsToOffer(register, next).map((o) => [o.lesson.id, o.sharedProcesses])).toEqual([
      ['both', ['8.6.1', '8.6.2']],
      ['incident', ['8.6.1']],
      ['sms-wide', []],
      ['change', []],
    ]);
  });

  it('does not offer a lesson again once the phase took it up', () => {
    const after = takeUpLesson(register, 'both', 'phase-b');
    expect(lessonsToOffer(after, next).map((o) => o.lesson.id)).not.toContain('both');
    expect(takeUpLesson(after, 'both', 'phase-b')).toEqual(after);
  });

  it('refuses a lesson without observation or recommendation, and duplicate ids', () => {
    expect(lessonRegisterSchema.safeParse(register).success).toBe(true);
    expect(lessonRegisterSchema.safeParse([aLesson({ recommendation: ' ' })]).success).toBe(false);
    expect(lessonRegisterSchema.safeParse([aLesson(), aLesson()]).success).toBe(false);
  });
});

describe('plan history', () => {
  const before = aPlan({ phases: [aPhase({ id: 'phase-a' }), aPhase({ id: 'phase-b', name: 'B' })] });
  const after = aPlan({ phases: [aPhase({ id: 'phase-a', end: '2027-03-31' }), aPhase({ id: 'phase-c', name: 'C' })] });

  it('keeps the reason and what changed with each revision', () => {
    expect(phaseChanges(before, after)).toEqual({ added: ['phase-c'], removed: ['phase-b'], changed: ['phase-a'] });
    const history = recordRevision([], { before, after, version: 2, at: '2026-11-26T12:00:00.000Z', by: 'u1', reason: ' Phase A objective not met: extend. ', fromEvaluationOf: 'phase-a' });
    expect(history).toEqual([
      { version: 2, at: '2026-11-26T12:00:00.000Z', by: 'u1', reason: 'Phase A objective not met: extend.', fromEvaluationOf: 'phase-a', added: ['phase-c'], removed: ['phase-b'], changed: ['phase-a'] },
    ]);
  });

  it('refuses a revision without a reason', () => {
    expect(() => recordRevision([], { before, after, version: 2, at: '2026-11-26T12:00:00.000Z', by: 'u1', reason: '  ' })).toThrow(ValidationError);
  });
});
