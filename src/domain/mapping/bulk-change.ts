/**
 * The pure rules of a bulk clause mapping change (src/services/bulk-mapping.service.ts reads and writes):
 * what the change does to one issue, which issues an undo restores, and how the job ends.
 */
import type { JsonValue } from '../json';
import { EMPTY_MAPPING_VALUE, applyChanges, readMapping, sameValue, toPropertyValue, type ClauseRef, type IssueMapping } from './mapping-property';

/** One issue of a bulk change: its property before (null: it had none) and the value the change writes. */
export interface BulkChangeEntry {
  issueId: string;
  key: string;
  before: JsonValue | null;
  after: JsonValue;
}

/** What a bulk change does to one issue. */
export interface BulkIssueChange {
  before: JsonValue | null;
  after: JsonValue;
  /** The clauses mapped before, in clause order. */
  beforeIds: string[];
  /** The clauses mapped after (as a reader of `after` finds them). */
  afterMapped: ClauseRef[];
  /** The clauses the change adds. */
  added: string[];
}

/** Same clauses, kinds and rejections (other stored fields and key order do not matter). */
const sameMapping = (a: IssueMapping, next: { mapped: readonly ClauseRef[]; rejected: readonly string[] }): boolean =>
  sameValue(toPropertyValue(a.mapped, a.rejected), toPropertyValue(next.mapped, next.rejected));

/** A JSON copy of a stored property value (what the change keeps as the issue's before-state). */
const jsonCopy = (stored: unknown): JsonValue => JSON.parse(JSON.stringify(stored)) as JsonValue;

/**
 * The change that adds `clauses` to an issue holding `stored` (its mapping property as read; undefined: none),
 * or undefined when the issue already holds them (the issue is "unchanged" and left out of the change).
 * Other fields of the stored value are kept.
 */
export function bulkIssueChange(stored: unknown, clauses: readonly ClauseRef[]): BulkIssueChange | undefined {
  const current = readMapping(stored);
  const next = applyChanges(current, clauses.map((c) => ({ action: 'add' as const, clauseId: c.clauseId, kind: c.kind })));
  if (sameMapping(current, next)) return undefined;
  const after = toPropertyValue(next.mapped, next.rejected, current.raw);
  const beforeIds = current.mapped.map((m) => m.clauseId);
  return {
    before: stored === undefined ? null : jsonCopy(stored),
    after,
    beforeIds,
    afterMapped: readMapping(after).mapped,
    added: next.mapped.map((m) => m.clauseId).filter((id) => !beforeIds.includes(id)),
  };
}

/** Clauses a suggestion must not propose for an issue holding `stored`: those mapped and those rejected. */
export function suggestionExclusions(stored: unknown): string[] {
  const current = readMapping(stored);
  return [...current.mapped.map((m) => m.clauseId), ...current.rejected];
}

/** The value an undo writes back for an entry: its before-state, or the empty mapping when it had none. */
export const restoreValue = (e: BulkChangeEntry): JsonValue => e.before ?? EMPTY_MAPPING_VALUE;

export interface UndoClassification<E extends BulkChangeEntry> {
  /** Still holding what the change wrote: the undo restores them. */
  unchangedSince: E[];
  /** Changed after the bulk change (or no longer found): left alone. */
  changedSince: E[];
  /** Already holding their before-state (an earlier undo run wrote them): counted as written. */
  alreadyBefore: E[];
}

/** Splits the entries of an undo by what the issues hold now (`current`: issue id → property; absent: not found). */
export function classifyForUndo<E extends BulkChangeEntry>(entries: readonly E[], current: ReadonlyMap<string, unknown>): UndoClassification<E> {
  const out: UndoClassification<E> = { unchangedSince: [], changedSince: [], alreadyBefore: [] };
  for (const e of entries) {
    const now = current.get(e.issueId);
    if (!current.has(e.issueId)) out.changedSince.push(e);
    else if (sameValue(now, e.after)) out.unchangedSince.push(e);
    else if ((e.before === null && (now === undefined || sameValue(now, EMPTY_MAPPING_VALUE))) || (e.before !== null && sameValue(now, e.before))) out.alreadyBefore.push(e);
    else out.changedSince.push(e);
  }
  return out;
}

/** What a bulk job's run left (its checkpoint), as the ending reads it. */
export interface BulkRunState {
  op: 'apply' | 'undo';
  /** Issues of the change (apply). */
  changeTotal: number;
  written: readonly string[];
  failed: readonly { issueId: string; key: string; message: string }[];
  /** Keys of the issues an undo left alone. */
  skipped: readonly string[];
  /** Undo: the issues it set out to restore (null: not classified). */
  restore: readonly string[] | null;
}

/** The job's ending: failed only when there were failures and nothing was written; the summary, then up to 20 failures. */
export function bulkJobOutcome(run: BulkRunState): { status: 'done' | 'failed'; messages: string[] } {
  const { op, written, failed, skipped } = run;
  const restore = run.restore ?? [];
  const undoTotal = restore.length + (written.length - restore.filter((id) => written.includes(id)).length);
  const summary =
    op === 'apply'
      ? `Mapped ${written.length} of ${run.changeTotal} issues.`
      : `Restored ${written.length} of ${undoTotal} issues${skipped.length > 0 ? `; ${skipped.length} changed since and were left alone` : ''}.`;
  const nothing = failed.length > 0 && written.length === 0;
  return {
    status: nothing ? 'failed' : 'done',
    messages: [nothing ? `Failed: no issue could be changed. ${failed[0]?.key ?? ''}: ${failed[0]?.message ?? ''}` : summary, ...failed.slice(0, 20).map((f) => `${f.key}: ${f.message}`)],
  };
}
