/**
 * The issue entity property `sms-navigator-mapping`: the only place an issue's clause mapping lives.
 * Entity properties are readable by anyone who can browse the issue, so it holds clause ids and evidence
 * kinds only. Shape (the manifest indexes `clauses`, `phases` and `kinds` for JQL: smsClause, smsPhase,
 * smsEvidence):
 *   { clauses: ["8.5.1", "8.6.1"],                 sorted, each a catalogue clause id
 *     kinds: ["record"],                           distinct kinds used, sorted (for smsEvidence)
 *     byClause: { "8.5.1": "record", "8.6.1": "record" },
 *     phases: [...],                               kept as found (set by the epic sync)
 *     rejected: ["9.2"] }                          suggestions the users turned down for this issue
 * Values written by others (the seed, the epic sync) may lack `byClause`; the kinds are then read in
 * parallel to the clauses, or the single kind applies to all. Unknown fields are kept on write.
 */
import { z } from 'zod';
import { compareClauseIds, getClause, isClauseId, sortClauseIds } from '../catalogue/catalogue';
import { ValidationError } from '../errors';
import { MAPPING_PROPERTY_KEY } from '../issue-index';
import type { JsonValue } from '../json';
import { EVIDENCE_KINDS, type EvidenceKind } from '../vocabulary';
import { evidenceKindSchema } from '../vocabulary-schemas';

export { MAPPING_PROPERTY_KEY };

/** One clause an issue is mapped to, with the kind of evidence the issue gives for it. */
export interface ClauseRef {
  clauseId: string;
  kind: EvidenceKind;
}

/** One change the issue panel asks for. */
export type IssueClauseChange =
  | { action: 'add'; clauseId: string; kind: EvidenceKind }
  | { action: 'setKind'; clauseId: string; kind: EvidenceKind }
  | { action: 'remove'; clauseId: string }
  | { action: 'reject'; clauseId: string }
  | { action: 'unreject'; clauseId: string };
/** Most clauses one issue may be mapped to, and most rejections remembered. */
export const MAX_CLAUSES_PER_ISSUE = 50;
export const MAX_REJECTED_PER_ISSUE = 100;
export const DEFAULT_EVIDENCE_KIND: EvidenceKind = 'record';

const storedSchema = z.looseObject({
  clauses: z.array(z.string()).optional(),
  kinds: z.array(z.string()).optional(),
  phases: z.array(z.string()).optional(),
  byClause: z.record(z.string(), z.string()).optional(),
  rejected: z.array(z.string()).optional(),
});

export interface IssueMapping {
  /** In clause order, one entry per clause. */
  mapped: ClauseRef[];
  rejected: string[];
  /** The stored object as found (fields other features own are written back untouched). */
  raw: Record<string, unknown>;
}

const isKind = (k: unknown): k is EvidenceKind => evidenceKindSchema.safeParse(k).success;

/** Reads a stored value leniently: unknown clause ids and kinds are dropped, a non-object is "unmapped". */
export function readMapping(value: unknown): IssueMapping {
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) return { mapped: [], rejected: [], raw: {} };
  const v = parsed.data;
  const clauses = [...new Set((v.clauses ?? []).filter(isClauseId))];
  const kinds = v.kinds ?? [];
  const mapped = sortClauseIds(clauses).map((clauseId): ClauseRef => {
    const own = v.byClause?.[clauseId];
    const parallel = kinds.length === (v.clauses ?? []).length ? kinds[(v.clauses ?? []).indexOf(clauseId)] : undefined;
    const single = kinds.length === 1 ? kinds[0] : undefined;
    const kind = [own, parallel, single].find(isKind) ?? DEFAULT_EVIDENCE_KIND;
    return { clauseId, kind };
  });
  const rejected = sortClauseIds([...new Set((v.rejected ?? []).filter(isClauseId))]).filter(
    (id) => !clauses.includes(id),
  );
  return { mapped, rejected, raw: v as Record<string, unknown> };
}

/** The value to store for `mapped` and `rejected`, keeping the other fields of `raw`. Deterministic. */
export function toPropertyValue(mapped: readonly ClauseRef[], rejected: readonly string[], raw: Record<string, unknown> = {}): JsonValue {
  const sorted = [...mapped].sort((a, b) => compareClauseIds(a.clauseId, b.clauseId));
  const byClause: Record<string, string> = {};
  for (const m of sorted) byClause[m.clauseId] = m.kind;
  const kinds = EVIDENCE_KINDS.filter((k) => sorted.some((m) => m.kind === k));
  const phases = Array.isArray(raw.phases) ? raw.phases.filter((p): p is string => typeof p === 'string') : [];
  const mappedIds = new Set(sorted.map((m) => m.clauseId));
  return {
    ...(raw as Record<string, JsonValue>),
    clauses: sorted.map((m) => m.clauseId),
    kinds: [...kinds],
    phases,
    byClause,
    rejected: sortClauseIds([...new Set(rejected)].filter((id) => !mappedIds.has(id))),
  };
}

/** Clause ids not in the catalogue; throws VALIDATION_FAILED naming them. */
export function assertKnownClauses(ids: readonly string[]): void {
  const unknown = [...new Set(ids.filter((id) => !isClauseId(id)))];
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown clause ${unknown.length === 1 ? 'id' : 'ids'}: ${unknown.join(', ')}. Use clause numbers of ISO/IEC 20000-1:2018.`, {
      unknownClauseIds: unknown,
    });
  }
}

/** Applies the panel's changes to a mapping (pure). Unknown ids are refused before anything changes. */
export function applyChanges(current: IssueMapping, changes: readonly IssueClauseChange[]): { mapped: ClauseRef[]; rejected: string[] } {
  assertKnownClauses(changes.map((c) => c.clauseId));
  const mapped = new Map(current.mapped.map((m) => [m.clauseId, m.kind]));
  const rejected = new Set(current.rejected);
  for (const c of changes) {
    switch (c.action) {
      case 'add':
        mapped.set(c.clauseId, c.kind);
        rejected.delete(c.clauseId);
        break;
      case 'setKind':
        if (!mapped.has(c.clauseId)) throw new ValidationError(`Clause ${c.clauseId} is not mapped to this issue.`, { clauseId: c.clauseId });
        mapped.set(c.clauseId, c.kind);
        break;
      case 'remove':
        mapped.delete(c.clauseId);
        break;
      case 'reject':
        mapped.delete(c.clauseId);
        rejected.add(c.clauseId);
        break;
      case 'unreject':
        rejected.delete(c.clauseId);
        break;
    }
  }
  if (mapped.size > MAX_CLAUSES_PER_ISSUE) {
    throw new ValidationError(`An issue can be mapped to at most ${MAX_CLAUSES_PER_ISSUE} clauses.`, { count: mapped.size });
  }
  const rejectedList = sortClauseIds([...rejected]).slice(0, MAX_REJECTED_PER_ISSUE);
  return { mapped: [...mapped].map(([clauseId, kind]) => ({ clauseId, kind })), rejected: rejectedList };
}

/** Order-insensitive JSON equality of two stored values (keys sorted), for "already holds the target". */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

export function stableJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/** The value an undo writes for an issue that had no mapping before (a bulk delete is not available). */
export const EMPTY_MAPPING_VALUE: JsonValue = { clauses: [], kinds: [], phases: [], byClause: {}, rejected: [] };

export const clauseTitle = (id: string): string => getClause(id)?.title ?? id;
