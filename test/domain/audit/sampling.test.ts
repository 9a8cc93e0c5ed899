import {
  AGE_BUCKETS,
  STRATA,
  ageBucketOf,
  ageInDays,
  allocate,
  drawAuditSample,
  drawWithoutReplacement,
  hashSeed,
  seededRandom,
  candidatesFromHits,
  samplingQueries,
  stratumJql,
  stratumLabel,
} from '../../../src/domain/audit';
import { AUDIT_AS_OF, aCandidate, manyCandidates } from '../../builders/audit.builder';

const request = (seed: string, sizes: Record<string, number> = { '8.6.1': 12 }) => ({ seed, asOf: AUDIT_AS_OF, sizes });

/** A deterministic reordering (reverse, then odd before even) so that "any order" is tested without randomness. */
const reordered = <T>(xs: readonly T[]): T[] => {
  const r = [...xs].reverse();
  return [...r.filter((_, i) => i % 2 === 1), ...r.filter((_, i) => i % 2 === 0)];
};

describe('seeded generator', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seededRandom(hashSeed('Q4-2026'));
    const b = seededRandom(hashSeed('Q4-2026'));
    const c = seededRandom(hashSeed('Q1-2027'));
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('draws without replacement and never more than there is', () => {
    const drawn = drawWithoutReplacement(['a', 'b', 'c', 'd'], 3, seededRandom(1));
    expect(new Set(drawn).size).toBe(3);
    expect(drawWithoutReplacement(['a', 'b'], 5, seededRandom(1)).sort()).toEqual(['a', 'b']);
  });
});

describe('age buckets', () => {
  it('counts whole UTC days to the sample date and puts the boundaries in the lower bucket', () => {
    expect(ageInDays('2026-11-26T23:59:00.000Z', AUDIT_AS_OF)).toBe(0);
    expect(ageInDays('2026-12-01T00:00:00.000Z', AUDIT_AS_OF)).toBe(0);
    expect(ageBucketOf(30)).toBe('up-to-30-days');
    expect(ageBucketOf(31)).toBe('31-to-90-days');
    expect(ageBucketOf(365)).toBe('91-to-365-days');
    expect(ageBucketOf(366)).toBe('over-365-days');
  });

  it('writes each stratum as JQL with the creation window of its bucket', () => {
    const jql = stratumJql('SMS', '8.5.1.3', { statusCategory: 'done', ageBucket: '31-to-90-days' }, AUDIT_AS_OF);
    expect(jql).toBe(
      'project = "SMS" AND smsClause in ("8.5.1.3", "8.5.1", "8.5", "8") AND statusCategory = "Done" AND created >= "2026-08-28" AND created < "2026-10-27"',
    );
    expect(jql).not.toMatch(/ORDER BY/i);
    expect(stratumJql('SMS', '9.2', { statusCategory: 'new', ageBucket: 'over-365-days' }, AUDIT_AS_OF)).toContain('AND created < "2025-11-26"');
    expect(stratumLabel({ statusCategory: 'indeterminate', ageBucket: 'up-to-30-days' })).toBe('In progress, 30 days or less');
    expect(STRATA).toHaveLength(3 * AGE_BUCKETS.length);
  });
});

describe('allocate', () => {
  it('spreads the size over strata: one per non-empty stratum, the rest by population, never more than a stratum holds', () => {
    expect(allocate(10, [50, 30, 0, 20])).toEqual([5, 3, 0, 2]);
    expect(allocate(4, [100, 1, 1, 1])).toEqual([1, 1, 1, 1]);
    expect(allocate(2, [5, 1, 9])).toEqual([1, 0, 1]);
    expect(allocate(99, [3, 0, 2])).toEqual([3, 0, 2]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
  });

  it('always gives min(size, population) in total', () => {
    const pops = [7, 0, 13, 2, 1, 40, 0, 9, 3, 3, 11, 5];
    for (let size = 0; size <= 100; size += 7) {
      const out = allocate(size, pops);
      expect(out.reduce((a, b) => a + b, 0)).toBe(Math.min(size, 94));
      out.forEach((n, i) => expect(n).toBeLessThanOrEqual(pops[i] ?? 0));
    }
  });
});

describe('drawAuditSample', () => {
  const population = manyCandidates(120);

  it('draws the same sample twice from the same seed, whatever the order of the population', () => {
    const first = drawAuditSample('SMS', population, request('audit-2026-q4'));
    const again = drawAuditSample('SMS', reordered(population), request('audit-2026-q4'));
    expect(again).toEqual(first);
    expect(first.clauses[0]?.issueKeys).toHaveLength(12);
  });

  it('draws another sample from another seed', () => {
    const a = drawAuditSample('SMS', population, request('audit-2026-q4')).clauses[0]?.issueKeys;
    const b = drawAuditSample('SMS', population, request('audit-2027-q1')).clauses[0]?.issueKeys;
    expect(b).toHaveLength(12);
    expect(b).not.toEqual(a);
  });

  it('stratifies by status category and age: with 12 filled strata and a size of 12, one from each', () => {
    const sample = drawAuditSample('SMS', population, request('s')).clauses[0];
    expect(sample?.strata).toHaveLength(12);
    for (const s of sample?.strata ?? []) {
      expect(s.population).toBe(10);
      expect(s.drawn).toHaveLength(1);
      const drawn = population.find((c) => c.issueKey === s.drawn[0]);
      expect(drawn?.statusCategory).toBe(s.statusCategory);
      expect(drawn?.ageBucket).toBe(s.ageBucket);
    }
  });

  it("adding a clause to the audit does not change another clause's sample", () => {
    const other = manyCandidates(30, '8.5.1.3', 500);
    const alone = drawAuditSample('SMS', population, request('s')).clauses[0];
    const both = drawAuditSample('SMS', [...population, ...other], request('s', { '8.6.1': 12, '8.5.1.3': 4 }));
    expect(both.clauses.find((c) => c.clauseId === '8.6.1')).toEqual(alone);
    expect(both.clauses.find((c) => c.clauseId === '8.5.1.3')?.issueKeys).toHaveLength(4);
  });

  it('samples evidence only: findings and the plan’s own work items are never drawn', () => {
    const finding = aCandidate({ issueKey: 'SMS-900', hasFindingLabel: true });
    const planned = aCandidate({ issueKey: 'SMS-901', isPlanItem: true });
    const evidence = aCandidate({ issueKey: 'SMS-902' });
    const sample = drawAuditSample('SMS', [finding, planned, evidence], request('s', { '8.6.1': 5 })).clauses[0];
    expect(sample?.population).toBe(1);
    expect(sample?.issueKeys).toEqual(['SMS-902']);
  });

  it('counts an issue mapped to a heading as evidence of every clause below it, and not of other clauses', () => {
    const heading = aCandidate({ issueKey: 'SMS-7', clauses: ['8.6'] });
    const elsewhere = aCandidate({ issueKey: 'SMS-8', clauses: ['8.5.1.3'] });
    const sample = drawAuditSample('SMS', [heading, elsewhere], request('s', { '8.6.1': 5 })).clauses[0];
    expect(sample?.issueKeys).toEqual(['SMS-7']);
  });

  it('gives the drawn issues as a figure whose JQL finds exactly them', () => {
    const sample = drawAuditSample('SMS', population.slice(0, 3), request('s', { '8.6.1': 2 })).clauses[0];
    expect(sample?.figure.exact).toBe(true);
    expect(sample?.figure.value).toBe(2);
    expect(sample?.figure.jql).toBe(`project = "SMS" AND key in (${sample?.issueKeys.map((k) => `"${k}"`).join(', ')})`);
  });

  it('escapes the project key in every JQL it writes', () => {
    const sample = drawAuditSample('SM"S', [aCandidate({ ageDays: 3 })], request('s', { '8.6.1': 1 })).clauses[0];
    expect(sample?.strata[0]?.jql.startsWith('project = "SM\\"S" AND')).toBe(true);
  });
});

describe('the population from id-only searches', () => {
  it('asks one search per clause, per status category but the last, per age bucket but the last, and for non-evidence', () => {
    const q = samplingQueries('SMS', ['8.6.1', '9.2'], AUDIT_AS_OF);
    expect(q.clauses).toEqual({ '8.6.1': 'project = "SMS" AND smsClause in ("8.6.1", "8.6", "8")', '9.2': 'project = "SMS" AND smsClause in ("9.2", "9")' });
    expect(q.statuses.map((s) => s.jql)).toEqual([
      'project = "SMS" AND smsClause IS NOT EMPTY AND statusCategory = "To Do"',
      'project = "SMS" AND smsClause IS NOT EMPTY AND statusCategory = "In Progress"',
    ]);
    expect(q.ages.map((a) => a.ageBucket)).toEqual(['up-to-30-days', '31-to-90-days', '91-to-365-days']);
    expect(q.findings).toBe('project = "SMS" AND smsClause IS NOT EMPTY AND labels in ("sms-major-nc", "sms-minor-nc", "sms-observation", "sms-ofi")');
    expect(q.plannedWork).toBe('project = "SMS" AND smsClause IS NOT EMPTY AND issue.property[sms-navigator-plan-item].role IS NOT EMPTY');
    for (const jql of [...Object.values(q.clauses), ...q.statuses.map((s) => s.jql), ...q.ages.map((a) => a.jql), q.findings, q.plannedWork]) expect(jql).not.toMatch(/ORDER BY/i);
  });

  it('places each issue a clause search found in its stratum; an issue in none of the status or age searches is in the last', () => {
    const candidates = candidatesFromHits({
      clauses: { '8.6.1': ['SMS-1', 'SMS-2', 'SMS-3'], '9.2': ['SMS-3'] },
      statuses: [
        { statusCategory: 'new', keys: ['SMS-1'] },
        { statusCategory: 'indeterminate', keys: ['SMS-2'] },
      ],
      ages: [{ ageBucket: 'up-to-30-days', keys: ['SMS-1', 'SMS-3'] }],
      findings: ['SMS-2'],
      plannedWork: [],
    });
    expect(candidates).toEqual([
      { issueKey: 'SMS-1', statusCategory: 'new', ageBucket: 'up-to-30-days', clauses: ['8.6.1'], hasFindingLabel: false, isPlanItem: false },
      { issueKey: 'SMS-2', statusCategory: 'indeterminate', ageBucket: 'over-365-days', clauses: ['8.6.1'], hasFindingLabel: true, isPlanItem: false },
      { issueKey: 'SMS-3', statusCategory: 'done', ageBucket: 'up-to-30-days', clauses: ['8.6.1', '9.2'], hasFindingLabel: false, isPlanItem: false },
    ]);
  });
});
