import { plural } from '../../src/domain/plural';
import { asEvidence, mappedIssuesInWords } from '../../src/domain/mapping/mapped-issue-words';

describe('plural', () => {
  it('writes the singular for exactly one and the plural otherwise, with a given irregular plural', () => {
    expect(plural(1, 'version')).toBe('1 version');
    expect(plural(0, 'version')).toBe('0 versions');
    expect(plural(2, 'issue')).toBe('2 issues');
    expect(plural(1, 'process', 'processes')).toBe('1 process');
    expect(plural(3, 'open nonconformity', 'open nonconformities')).toBe('3 open nonconformities');
  });
});

describe('the mapped-issue figures in words', () => {
  it('names the evidence figure the gap report shows, and the parts of the tally', () => {
    expect(asEvidence(1)).toBe('1 issue as evidence');
    expect(asEvidence(40)).toBe('40 issues as evidence');
    expect(mappedIssuesInWords({ mapped: 44, evidence: 40, findings: 4, plannedWork: 0 })).toBe('44 mapped issues: 40 as evidence, 4 audit findings');
    expect(mappedIssuesInWords({ mapped: 1, evidence: 0, findings: 0, plannedWork: 1 })).toBe('1 mapped issue: 0 as evidence, 1 planned work item (not evidence)');
    expect(mappedIssuesInWords({ mapped: 3, evidence: 1, findings: 1, plannedWork: 0 })).toBe('3 mapped issues: 1 as evidence, 1 audit finding, 1 mapped only to clauses the catalogue does not know');
  });
});
