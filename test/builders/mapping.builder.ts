/** Fixed-default builders for issue mapping values and bulk changes (no randomness). */
import type { JsonValue } from '../../src/domain/json';
import type { BulkChangeEntry } from '../../src/domain/mapping/bulk-change';

/** The stored mapping property of an issue mapped to `clauses`, each as a record. */
export function aMappingValue(clauses: readonly string[], rejected: readonly string[] = []): JsonValue {
  return { clauses: [...clauses], kinds: clauses.length > 0 ? ['record'] : [], phases: [], byClause: Object.fromEntries(clauses.map((c) => [c, 'record'])), rejected: [...rejected] };
}

/** One issue of a bulk change: no mapping before, mapped to 8.6.1 after. */
export function aBulkChangeEntry(overrides: Partial<BulkChangeEntry> = {}): BulkChangeEntry {
  return { issueId: '10001', key: 'SMS-1', before: null, after: aMappingValue(['8.6.1']), ...overrides };
}
