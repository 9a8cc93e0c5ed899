/**
 * The SMS scope of a project, versioned: every save writes a new immutable version record
 * (`scope:version:<projectId>:<n>`) and moves the head (`scope:head:<projectId>`) in one transaction.
 * Saves carry the version the user loaded; a stale one is refused with CONFLICT naming who saved last.
 */
import { z } from 'zod';
import { assertFitsValueLimit } from '../domain/assessment/record-size';
import { NotFoundError } from '../domain/errors';
import { type Scope, type ScopeVersion, type ScopeVersionInfo, createScopeVersion, scopeVersionSchema, versionInfo } from '../domain/scope';
import type { JsonValue, KeyValueStore } from './kv-store';
import { scopeHeadKey, scopeVersionKey, scopeVersionPrefix } from './keys';
import { assertVersion, parseStored, readAll } from './stored-record';

export const SCOPE_RECORD_SCHEMA_VERSION = 1;

export const scopeHeadRecordSchema = z.object({
  schemaVersion: z.literal(SCOPE_RECORD_SCHEMA_VERSION),
  projectId: z.string().min(1),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
});
export type ScopeHeadRecord = z.infer<typeof scopeHeadRecordSchema>;

export const scopeVersionRecordSchema = z.object({
  schemaVersion: z.literal(SCOPE_RECORD_SCHEMA_VERSION),
  projectId: z.string().min(1),
  entry: scopeVersionSchema,
});
export type ScopeVersionRecord = z.infer<typeof scopeVersionRecordSchema>;

export class ScopeRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async getHead(projectId: string): Promise<ScopeHeadRecord | undefined> {
    const raw = await this.store.get(scopeHeadKey(projectId));
    return raw === undefined ? undefined : parseStored(scopeHeadRecordSchema, raw, `The scope head of project ${projectId}`);
  }

  /** The current version, or undefined before the first save. */
  async getCurrent(projectId: string): Promise<ScopeVersion | undefined> {
    const head = await this.getHead(projectId);
    return head === undefined ? undefined : this.getVersion(projectId, head.version);
  }

  /** One saved version; NOT_FOUND when there is no such version. */
  async getVersion(projectId: string, version: number): Promise<ScopeVersion> {
    const raw = await this.store.get(scopeVersionKey(projectId, version));
    if (raw === undefined) throw new NotFoundError(`Version ${version} of the scope does not exist.`, { version });
    return parseStored(scopeVersionRecordSchema, raw, `Scope version ${version} of project ${projectId}`).entry;
  }

  /** Who saved which version when, and why: newest first. */
  async history(projectId: string): Promise<ScopeVersionInfo[]> {
    const entries = await readAll(this.store, scopeVersionPrefix(projectId));
    return entries
      .map((e) => versionInfo(parseStored(scopeVersionRecordSchema, e.value, `Scope version ${e.key}`).entry))
      .sort((a, b) => b.version - a.version);
  }

  /**
   * Saves `scope` as version `expectedVersion + 1`. Throws CONFLICT when someone saved after `expectedVersion`,
   * VALIDATION_FAILED for an invalid scope and LIMIT_EXCEEDED when the version would not fit in one value.
   * Nothing is written in any of those cases.
   */
  async save(projectId: string, input: { scope: Scope; comment: string }, expectedVersion: number, accountId: string): Promise<ScopeVersion> {
    const head = await this.getHead(projectId);
    assertVersion('The scope', head, expectedVersion);
    const at = this.now().toISOString();
    const entry = createScopeVersion(head === undefined ? null : { version: head.version }, {
      scope: input.scope,
      author: accountId,
      at,
      comment: input.comment,
    });
    const record: ScopeVersionRecord = { schemaVersion: SCOPE_RECORD_SCHEMA_VERSION, projectId, entry };
    assertFitsValueLimit(record, 'The scope');
    const newHead: ScopeHeadRecord = { schemaVersion: SCOPE_RECORD_SCHEMA_VERSION, projectId, version: entry.version, updatedAt: at, updatedBy: accountId };
    await this.store.transact([
      { op: 'set', key: scopeVersionKey(projectId, entry.version), value: record as unknown as JsonValue },
      { op: 'set', key: scopeHeadKey(projectId), value: newHead satisfies JsonValue },
    ]);
    return entry;
  }
}
