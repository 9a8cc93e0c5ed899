import type { ClauseOption } from '../../src/contract/mapping';
import { CLAUSES } from '../../src/domain/catalogue/catalogue';
import { clauseSearchTerms } from '../../src/domain/mapping/clause-search';
import { groupClauses, optionMatches } from '../../static/src/panels/IssuePanel/clause-options';

// The clause picker's search (bulk mapping, unmapped issues, issue panel): the real catalogue and the server's
// search terms, as mapping.service sends them.
const options: ClauseOption[] = CLAUSES.map((c) => ({ id: c.id, title: c.title, parentId: c.parentId, topId: c.id.split('.')[0] ?? c.id, depth: c.depth, terms: clauseSearchTerms(c.id) }));
const choices = groupClauses(options).flatMap((g) => g.options);
const found = (input: string): string[] => choices.filter((o) => optionMatches(o, input)).map((o) => o.value);

describe('the clause picker search', () => {
  it('finds clauses by the suggestion vocabulary', () => {
    expect(found('SLA')).toContain('8.3.3');
    expect(found('known error')).toContain('8.6.3');
    expect(found('KPI')).toContain('9.1');
  });

  it('matches at the start of words: "SLA" does not find 5.2.2 through "translate", "incid" finds incident management', () => {
    expect(clauseSearchTerms('5.2.2')).toContain('translate');
    expect(found('SLA')).not.toContain('5.2.2');
    expect(found('incid')).toContain('8.6.1');
  });

  it('finds a clause number and the clauses under it, not numbers that merely contain it', () => {
    const under86 = found('8.6');
    expect(under86).toEqual(expect.arrayContaining(['8.6.1', '8.6.2', '8.6.3']));
    expect(found('6.1')).not.toContain('8.6.1');
  });

  it('needs every typed word to match somewhere in the label or the terms', () => {
    expect(found('service level')).toContain('8.3.3');
    expect(found('service zzz')).toEqual([]);
  });

  it('leaves out excluded clauses and empty groups', () => {
    const groups = groupClauses(options, new Set(['8.3.3']));
    expect(groups.flatMap((g) => g.options).map((o) => o.value)).not.toContain('8.3.3');
    expect(groups.every((g) => g.options.length > 0)).toBe(true);
  });
});
