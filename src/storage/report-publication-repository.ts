/**
 * Where the gap report of a project was published, under `report:publication:<projectId>`: the Confluence
 * page id (so a re-run updates the same page instead of creating a second one), the child page ids of a
 * split report, and the per-clause results at the last publish (for "what changed since the last publish").
 */
import { z } from 'zod';
import { gapSnapshotSchema } from '../domain/gap/gap-model';
import type { JsonValue, KeyValueStore } from './kv-store';
import { parseStored } from './stored-record';
import { reportPublicationKey } from './keys';

export const PUBLICATION_SCHEMA_VERSION = 1;
export const PUBLICATION_HISTORY_LIMIT = 60;

export const publicationPointSchema = z.object({
  at: z.string(),
  percent: z.number(),
  /** groupId ('4'..'10') -> readiness percent. */
  groups: z.record(z.string(), z.number()),
});
export type PublicationPoint = z.infer<typeof publicationPointSchema>;

const idString = z.string().regex(/^\d{1,20}$/);

export const reportPublicationSchema = z.object({
  schemaVersion: z.literal(PUBLICATION_SCHEMA_VERSION),
  projectId: z.string().min(1),
  spaceKey: z.string().min(1),
  spaceId: idString,
  pageId: idString,
  title: z.string().min(1),
  pageVersion: z.number().int().positive(),
  /** groupId ('4'..'10') -> child page id, when the report was split. */
  groupPages: z.record(z.string(), idString),
  split: z.boolean(),
  /** Null until a publish has completed (the page id is stored as soon as the page exists). */
  lastPublishedAt: z.iso.datetime({ offset: true }).nullable(),
  lastPublishedBy: z.string().nullable(),
  snapshot: gapSnapshotSchema.nullable(),
  lastJobId: z.string().nullable(),
  /** The "Evidence matrix" child page (clause register); absent before it existed. */
  evidenceMatrixPageId: idString.optional(),
  /** Readiness at each completed publish, oldest first, at most PUBLICATION_HISTORY_LIMIT: the macro's trend. */
  history: z.array(publicationPointSchema).optional(),
});
export type ReportPublication = z.infer<typeof reportPublicationSchema>;

export class ReportPublicationRepository {
  constructor(private readonly store: KeyValueStore) {}

  async get(projectId: string): Promise<ReportPublication | undefined> {
    const raw = await this.store.get(reportPublicationKey(projectId));
    if (raw === undefined) return undefined;
    const record = parseStored(reportPublicationSchema, raw, `The report publication of project ${projectId}`);
    return record.projectId === projectId ? record : undefined;
  }

  /** Single writer: the publish job of the project (one at a time, see the active-job pointer). */
  async save(record: ReportPublication): Promise<void> {
    const parsed = reportPublicationSchema.parse(record);
    await this.store.set(reportPublicationKey(record.projectId), parsed as unknown as JsonValue);
  }
}
