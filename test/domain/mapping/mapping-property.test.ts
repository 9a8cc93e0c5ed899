import { CLAUSES } from '../../../src/domain/catalogue/catalogue';
import {
  EMPTY_MAPPING_VALUE,
  MAX_CLAUSES_PER_ISSUE,
  applyChanges,
  assertKnownClauses,
  readMapping,
  sameValue,
  toPropertyValue,
} from '../../../src/domain/mapping/mapping-property';

describe('the issue property codec (sms-navigator-mapping)', () => {
  it('reads byClause kinds, sorts clauses in clause order and drops unknown ids and kinds', () => {
    const m = readMapping({ clauses: ['9.2', '8.6.1', 'nope', '8.6.1'], byClause: { '8.6.1': 'procedure', '9.2': 'bogus' }, rejected: ['10.2', '8.6.1'] });
    expect(m.mapped).toEqual([
      { clauseId: '8.6.1', kind: 'procedure' },
      { clauseId: '9.2', kind: 'record' },
    ]);
    // A rejection of a mapped clause does not stand.
    expect(m.rejected).toEqual(['10.2']);
  });

  it('reads values written by others: kinds parallel to the clauses, or one kind for all', () => {
    expect(readMapping({ clauses: ['8.1', '8.2'], kinds: ['policy', 'plan'] }).mapped).toEqual([
      { clauseId: '8.1', kind: 'policy' },
      { clauseId: '8.2', kind: 'plan' },
    ]);
    expect(readMapping({ clauses: ['8.1', '8.2'], kinds: ['procedure'] }).mapped.map((c) => c.kind)).toEqual(['procedure', 'procedure']);
  });

  it('treats anything that is not an object as unmapped', () => {
    for (const v of [undefined, null, 'x', 3, ['8.1']]) expect(readMapping(v)).toEqual({ mapped: [], rejected: [], raw: {} });
  });

  it('writes a deterministic value that keeps the fields other features own and reads back the same', () => {
    const raw = { phases: ['phase-1'], owner: 'epic-sync' };
    const value = toPropertyValue([{ clauseId: '9.2', kind: 'record' }, { clauseId: '8.6.1', kind: 'procedure' }], ['10.2', '9.2'], raw);
    expect(value).toEqual({
      owner: 'epic-sync',
      clauses: ['8.6.1', '9.2'],
      kinds: expect.arrayContaining(['procedure', 'record']),
      phases: ['phase-1'],
      byClause: { '8.6.1': 'procedure', '9.2': 'record' },
      rejected: ['10.2'],
    });
    const again = readMapping(value);
    expect(sameValue(toPropertyValue(again.mapped, again.rejected, again.raw), value)).toBe(true);
  });

  it('the empty mapping reads as none', () => {
    expect(readMapping(EMPTY_MAPPING_VALUE)).toMatchObject({ mapped: [], rejected: [] });
  });

  it('applies the panel changes in order, refusing unknown clauses before anything changes', () => {
    const current = readMapping({ clauses: ['8.1'], byClause: { '8.1': 'record' }, rejected: ['9.2'] });
    const next = applyChanges(current, [
      { action: 'add', clauseId: '9.2', kind: 'plan' },
      { action: 'setKind', clauseId: '8.1', kind: 'policy' },
      { action: 'reject', clauseId: '10.2' },
    ]);
    expect(next).toEqual({ mapped: [{ clauseId: '8.1', kind: 'policy' }, { clauseId: '9.2', kind: 'plan' }], rejected: ['10.2'] });
    expect(() => applyChanges(current, [{ action: 'add', clauseId: '99.9', kind: 'record' }])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => applyChanges(current, [{ action: 'setKind', clauseId: '9.3', kind: 'record' }])).toThrow(/not mapped/);
  });

  it('refuses more clauses than an issue may hold', () => {
    const changes = CLAUSES.slice(0, MAX_CLAUSES_PER_ISSUE + 1).map((c) => ({ action: 'add' as const, clauseId: c.id, kind: 'record' as const }));
    expect(changes.length).toBeGreaterThan(MAX_CLAUSES_PER_ISSUE);
    expect(() => applyChanges(readMapping({}), changes)).toThrow(/at most/);
  });

  it('names every unknown clause id', () => {
    expect(() => assertKnownClauses(['8.1', 'x', 'y', 'x'])).toThrow(expect.objectContaining({ details: { unknownClauseIds: ['x', 'y'] } }));
    expect(() => assertKnownClauses(['8.1'])).not.toThrow();
  });
});
