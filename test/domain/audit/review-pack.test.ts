import { REVIEW_SECTION_IDS, buildReviewPack, renderReviewPackAdf } from '../../../src/domain/audit';
import { adfProblems } from '../../../src/services/adf-validation';
import { allNodes } from '../report/validate-adf';
import { aCorrectiveAction, aNonconformity, aReviewPackInput, verifiedEffective } from '../../builders/audit.builder';

const texts = (doc: unknown): string[] => allNodes(doc).flatMap((n) => (typeof n.text === 'string' ? [n.text] : []));
const hrefs = (doc: unknown): string[] =>
  allNodes(doc).flatMap((n) => [
    ...(Array.isArray(n.marks) ? n.marks.flatMap((m) => (typeof (m as { attrs?: { href?: unknown } }).attrs?.href === 'string' ? [(m as { attrs: { href: string } }).attrs.href] : [])) : []),
    ...(typeof n.attrs?.url === 'string' ? [n.attrs.url] : []),
  ]);

describe('management review pack', () => {
  it('has every review input as a section, in order', () => {
    const pack = buildReviewPack(aReviewPackInput());
    expect(pack.sections.map((s) => s.id)).toEqual([...REVIEW_SECTION_IDS]);
  });

  it('assembles the sections from the data', () => {
    const pack = buildReviewPack(aReviewPackInput());
    const section = (id: string) => pack.sections.find((s) => s.id === id);
    expect(section('audit-results')?.figures.map((f) => f.value)).toEqual([1, 2, 1, 0]);
    expect(section('nonconformities')?.figures[0]).toMatchObject({ label: 'Open major nonconformities', value: 1, jql: 'project = "SMS" AND key in ("SMS-100")' });
    expect(section('kpi-trends')?.table?.rows.map((r) => r[0])).toEqual([{ kind: 'text', text: 'Service down time' }]);
    expect(section('customer-satisfaction')?.table?.rows[0]?.[4]).toEqual({ kind: 'status', text: 'Target met', tone: 'good' });
    expect(section('previous-actions')?.figures[1]).toMatchObject({ value: 1, jql: 'project = "SMS" AND key in ("SMS-80")' });
    expect(section('risks')?.table?.rows).toHaveLength(1);
  });

  it('shows a nonconformity as closed once its corrective action is verified as effective', () => {
    const pack = buildReviewPack(aReviewPackInput({ actions: [aCorrectiveAction({ statusCategory: 'done', verification: verifiedEffective() })] }));
    const nc = pack.sections.find((s) => s.id === 'nonconformities');
    expect(nc?.figures[0]?.value).toBe(0);
    expect(nc?.table?.rows[0]?.[3]).toEqual({ kind: 'status', text: 'Closed: action verified as effective', tone: 'good' });
  });

  it('renders valid ADF with each figure, its JQL and a link that opens the search in Jira', () => {
    const doc = renderReviewPackAdf(buildReviewPack(aReviewPackInput()));
    expect(adfProblems(doc)).toEqual([]);
    const all = texts(doc).join('\n');
    expect(all).toContain('Management review: Service Management');
    expect(all).toContain('project = "SMS" AND key in ("SMS-100")');
    expect(hrefs(doc)).toContain(`https://example.atlassian.net/issues/?jql=${encodeURIComponent('project = "SMS" AND key in ("SMS-100")')}`);
    expect(hrefs(doc)).toContain('https://example.atlassian.net/browse/SMS-100');
  });

  it('renders valid ADF with empty data, saying so in each section', () => {
    const doc = renderReviewPackAdf(
      buildReviewPack(aReviewPackInput({ audits: [], nonconformities: [], actions: [], kpis: [], maturity: [], scopeChanges: [], risks: [], previousActions: [] })),
    );
    expect(adfProblems(doc)).toEqual([]);
    expect(texts(doc)).toEqual(expect.arrayContaining(['No internal audit was held in this period.', 'No nonconformity has been raised.', 'The scope did not change in this period.']));
  });

  it('carries hostile text as plain text and refuses a site that is not https', () => {
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) \u202Eevil';
    const doc = renderReviewPackAdf(buildReviewPack(aReviewPackInput({ nonconformities: [aNonconformity({ summary: hostile, issueKey: 'not-a-key' })] })));
    expect(adfProblems(doc)).toEqual([]);
    expect(texts(doc).join(' ')).toContain('<script>alert(1)</script>');
    expect(texts(doc).join(' ')).not.toContain('\u202E');
    expect(hrefs(doc).every((h) => h.startsWith('https://example.atlassian.net/'))).toBe(true);
    expect(() => renderReviewPackAdf(buildReviewPack(aReviewPackInput({ siteBaseUrl: 'javascript:alert(1)' })))).toThrow(/valid URL|https/);
  });
});
