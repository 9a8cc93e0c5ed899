/**
 * What users recorded per clause for the gap analysis (the conformity result they set, and a note), one
 * record per clause under `gap:clause:<projectId>:<clauseId>`, each with its own version for optimistic
 * concurrency: two people assessing different clauses never collide, and a stale save gets CONFLICT.
 */
import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { type ClauseRecord } from '../domain/gap/gap-model';
import { CLAUSE_NOTE_MAX, clauseResultNote } from '../domain/gap/clause-record';
import { type ConformityResult } from '../domain/vocabulary';
import { conformityResultSchema } from '../domain/vocabulary-schemas';
import type { JsonValue, KeyValueStore } from './kv-store';
import { assertVersion, parseStored, readAll } from './stored-record';
import { clauseRecordKey, clauseRecordPrefix } from './keys';

export const CLAUSE_RECORD_SCHEMA_VERSION = 1;


export const storedClauseRecordSchema = z.object({
  schemaVersion: z.literal(CLAUSE_RECORD_SCHEMA_VERSION),
  projectId: z.string().min(1),
  clauseId: z.string().min(1),
  result: conformityResultSchema.nullable(),
  note: z.string().max(CLAUSE_NOTE_MAX).nullable(),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
  /** The saver's display name at the time of saving, so the published report names people without a lookup. */
  updatedByName: z.string().min(1).max(200).optional(),
});
export type StoredClauseRecord = z.infer<typeof storedClauseRecordSchema>;

export interface ClauseRecordInput {
  result: ConformityResult | null;
  note?: string | null;
}

/** The domain's view of a stored record (what analyseGaps takes). */
export function toClauseRecord(r: StoredClauseRecord): ClauseRecord {
  return {
    clauseId: r.clauseId,
    ...(r.result !== null ? { result: r.result } : {}),
    ...(r.note !== null && r.note !== '' ? { note: r.note } : {}),
    ...(r.result !== null ? { setBy: r.updatedBy, setAt: r.updatedAt } : {}),
    ...(r.result !== null && r.updatedByName !== undefined ? { setByName: r.updatedByName } : {}),
  };
}

export class ClauseRecordRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(projectId: string, clauseId: string): Promise<StoredClauseRecord | undefined> {
    const raw = await this.store.get(clauseRecordKey(projectId, clauseId));
    return raw === undefined ? undefined : this.parse(projectId, raw, clauseId);
  }

  /** Every clause record of the project, in key order. */
  async list(projectId: string): Promise<StoredClauseRecord[]> {
    const entries = await readAll(this.store, clauseRecordPrefix(projectId));
    return entries.map((e) => this.parse(projectId, e.value, e.key));
  }

  /**
   * Sets (or clears, with result null) the user's result for an assessable clause. Refuses with CONFLICT when
   * the record changed after `expectedVersion` (0 = never saved), VALIDATION_FAILED for a heading or a note that
   * is too long, NOT_FOUND for an unknown clause.
   */
  async set(
    projectId: string,
    clauseId: string,
    input: ClauseRecordInput,
    expectedVersion: number,
    accountId: string,
    accountName?: string,
  ): Promise<StoredClauseRecord> {
    const note = clauseResultNote(clauseId, input.note);
    const current = await this.get(projectId, clauseId);
    assertVersion(`The result of clause ${clauseId}`, current, expectedVersion);
    const record: StoredClauseRecord = {
      schemaVersion: CLAUSE_RECORD_SCHEMA_VERSION,
      projectId,
      clauseId,
      result: input.result,
      note,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: accountId,
      ...(accountName !== undefined && accountName !== accountId ? { updatedByName: accountName } : {}),
    };
    await this.store.set(clauseRecordKey(projectId, clauseId), record as unknown as JsonValue);
    return record;
  }

  private parse(projectId: string, raw: unknown, what: string): StoredClauseRecord {
    const record = parseStored(storedClauseRecordSchema, raw, `The clause record ${what}`);
    if (record.projectId !== projectId) {
      throw new ValidationError(`The clause record ${what} belongs to project ${record.projectId}.`);
    }
    return record;
  }
}
