import { READINESS_FORMULA, READINESS_WEIGHTS, computeReadiness, formatReadiness } from '../../../src/domain/gap';

describe('computeReadiness', () => {
  it('weighs conformant 1, partially 0.5, nonconformant and not assessed 0', () => {
    const f = computeReadiness(['conformant', 'conformant', 'partially_conformant', 'nonconformant', 'not_assessed']);
    expect(f).toMatchObject({ numerator: 2.5, denominator: 5, percent: 50, clauseCount: 5, excludedNotApplicable: 0 });
    expect(f.counts).toEqual({ conformant: 2, partially_conformant: 1, nonconformant: 1, not_assessed: 1, not_applicable: 0 });
  });

  it('leaves not applicable out of numerator and denominator but still counts the clause', () => {
    const f = computeReadiness(['conformant', 'not_applicable', 'nonconformant', 'not_applicable']);
    expect(f).toMatchObject({ numerator: 1, denominator: 2, percent: 50, clauseCount: 4, excludedNotApplicable: 2 });
  });

  it('rounds the percentage to one decimal', () => {
    expect(computeReadiness(['conformant', 'nonconformant', 'nonconformant']).percent).toBe(33.3);
    expect(computeReadiness(['partially_conformant', 'conformant', 'nonconformant']).percent).toBe(50);
  });

  it('gives 0 % when nothing can be counted', () => {
    expect(computeReadiness([]).percent).toBe(0);
    expect(computeReadiness(['not_applicable']).percent).toBe(0);
  });

  it('formats the formula with the figures used', () => {
    const f = computeReadiness(['conformant', 'partially_conformant', 'not_assessed', 'not_applicable']);
    expect(formatReadiness(f)).toBe('(1 × 1 + 1 × 0.5) ÷ 3 = 50 % (1 not applicable left out)');
  });

  it('describes the weights it uses in the published formula', () => {
    expect(READINESS_WEIGHTS.not_applicable).toBeNull();
    expect(READINESS_FORMULA).toContain('0.5 × partially conformant');
    expect(READINESS_FORMULA).toMatch(/no exclusions/);
  });
});
