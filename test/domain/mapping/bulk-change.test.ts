import { bulkIssueChange, bulkJobOutcome, classifyForUndo, restoreValue, suggestionExclusions } from '../../../src/domain/mapping/bulk-change';
import { EMPTY_MAPPING_VALUE } from '../../../src/domain/mapping/mapping-property';
import { aBulkChangeEntry, aMappingValue } from '../../builders/mapping.builder';

describe('bulkIssueChange', () => {
  it('adds the clauses to an unmapped issue and records that it had no property', () => {
    const change = bulkIssueChange(undefined, [{ clauseId: '8.6.1', kind: 'procedure' }]);
    expect(change).toMatchObject({ before: null, beforeIds: [], added: ['8.6.1'], afterMapped: [{ clauseId: '8.6.1', kind: 'procedure' }] });
  });

  it('keeps the clauses already mapped and the fields other features own', () => {
    const stored = { ...(aMappingValue(['4.1']) as object), phases: ['phase-1'], owner: 'someone' };
    const change = bulkIssueChange(stored, [{ clauseId: '8.6.1', kind: 'record' }]);
    expect(change?.beforeIds).toEqual(['4.1']);
    expect(change?.added).toEqual(['8.6.1']);
    expect(change?.after).toMatchObject({ clauses: ['4.1', '8.6.1'], phases: ['phase-1'], owner: 'someone' });
    expect(change?.before).toEqual(stored);
    expect(change?.before).not.toBe(stored);
  });

  it('is no change when the issue already holds the clauses, whatever the key order of the stored value', () => {
    const reordered = { rejected: [], byClause: { '8.6.1': 'record' }, phases: [], kinds: ['record'], clauses: ['8.6.1'] };
    expect(bulkIssueChange(reordered, [{ clauseId: '8.6.1', kind: 'record' }])).toBeUndefined();
  });
});

describe('suggestionExclusions', () => {
  it('names the mapped and the rejected clauses', () => {
    expect(suggestionExclusions(aMappingValue(['4.1'], ['8.6.1']))).toEqual(['4.1', '8.6.1']);
    expect(suggestionExclusions(undefined)).toEqual([]);
  });
});

describe('classifyForUndo', () => {
  const wrote = aBulkChangeEntry({ issueId: '1', key: 'SMS-1' });
  const hadOther = aBulkChangeEntry({ issueId: '2', key: 'SMS-2', before: aMappingValue(['4.1']), after: aMappingValue(['4.1', '8.6.1']) });
  const gone = aBulkChangeEntry({ issueId: '3', key: 'SMS-3' });
  const edited = aBulkChangeEntry({ issueId: '4', key: 'SMS-4' });
  const restoredEmpty = aBulkChangeEntry({ issueId: '5', key: 'SMS-5' });

  it('restores issues still holding what the change wrote, counts those already back as written, leaves the rest alone', () => {
    const current = new Map<string, unknown>([
      ['1', aMappingValue(['8.6.1'])],
      ['2', aMappingValue(['4.1'])],
      ['4', aMappingValue(['9.1'])],
      ['5', EMPTY_MAPPING_VALUE],
    ]);
    const out = classifyForUndo([wrote, hadOther, gone, edited, restoredEmpty], current);
    expect(out.unchangedSince.map((e) => e.key)).toEqual(['SMS-1']);
    expect(out.alreadyBefore.map((e) => e.key)).toEqual(['SMS-2', 'SMS-5']);
    expect(out.changedSince.map((e) => e.key)).toEqual(['SMS-3', 'SMS-4']);
  });

  it('counts an issue without the property as back at "no mapping"', () => {
    expect(classifyForUndo([wrote], new Map([['1', undefined]])).alreadyBefore).toEqual([wrote]);
  });

  it('restores the before-state, or the empty mapping for an issue that had none', () => {
    expect(restoreValue(hadOther)).toEqual(aMappingValue(['4.1']));
    expect(restoreValue(wrote)).toEqual(EMPTY_MAPPING_VALUE);
  });
});

describe('bulkJobOutcome', () => {
  const run = { op: 'apply' as const, changeTotal: 3, written: ['1', '2'], failed: [{ issueId: '3', key: 'SMS-3', message: 'not editable' }], skipped: [], restore: null };

  it('an apply sums up what it mapped and lists each failure', () => {
    expect(bulkJobOutcome(run)).toEqual({ status: 'done', messages: ['Mapped 2 of 3 issues.', 'SMS-3: not editable'] });
  });

  it('fails only when nothing at all could be written, with the first reason', () => {
    expect(bulkJobOutcome({ ...run, written: [] })).toEqual({ status: 'failed', messages: ['Failed: no issue could be changed. SMS-3: not editable', 'SMS-3: not editable'] });
  });

  it('an undo counts what it set out to restore plus what was already back, and says what it left alone', () => {
    const undo = { op: 'undo' as const, changeTotal: 5, written: ['1', '2', '5'], failed: [], skipped: ['SMS-4'], restore: ['1'] };
    expect(bulkJobOutcome(undo).messages).toEqual(['Restored 3 of 3 issues; 1 changed since and were left alone.']);
  });
});
