import {
  MEASUREMENT_FUTURE_TOLERANCE_MS,
  type KpiDefinition,
  approvalState,
  approveBusinessCase,
  defaultChallengeRegister,
  kpiById,
  measurementTime,
  withBusinessCaseTexts,
  withChallengeRegister,
  withKpiDefinitions,
  withMeasurement,
  withTargetState,
} from '../../../src/domain/initiation';
import { NotFoundError, ValidationError } from '../../../src/domain/errors';
import { aKpi } from '../../builders/evaluation.builder';
import { aMeasurement, anInitiation } from '../../builders/initiation.builder';

const SPONSOR = '557058:sponsor';
const definitionOf = ({ measurements: _m, ...def }: ReturnType<typeof aKpi>): KpiDefinition => def;

describe('withBusinessCaseTexts', () => {
  const approved = () => {
    const ini = anInitiation({ businessCase: { elements: { drivers: 'Tender' }, sponsor: SPONSOR, approval: null } });
    return { ...ini, businessCase: approveBusinessCase(ini.businessCase, SPONSOR, '2026-10-01T09:00:00.000Z') };
  };

  it('replaces the texts, keeps the sponsor when none is given, and keeps the approval (which then shows as out of date)', () => {
    const next = withBusinessCaseTexts(approved(), { drivers: 'Tender lost' });
    expect(next.businessCase.elements).toEqual({ drivers: 'Tender lost' });
    expect(next.businessCase.sponsor).toBe(SPONSOR);
    expect(next.businessCase.approval?.approvedBy).toBe(SPONSOR);
    expect(approvalState(next.businessCase)).toBe('stale');
  });

  it('names another sponsor, or nobody with null', () => {
    expect(withBusinessCaseTexts(approved(), { drivers: 'Tender' }, 'someone-else').businessCase.sponsor).toBe('someone-else');
    expect(withBusinessCaseTexts(approved(), { drivers: 'Tender' }, null).businessCase.sponsor).toBeNull();
  });
});

describe('withKpiDefinitions', () => {
  const measured = aKpi({ id: 'mttr', measurements: [aMeasurement({ value: 7 })] });
  const other = aKpi({ id: 'backlog', measurements: [aMeasurement({ value: 40 })] });

  it('keeps the measurements of a KPI saved again under the same id, even renamed', () => {
    const next = withKpiDefinitions(anInitiation({ kpis: [measured, other] }), [{ ...definitionOf(measured), name: 'Time to restore' }]);
    expect(next.kpis).toEqual([{ ...measured, name: 'Time to restore' }]);
  });

  it('drops a KPI left out together with its measurements, and starts a new one without any', () => {
    const fresh = aKpi({ id: 'new-one', measurements: [] });
    const next = withKpiDefinitions(anInitiation({ kpis: [measured, other] }), [definitionOf(other), definitionOf({ ...fresh, measurements: [aMeasurement()] })]);
    expect(next.kpis.map((k) => [k.id, k.measurements.length])).toEqual([['backlog', 1], ['new-one', 0]]);
  });

  it('replaces the baseline findings only when they are given', () => {
    const ini = anInitiation({ kpis: [measured], baselineFindings: { workload: 'Two admins' } });
    expect(withKpiDefinitions(ini, [definitionOf(measured)]).baselineFindings).toEqual({ workload: 'Two admins' });
    expect(withKpiDefinitions(ini, [definitionOf(measured)], { workload: 'Three admins' }).baselineFindings).toEqual({ workload: 'Three admins' });
  });
});

describe('withMeasurement and kpiById', () => {
  const ini = anInitiation({ kpis: [aKpi({ id: 'mttr', measurements: [] }), aKpi({ id: 'backlog', measurements: [] })] });

  it('appends the measurement to that KPI only', () => {
    const next = withMeasurement(ini, 'backlog', aMeasurement({ value: 12 }));
    expect(next.kpis.map((k) => k.measurements.map((m) => m.value))).toEqual([[], [12]]);
  });

  it('refuses an unknown KPI with NOT_FOUND naming it', () => {
    expect(() => withMeasurement(ini, 'nope', aMeasurement())).toThrow(new NotFoundError('There is no KPI nope.', { kpiId: 'nope' }));
    expect(() => kpiById(ini, 'nope')).toThrow(NotFoundError);
    expect(kpiById(ini, 'mttr').id).toBe('mttr');
  });
});

describe('measurementTime', () => {
  const now = new Date('2026-10-01T09:00:00.000Z');

  it('is now when no time is given, else the time given', () => {
    expect(measurementTime(undefined, now)).toBe('2026-10-01T09:00:00.000Z');
    expect(measurementTime('2026-09-01T00:00:00+02:00', now)).toBe('2026-09-01T00:00:00+02:00');
  });

  it('allows a little clock skew but refuses a time in the future', () => {
    const skewed = new Date(now.getTime() + MEASUREMENT_FUTURE_TOLERANCE_MS).toISOString();
    expect(measurementTime(skewed, now)).toBe(skewed);
    const later = new Date(now.getTime() + MEASUREMENT_FUTURE_TOLERANCE_MS + 1000).toISOString();
    expect(() => measurementTime(later, now)).toThrow(new ValidationError('A measurement cannot be dated in the future.', { at: later }));
  });
});

describe('withTargetState and withChallengeRegister', () => {
  const target = { kind: 'multi-phase' as const, description: 'All of clause 8 in two years.', objectives: [] };

  it('replaces the target state, and the plan checklist only when given', () => {
    const ini = anInitiation({ planChecklist: { approach: { done: true, note: '' } } });
    expect(withTargetState(ini, target)).toMatchObject({ targetState: target, planChecklist: { approach: { done: true, note: '' } } });
    expect(withTargetState(ini, target, {}).planChecklist).toEqual({});
  });

  it('replaces the challenge register', () => {
    const register = defaultChallengeRegister().map((r, i) => (i === 0 ? { ...r, owner: 'Sam', status: 'watching' as const } : r));
    expect(withChallengeRegister(anInitiation(), register).challengeRegister).toEqual(register);
  });
});
