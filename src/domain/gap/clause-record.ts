/** The rules of a clause result a user sets (src/storage/clause-record-repository.ts stores it). */
import { requireClause } from '../catalogue/catalogue';
import { ValidationError } from '../errors';

/** Most characters of a clause result's note. */
export const CLAUSE_NOTE_MAX = 2000;

/**
 * The note to store with a result set on `clauseId` (trimmed; null when empty or absent). NOT_FOUND for an
 * unknown clause; VALIDATION_FAILED for a heading (results are set on the clauses below it) or a note too long.
 */
export function clauseResultNote(clauseId: string, note: string | null | undefined): string | null {
  const clause = requireClause(clauseId);
  if (!clause.assessable) {
    throw new ValidationError(`Clause ${clauseId} is a heading; set results on the clauses below it.`, { clauseId });
  }
  const trimmed = note === undefined || note === null ? null : note.trim();
  if (trimmed !== null && trimmed.length > CLAUSE_NOTE_MAX) {
    throw new ValidationError(`A note holds at most ${CLAUSE_NOTE_MAX} characters.`, { clauseId, length: trimmed.length });
  }
  return trimmed === '' ? null : trimmed;
}
