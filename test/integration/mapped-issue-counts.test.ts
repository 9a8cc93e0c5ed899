import type { CoverageResponse } from '../../src/contract/mapping';
import type { GapReportView } from '../../src/contract/gap-report';
import { CLAUSES } from '../../src/domain/catalogue/catalogue';
import { ADMIN, useSandboxHarness } from './support/sandbox-harness';

// Issue 15, point 10 ("44 mapped" beside "40 mapped issues"): the Clause mapping view's coverage and the Gap
// report read the seeded demo project and must agree on every figure both show: the issues that serve as
// evidence and the assessable clauses, and the coverage's parts must add up to its mapped issues.
jest.setTimeout(120_000);

const harness = useSandboxHarness('sms-nav-counts');

describe('one source for each count', () => {
  it('coverage and gap report give the same evidence figure and the same clauses on the seeded project', async () => {
    const coverage = await harness.invoke<CoverageResponse>('getCoverage', ADMIN, {});
    const gap = await harness.invoke<GapReportView>('getGapReport', ADMIN, {});
    expect(coverage.ok).toBe(true);
    expect(gap.ok).toBe(true);
    const t = coverage.data.issues;
    // The seed has audit findings mapped to clauses: the mapped issues are more than the evidence.
    expect(t.findings).toBeGreaterThan(0);
    expect(t.mapped).toBe(t.evidence + t.findings + t.plannedWork);
    expect(t.evidence).toBe(gap.data.evidenceCount);
    const assessable = coverage.data.clauses.filter((c) => c.assessable);
    expect(assessable).toHaveLength(CLAUSES.filter((c) => c.assessable).length);
    expect(assessable).toHaveLength(gap.data.clauses.length);
  });
});
