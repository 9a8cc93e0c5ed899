import { CLAUSES } from '../../../src/domain/catalogue/catalogue';
import { coverageRows, tallyMappedIssues } from '../../../src/domain/mapping/coverage';
import { clauseIssuesJql } from '../../../src/domain/issue-index';

const ASSESSABLE = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
const covered = (rows: ReturnType<typeof coverageRows>) => rows.filter((r) => r.total > 0);

describe('coverageRows', () => {
  it('counts each issue on the rows of the clauses its mapping names, by status category; covered rows in clause order', () => {
    const rows = coverageRows('SMS', [
      { clauseIds: ['8.6.1'], statusCategory: 'done' },
      { clauseIds: ['8.6.1', '10.2'], statusCategory: 'new' },
      { clauseIds: ['10.2'], statusCategory: 'indeterminate' },
    ]);
    expect(covered(rows).map((r) => [r.clauseId, r.total, r.byCategory])).toEqual([
      ['8.6.1', 2, { new: 1, indeterminate: 0, done: 1 }],
      ['10.2', 2, { new: 1, indeterminate: 1, done: 0 }],
    ]);
    expect(rows.find((r) => r.clauseId === '8.6.1')?.jql).toBe(clauseIssuesJql('SMS', '8.6.1'));
  });

  it('counts an issue mapped to a heading on the rows of the clauses under it, as its link finds it', () => {
    const rows = coverageRows('SMS', [
      { clauseIds: ['8.6'], statusCategory: 'new' },
      { clauseIds: ['8.6.1'], statusCategory: 'done' },
      { clauseIds: ['8.6', '8.6.1'], statusCategory: 'done' },
    ]);
    const byId = Object.fromEntries(covered(rows).map((r) => [r.clauseId, r.total]));
    // 8.6.1: its own two issues and the one mapped to 8.6 only; 8.6: the two issues that name it; 8.6.2 and 8.6.3
    // sit under the heading 8.6 as well, so the two issues that name 8.6 count there too.
    expect(byId['8.6.1']).toBe(3);
    expect(byId['8.6']).toBe(2);
  });

  it('lists every assessable clause, the uncovered ones (the gaps) first, then the covered ones', () => {
    const rows = coverageRows('SMS', [{ clauseIds: ['4.1'], statusCategory: 'done' }]);
    expect(new Set(rows.map((r) => r.clauseId))).toEqual(new Set([...ASSESSABLE, '4.1']));
    expect(rows.at(-1)).toMatchObject({ clauseId: '4.1', total: 1 });
    expect(rows.slice(0, -1).every((r) => r.total === 0)).toBe(true);
  });

  it('without mapped issues every assessable clause is listed as uncovered', () => {
    const rows = coverageRows('SMS', []);
    expect(rows.map((r) => r.clauseId).sort()).toEqual([...ASSESSABLE].sort());
    expect(rows.every((r) => r.total === 0)).toBe(true);
  });

  it('marks the assessable rows, so a view counts the same clauses as the gap report', () => {
    const rows = coverageRows('SMS', [{ clauseIds: ['8.6'], statusCategory: 'done' }]);
    expect(rows.filter((r) => r.assessable).map((r) => r.clauseId).sort()).toEqual([...ASSESSABLE].sort());
    expect(rows.find((r) => r.clauseId === '8.6')?.assessable).toBe(false);
  });
});

describe('tallyMappedIssues', () => {
  it('counts every mapped issue once, and of them the evidence, the audit findings and the planned work', () => {
    const tally = tallyMappedIssues([
      { clauseIds: ['8.6.1', '8.6.3'], statusCategory: 'done', role: 'evidence' },
      { clauseIds: ['10.2'], statusCategory: 'new', role: 'evidence' },
      { clauseIds: ['8.7.1'], statusCategory: 'new', role: 'finding' },
      { clauseIds: ['8.1'], statusCategory: 'indeterminate', role: 'planned_work' },
      { clauseIds: [], statusCategory: 'new', role: 'evidence' },
    ]);
    expect(tally).toEqual({ mapped: 4, evidence: 2, findings: 1, plannedWork: 1 });
  });

  it('an issue mapped only to a clause the catalogue does not know is mapped but not evidence (the gap report ignores it)', () => {
    expect(tallyMappedIssues([{ clauseIds: ['99.9'], statusCategory: 'done', role: 'evidence' }])).toEqual({ mapped: 1, evidence: 0, findings: 0, plannedWork: 0 });
  });
});
