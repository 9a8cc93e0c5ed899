import {
  FINDING_CONVENTION_TEXT,
  FINDING_LABELS,
  FINDING_LABEL_ROWS,
  analyseGaps,
  distinctFindings,
  findingGradeOfLabel,
  findingGradeOfLabels,
  findingsFromIssue,
  type FindingSourceIssue,
} from '../../../src/domain/gap';
import { FINDING_GRADES } from '../../../src/domain/vocabulary';
import { aFinding, aGapInput, anEvidence, gapOptions } from '../../builders/gap.builder';

function anIssue(overrides: Partial<FindingSourceIssue> = {}): FindingSourceIssue {
  return { issueKey: 'SMS-7', summary: 'Availability not measured', labels: ['sms-major-nc'], statusCategory: 'indeterminate', clauses: ['8.7.1'], ...overrides };
}

describe('finding labels', () => {
  it('gives every grade its own label, listed once for people', () => {
    expect(FINDING_LABELS).toEqual({ major_nc: 'sms-major-nc', minor_nc: 'sms-minor-nc', observation: 'sms-observation', opportunity_for_improvement: 'sms-ofi' });
    expect(FINDING_LABEL_ROWS.map((r) => r.grade)).toEqual([...FINDING_GRADES]);
    for (const row of FINDING_LABEL_ROWS) expect(FINDING_CONVENTION_TEXT).toContain(row.label);
  });

  it('reads the grade of a label, ignoring case and surrounding spaces; other labels give none', () => {
    expect(findingGradeOfLabel('sms-minor-nc')).toBe('minor_nc');
    expect(findingGradeOfLabel(' SMS-OFI ')).toBe('opportunity_for_improvement');
    expect(findingGradeOfLabel('audit')).toBeUndefined();
    expect(findingGradeOfLabel('sms-major')).toBeUndefined();
    expect(findingGradeOfLabel('')).toBeUndefined();
  });

  it('takes the most severe grade when an issue carries several finding labels', () => {
    expect(findingGradeOfLabels(['audit', 'sms-observation', 'sms-minor-nc'])).toBe('minor_nc');
    expect(findingGradeOfLabels(['sms-ofi', 'sms-major-nc', 'sms-minor-nc'])).toBe('major_nc');
    expect(findingGradeOfLabels(['audit', 'customer-impact'])).toBeUndefined();
    expect(findingGradeOfLabels([])).toBeUndefined();
  });
});

describe('findingsFromIssue', () => {
  it('turns a labelled, mapped issue into one open finding per mapped clause, keyed by the issue', () => {
    expect(findingsFromIssue(anIssue({ clauses: ['8.7.1', '9.1', '8.7.1'] }))).toEqual([
      { id: 'SMS-7', grade: 'major_nc', clauseId: '8.7.1', open: true, summary: 'Availability not measured' },
      { id: 'SMS-7', grade: 'major_nc', clauseId: '9.1', open: true, summary: 'Availability not measured' },
    ]);
  });

  it('keeps a nonconformity open until a corrective action on it is verified as effective, whatever its status', () => {
    expect(findingsFromIssue(anIssue({ statusCategory: 'done' })).map((f) => f.open)).toEqual([true]);
    expect(findingsFromIssue(anIssue({ labels: ['sms-minor-nc'], statusCategory: 'done' })).map((f) => f.open)).toEqual([true]);
    expect(findingsFromIssue(anIssue({ statusCategory: 'new', effectivenessVerified: true })).map((f) => f.open)).toEqual([false]);
    expect(findingsFromIssue(anIssue({ statusCategory: 'indeterminate' })).map((f) => f.open)).toEqual([true]);
  });

  it('counts an observation or an opportunity for improvement as closed when its status category is done', () => {
    expect(findingsFromIssue(anIssue({ labels: ['sms-observation'], statusCategory: 'done' })).map((f) => f.open)).toEqual([false]);
    expect(findingsFromIssue(anIssue({ labels: ['sms-ofi'], statusCategory: 'new' })).map((f) => f.open)).toEqual([true]);
    expect(findingsFromIssue(anIssue({ labels: ['sms-observation'], statusCategory: 'new', effectivenessVerified: true })).map((f) => f.open)).toEqual([true]);
  });

  it('gives no finding for an issue without a finding label or without a mapped clause', () => {
    expect(findingsFromIssue(anIssue({ labels: ['audit', 'sms-major'] }))).toEqual([]);
    expect(findingsFromIssue(anIssue({ labels: [] }))).toEqual([]);
    expect(findingsFromIssue(anIssue({ clauses: [] }))).toEqual([]);
  });

  it('uses the most severe grade of mixed labels', () => {
    expect(findingsFromIssue(anIssue({ labels: ['sms-observation', 'audit', 'SMS-MINOR-NC'] })).map((f) => f.grade)).toEqual(['minor_nc']);
  });
});

describe('distinctFindings', () => {
  it('lists each issue once with its most severe grade, most severe first, then in key order', () => {
    const list = distinctFindings([
      aFinding({ id: 'SMS-10', grade: 'observation' }),
      aFinding({ id: 'SMS-9', grade: 'observation' }),
      aFinding({ id: 'SMS-3', grade: 'minor_nc', clauseId: '8.5.1.1' }),
      aFinding({ id: 'SMS-3', grade: 'minor_nc', clauseId: '8.5.1.2' }),
      aFinding({ id: 'SMS-20', grade: 'major_nc' }),
    ]);
    expect(list.map((f) => `${f.id}:${f.grade}`)).toEqual(['SMS-20:major_nc', 'SMS-3:minor_nc', 'SMS-9:observation', 'SMS-10:observation']);
  });
});

describe('findings read from issues in the gap analysis', () => {
  it('makes the clause of an open major nonconformity nonconformant with an open_nonconformity warning; a verified one does nothing', () => {
    const findings = [
      ...findingsFromIssue(anIssue()),
      ...findingsFromIssue(anIssue({ issueKey: 'SMS-8', labels: ['sms-minor-nc'], statusCategory: 'done', clauses: ['8.6.1'], effectivenessVerified: true })),
    ];
    const gaps = analyseGaps(aGapInput({ evidence: [anEvidence({ issueKey: 'SMS-1', clauses: ['8.6.1', '8.7.1'] })], findings }), gapOptions());
    const availability = gaps.clauses.find((c) => c.clauseId === '8.7.1');
    expect(availability).toMatchObject({ result: 'nonconformant', ruleId: 'open-major-nc' });
    expect(availability?.warnings.find((w) => w.code === 'open_nonconformity')?.refs).toEqual(['SMS-7']);
    const incident = gaps.clauses.find((c) => c.clauseId === '8.6.1');
    expect(incident?.openFindings).toEqual([]);
    expect(incident?.warnings.map((w) => w.code)).not.toContain('open_nonconformity');
  });
});
