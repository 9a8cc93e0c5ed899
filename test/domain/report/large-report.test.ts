import { CLAUSES } from '../../../src/domain/catalogue/catalogue';
import { analyseGaps } from '../../../src/domain/gap';
import { REPORT_DEFAULTS, buildGapReportAdf, estimateAdfBytes, splitReportByGroup } from '../../../src/domain/report';
import { aGapInput, gapOptions, manyEvidence } from '../../builders/gap.builder';
import { SITE, aReportInput } from '../../builders/report.builder';
import { adfErrors, allNodes, plainText } from './validate-adf';

const PAGE_BUDGET_BYTES = 5_000_000;
const assessable = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
// Long, multi-byte summaries so the size bound is tested near the worst case the caps allow.
const longSummary = (i: number): string => `Evidence ${i} — ${'Überprüfung der Änderungen 🚀 '.repeat(20)}`;

describe('gap report for 10,000 evidence items', () => {
  const gaps = analyseGaps(aGapInput({ evidence: manyEvidence(10_000, assessable, longSummary) }), gapOptions());
  const input = aReportInput({ gaps });
  const report = buildGapReportAdf(input);

  it('stays under 5,000,000 bytes serialized and is valid ADF', () => {
    expect(gaps.evidenceCount).toBe(10_000);
    expect(estimateAdfBytes(report)).toBeLessThan(PAGE_BUDGET_BYTES);
    expect(adfErrors(report)).toEqual([]);
  });

  it('caps inline cards per clause and links the rest through a JQL search on smsClause', () => {
    const cards = allNodes(report).filter((n) => n.type === 'inlineCard' && String(n.attrs?.url).includes('/browse/SMS-'));
    const phaseEpics = input.phases.filter((p) => p.epicKey).length;
    expect(cards.length - phaseEpics).toBe(assessable.length * REPORT_DEFAULTS.maxEvidencePerClause);

    const links = allNodes(report).filter((n) => n.type === 'text' && n.marks?.length);
    const more = links.filter((n) => /^and \d+ more/.test(n.text ?? ''));
    expect(more).toHaveLength(assessable.length);
    const first = more[0];
    const perClause = gaps.clauses[0]?.evidence.length ?? 0;
    expect(first?.text).toBe(`and ${perClause - REPORT_DEFAULTS.maxEvidencePerClause} more (open the search in Jira)`);
    const href = String((first?.marks?.[0] as { attrs?: { href?: string } }).attrs?.href);
    expect(href.startsWith(`${SITE}/issues/?jql=`)).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf('=') + 1))).toBe('project = "SMS" AND smsClause in ("4.1", "4") AND smsPlan IS EMPTY AND (labels IS EMPTY OR labels NOT IN ("sms-major-nc", "sms-minor-nc", "sms-observation", "sms-ofi")) ORDER BY key ASC');
  });

  it('still fits when all 10,000 items sit on one clause', () => {
    const one = analyseGaps(aGapInput({ evidence: manyEvidence(10_000, ['8.6.1'], longSummary) }), gapOptions());
    const doc = buildGapReportAdf(aReportInput({ gaps: one }));
    expect(estimateAdfBytes(doc)).toBeLessThan(PAGE_BUDGET_BYTES);
    expect(plainText(doc)).toContain('and 9990 more');
  });

  it('splits into group pages that together hold every clause', () => {
    const split = splitReportByGroup(input);
    const sizes = split.groups.map((g) => estimateAdfBytes(g.doc));
    expect(Math.max(...sizes)).toBeLessThan(estimateAdfBytes(report));
    expect(split.groups.reduce((n, g) => n + allNodes(g.doc).filter((x) => x.type === 'tableRow').length - 1, 0)).toBe(assessable.length);
  });
});
