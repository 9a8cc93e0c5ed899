import { KPI_SUGGESTIONS, type Kpi, kpiFromSuggestion, kpiListSchema, kpiProgress, median } from '../../../src/domain/initiation';

const kpi = (overrides: Partial<Kpi> = {}): Kpi => ({
  id: 'csat',
  name: 'Customer satisfaction',
  unit: '%',
  direction: 'higher',
  baseline: 70,
  target: 90,
  source: { kind: 'manual' },
  measurements: [],
  ...overrides,
});
const m = (at: string, value: number) => ({ at, value, note: '' });

describe('kpiProgress', () => {
  it('measures the share of the way from baseline to target using the newest measurement', () => {
    const p = kpiProgress(kpi({ measurements: [m('2026-03-01T00:00:00Z', 80), m('2026-01-01T00:00:00Z', 75)] }));
    expect(p.latest?.value).toBe(80);
    expect(p.progress).toBeCloseTo(0.5);
    expect(p.targetMet).toBe(false);
  });

  it('handles lower-is-better KPIs and reports the target met', () => {
    const p = kpiProgress(kpi({ direction: 'lower', baseline: 40, target: 10, measurements: [m('2026-01-01T00:00:00Z', 8)] }));
    expect(p.progress).toBe(1);
    expect(p.targetMet).toBe(true);
    expect(p.worseThanStart).toBe(false);
  });

  it('flags a value worse than the start and clamps progress at 0', () => {
    const p = kpiProgress(kpi({ direction: 'lower', baseline: 40, target: 10, measurements: [m('2026-01-01T00:00:00Z', 55)] }));
    expect(p.progress).toBe(0);
    expect(p.worseThanStart).toBe(true);
  });

  it('uses the first measurement as the start when there is no baseline, and needs a second one for progress', () => {
    const one = kpiProgress(kpi({ baseline: null, measurements: [m('2026-01-01T00:00:00Z', 60)] }));
    expect(one.start).toBe(60);
    expect(one.progress).toBeNull();
    const two = kpiProgress(kpi({ baseline: null, target: 80, measurements: [m('2026-01-01T00:00:00Z', 60), m('2026-02-01T00:00:00Z', 70)] }));
    expect(two.progress).toBeCloseTo(0.5);
  });

  it('has no progress without a measurement or a target', () => {
    expect(kpiProgress(kpi()).progress).toBeNull();
    expect(kpiProgress(kpi({ target: null, measurements: [m('2026-01-01T00:00:00Z', 99)] })).progress).toBeNull();
  });
});

describe('KPI list schema', () => {
  it('refuses duplicate ids and a duration between the same two dates', () => {
    const dup = kpiListSchema.safeParse([kpi(), kpi()]);
    expect(dup.success).toBe(false);
    const same = kpiListSchema.safeParse([kpi({ source: { kind: 'jqlMedianDuration', jql: '', from: 'created', to: 'created', durationUnit: 'hours' } })]);
    expect(same.success).toBe(false);
  });

  it('defaults a duration to hours', () => {
    const parsed = kpiListSchema.parse([{ ...kpi(), source: { kind: 'jqlMedianDuration', jql: 'x', from: 'created', to: 'resolutiondate' } }]);
    expect(parsed[0]?.source).toMatchObject({ durationUnit: 'hours' });
  });
});

describe('KPI suggestions', () => {
  it('offers the seven sample KPIs of 5.3.2, each valid as a KPI', () => {
    expect(KPI_SUGGESTIONS.map((s) => s.id)).toEqual([
      'time-to-market',
      'customer-satisfaction',
      'breaches-of-commitments',
      'on-time-delivery',
      'service-down-time',
      'employee-satisfaction',
      'failure-costs',
    ]);
    const list = KPI_SUGGESTIONS.map((s) => kpiFromSuggestion(s, []));
    expect(kpiListSchema.safeParse(list).success).toBe(true);
  });

  it('gives a suggestion an id not yet taken', () => {
    const s = KPI_SUGGESTIONS[1]!;
    expect(kpiFromSuggestion(s, ['customer-satisfaction', 'customer-satisfaction-2']).id).toBe('customer-satisfaction-3');
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
