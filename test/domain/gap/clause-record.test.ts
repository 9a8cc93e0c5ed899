import { CLAUSE_NOTE_MAX, clauseResultNote } from '../../../src/domain/gap/clause-record';
import { aClauseRecord } from '../../builders/gap.builder';

describe('clauseResultNote', () => {
  const clauseId = aClauseRecord().clauseId;

  it('stores the note trimmed, and no note when it is empty or absent', () => {
    expect(clauseResultNote(clauseId, '  Checked in the audit  ')).toBe('Checked in the audit');
    expect(clauseResultNote(clauseId, '   ')).toBeNull();
    expect(clauseResultNote(clauseId, null)).toBeNull();
    expect(clauseResultNote(clauseId, undefined)).toBeNull();
  });

  it('refuses a result on a heading: results are set on the clauses below it', () => {
    expect(() => clauseResultNote('8', null)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/heading/) }));
  });

  it('refuses a note longer than the limit once trimmed, and an unknown clause', () => {
    expect(clauseResultNote(clauseId, ` ${'x'.repeat(CLAUSE_NOTE_MAX)} `)).toHaveLength(CLAUSE_NOTE_MAX);
    expect(() => clauseResultNote(clauseId, 'x'.repeat(CLAUSE_NOTE_MAX + 1))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: { clauseId, length: CLAUSE_NOTE_MAX + 1 } }));
    expect(() => clauseResultNote('99.9', null)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
