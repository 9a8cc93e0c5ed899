/**
 * Bulk clause-mapping changes, kept so a job can apply them and an undo can restore what was there before.
 * One change = a head record `mapping:change:<projectId>:<changeId>` plus its entries in chunks
 * `…:<changeId>:0000`, `…:0001` (each under the KVS value limit): per issue the property value before and
 * the value to write. A preview is stored the same way (state 'preview') so that starting a job only names
 * the preview and the reviewed issue ids: nothing the UI sends is written to Jira. `mapping:last:<projectId>`
 * points at the last applied change (the one an undo restores). Everything read back is validated.
 */
import { z } from 'zod';
import { AppError, issueDetails } from '../domain/errors';
import { KVS_LIMITS, type JsonValue, type KeyValueStore } from './kv-store';
import { mappingChangeKey, mappingDraftKey, mappingLastKey } from './keys';

export const MAPPING_CHANGE_SCHEMA_VERSION = 1;
/** Bytes of entries per chunk: well under the KVS value limit. */
const CHUNK_BYTES = Math.floor(KVS_LIMITS.maxValueBytes * 0.6);

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const changeEntrySchema = z.object({
  issueId: z.string().regex(/^\d+$/),
  key: z.string().min(1).max(255),
  /** The stored property value before the change; null when the issue had none. */
  before: jsonValue.nullable(),
  after: jsonValue,
});
export type ChangeEntry = z.infer<typeof changeEntrySchema>;

export const CHANGE_STATES = ['preview', 'queued', 'applied', 'undoing', 'undone'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export const changeHeadSchema = z.object({
  schemaVersion: z.literal(MAPPING_CHANGE_SCHEMA_VERSION),
  changeId: z.string().min(1).max(100),
  projectId: z.string().min(1),
  projectKey: z.string().min(1),
  accountId: z.string().min(1),
  createdAt: z.iso.datetime(),
  state: z.enum(CHANGE_STATES),
  source: z.enum(['jql', 'suggestions']),
  chunks: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Issues the apply job wrote (what an undo may restore). */
  written: z.array(z.string()),
  appliedAt: z.iso.datetime().nullable(),
});
export type ChangeHead = z.infer<typeof changeHeadSchema>;

const chunkSchema = z.object({ schemaVersion: z.literal(MAPPING_CHANGE_SCHEMA_VERSION), entries: z.array(changeEntrySchema) });
const lastSchema = z.object({ changeId: z.string().min(1) });

const chunkKey = (projectId: string, changeId: string, n: number): string =>
  `${mappingChangeKey(projectId, changeId)}:${String(n).padStart(4, '0')}`;

function unreadable(what: string, error: z.ZodError): AppError {
  return new AppError('INTERNAL', `The stored ${what} is unreadable.`, {
    issues: issueDetails(error, 5),
  });
}

function packChunks(entries: readonly ChangeEntry[]): ChangeEntry[][] {
  const chunks: ChangeEntry[][] = [];
  let current: ChangeEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = Buffer.byteLength(JSON.stringify(e), 'utf8') + 1;
    if (current.length > 0 && bytes + size > CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export class MappingChangeRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes the entries, then the head (a head only ever points at chunks that exist). */
  async save(head: Omit<ChangeHead, 'schemaVersion' | 'chunks' | 'total' | 'createdAt' | 'written' | 'appliedAt'>, entries: readonly ChangeEntry[]): Promise<ChangeHead> {
    const chunks = packChunks(entries);
    for (const [n, part] of chunks.entries()) {
      await this.store.set(chunkKey(head.projectId, head.changeId, n), { schemaVersion: MAPPING_CHANGE_SCHEMA_VERSION, entries: part } as JsonValue);
    }
    const record: ChangeHead = {
      schemaVersion: MAPPING_CHANGE_SCHEMA_VERSION,
      ...head,
      createdAt: this.now().toISOString(),
      chunks: chunks.length,
      total: entries.length,
      written: [],
      appliedAt: null,
    };
    await this.store.set(mappingChangeKey(head.projectId, head.changeId), record as JsonValue);
    return record;
  }

  async get(projectId: string, changeId: string): Promise<ChangeHead | undefined> {
    const raw = await this.store.get(mappingChangeKey(projectId, changeId));
    if (raw === undefined) return undefined;
    const parsed = changeHeadSchema.safeParse(raw);
    if (!parsed.success) throw unreadable(`mapping change ${changeId}`, parsed.error);
    return parsed.data;
  }

  async entries(head: ChangeHead): Promise<ChangeEntry[]> {
    const out: ChangeEntry[] = [];
    for (let n = 0; n < head.chunks; n += 1) {
      const raw = await this.store.get(chunkKey(head.projectId, head.changeId, n));
      const parsed = chunkSchema.safeParse(raw);
      if (!parsed.success) throw unreadable(`mapping change ${head.changeId} (part ${n})`, parsed.error);
      out.push(...parsed.data.entries);
    }
    return out;
  }

  /** Keeps only the entries of `issueIds` (the reviewed selection) and rewrites the chunks. */
  async narrow(head: ChangeHead, issueIds: ReadonlySet<string>): Promise<ChangeHead> {
    const kept = (await this.entries(head)).filter((e) => issueIds.has(e.issueId));
    await this.deleteChunks(head);
    const chunks = packChunks(kept);
    for (const [n, part] of chunks.entries()) {
      await this.store.set(chunkKey(head.projectId, head.changeId, n), { schemaVersion: MAPPING_CHANGE_SCHEMA_VERSION, entries: part } as JsonValue);
    }
    const next: ChangeHead = { ...head, chunks: chunks.length, total: kept.length };
    await this.store.set(mappingChangeKey(head.projectId, head.changeId), next as JsonValue);
    return next;
  }

  async update(head: ChangeHead, patch: Partial<Pick<ChangeHead, 'state' | 'written' | 'appliedAt'>>): Promise<ChangeHead> {
    const next = { ...head, ...patch };
    await this.store.set(mappingChangeKey(head.projectId, head.changeId), next as JsonValue);
    return next;
  }

  async delete(head: ChangeHead): Promise<void> {
    await this.store.delete(mappingChangeKey(head.projectId, head.changeId));
    await this.deleteChunks(head);
  }

  async getLast(projectId: string): Promise<ChangeHead | undefined> {
    const raw = await this.store.get(mappingLastKey(projectId));
    if (raw === undefined) return undefined;
    const parsed = lastSchema.safeParse(raw);
    if (!parsed.success) throw unreadable(`last mapping change of project ${projectId}`, parsed.error);
    return this.get(projectId, parsed.data.changeId);
  }

  /** Makes `head` the change an undo restores; the previous last change is deleted (one level of undo). */
  async setLast(head: ChangeHead): Promise<void> {
    const previous = await this.getLast(head.projectId);
    await this.store.set(mappingLastKey(head.projectId), { changeId: head.changeId });
    if (previous !== undefined && previous.changeId !== head.changeId) await this.delete(previous);
  }

  /** Makes `head` the user's current preview and deletes their previous one if it was never applied. */
  async replaceDraft(head: ChangeHead): Promise<void> {
    const key = mappingDraftKey(head.projectId, head.accountId);
    const pointer = lastSchema.safeParse(await this.store.get(key));
    if (pointer.success && pointer.data.changeId !== head.changeId) {
      const previous = await this.get(head.projectId, pointer.data.changeId);
      if (previous?.state === 'preview') await this.delete(previous);
    }
    await this.store.set(key, { changeId: head.changeId });
  }

  private async deleteChunks(head: ChangeHead): Promise<void> {
    for (let n = 0; n < head.chunks; n += 1) await this.store.delete(chunkKey(head.projectId, head.changeId, n));
  }
}
