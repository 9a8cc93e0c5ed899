/**
 * Maturity snapshots of a project: "baseline" first, then one per phase, each frozen when taken
 * (`assessment:snapshot:<projectId>:<id>`; ids sort by time). A label is used once: a second "baseline"
 * is refused with CONFLICT naming who took the first.
 */
import { z } from 'zod';
import { type Assessment, type Snapshot, assertFitsValueLimit, snapshotSchema, takeSnapshot } from '../domain/assessment';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { JsonValue, KeyValueStore } from './kv-store';
import { snapshotKey, snapshotPrefix } from './keys';
import { parseStored, readAll } from './stored-record';

export const SNAPSHOT_RECORD_SCHEMA_VERSION = 1;

export const snapshotRecordSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_RECORD_SCHEMA_VERSION),
  projectId: z.string().min(1),
  takenBy: z.string().min(1),
  snapshot: snapshotSchema,
});
export type SnapshotRecord = z.infer<typeof snapshotRecordSchema>;

/** `s20260301T093000123Z` for 2026-03-01T09:30:00.123Z: sorts by time, fits the key alphabet. */
export const snapshotIdFor = (at: Date): string => `s${at.toISOString().replace(/[-:.]/g, '')}`;

export class SnapshotRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Oldest first. */
  async list(projectId: string): Promise<SnapshotRecord[]> {
    const entries = await readAll(this.store, snapshotPrefix(projectId));
    return entries
      .map((e) => parseStored(snapshotRecordSchema, e.value, `Snapshot ${e.key}`))
      .sort((a, b) => Date.parse(a.snapshot.at) - Date.parse(b.snapshot.at) || a.snapshot.id.localeCompare(b.snapshot.id));
  }

  async get(projectId: string, snapshotId: string): Promise<SnapshotRecord> {
    const raw = await this.store.get(snapshotKey(projectId, snapshotId));
    if (raw === undefined) throw new NotFoundError(`There is no snapshot ${snapshotId}.`, { snapshotId });
    return parseStored(snapshotRecordSchema, raw, `Snapshot ${snapshotId}`);
  }

  /** Freezes the current levels of `assessment` under `label`. */
  async take(projectId: string, assessment: Assessment, label: string, accountId: string): Promise<SnapshotRecord> {
    const existing = await this.list(projectId);
    const wanted = label.trim().toLowerCase();
    const clash = existing.find((r) => r.snapshot.label.trim().toLowerCase() === wanted);
    if (clash !== undefined) {
      throw new ConflictError(
        `A snapshot labelled “${clash.snapshot.label}” already exists (taken at ${clash.snapshot.at}). Choose another label.`,
        { snapshotId: clash.snapshot.id, takenBy: clash.takenBy, at: clash.snapshot.at },
      );
    }
    const at = this.now();
    const taken = new Set(existing.map((r) => r.snapshot.id));
    const base = snapshotIdFor(at);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    const snapshot: Snapshot = takeSnapshot(assessment, { id, label: label.trim(), at: at.toISOString() });
    const record: SnapshotRecord = { schemaVersion: SNAPSHOT_RECORD_SCHEMA_VERSION, projectId, takenBy: accountId, snapshot };
    assertFitsValueLimit(record, `The snapshot “${snapshot.label}”`);
    await this.store.set(snapshotKey(projectId, id), record as unknown as JsonValue);
    return record;
  }
}
