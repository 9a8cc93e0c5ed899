import { coverageRows } from '../../../src/domain/mapping/coverage';
import { clauseIssuesJql } from '../../../src/domain/issue-index';

describe('coverageRows', () => {
  it('counts each issue on the rows of the clauses its mapping names, by status category, in clause order', () => {
    const rows = coverageRows('SMS', [
      { clauseIds: ['8.6.1'], statusCategory: 'done' },
      { clauseIds: ['8.6.1', '10.2'], statusCategory: 'new' },
      { clauseIds: ['10.2'], statusCategory: 'indeterminate' },
    ]);
    expect(rows.map((r) => [r.clauseId, r.total, r.byCategory])).toEqual([
      ['8.6.1', 2, { new: 1, indeterminate: 0, done: 1 }],
      ['10.2', 2, { new: 1, indeterminate: 1, done: 0 }],
    ]);
    expect(rows[0]?.jql).toBe(clauseIssuesJql('SMS', '8.6.1'));
  });

  it('counts an issue mapped to a heading on the rows of the clauses under it, as its link finds it', () => {
    const rows = coverageRows('SMS', [
      { clauseIds: ['8.6'], statusCategory: 'new' },
      { clauseIds: ['8.6.1'], statusCategory: 'done' },
      { clauseIds: ['8.6', '8.6.1'], statusCategory: 'done' },
    ]);
    const byId = Object.fromEntries(rows.map((r) => [r.clauseId, r.total]));
    // 8.6.1: its own two issues and the one mapped to 8.6 only; 8.6: the two issues that name it.
    expect(byId).toEqual({ '8.6': 2, '8.6.1': 3 });
  });

  it('has no rows without mapped issues', () => {
    expect(coverageRows('SMS', [])).toEqual([]);
  });
});
