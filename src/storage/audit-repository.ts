/**
 * The audit programme's own data of a project, under `audit:programme:<projectId>`: who owns each process (and
 * the SMS as a whole), which the independence rule reads before an audit is planned, and where each management
 * review's pack was published (so a re-publish updates the same page). Audits, findings and corrective actions
 * themselves live in Jira. Saves are versioned: a stale save is refused with CONFLICT.
 */
import { z } from 'zod';
import { type ProcessOwner, processOwnerSchema } from '../domain/audit/audit-programme';
import type { JsonValue, KeyValueStore } from './kv-store';
import { auditProgrammeKey } from './keys';
import { assertVersion, parseStored } from './stored-record';

export const AUDIT_PROGRAMME_SCHEMA_VERSION = 1;

export const reviewPublicationSchema = z.object({
  reviewDate: z.iso.date(),
  pageId: z.string().regex(/^\d{1,20}$/),
  title: z.string().min(1),
  pagePath: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type ReviewPublication = z.infer<typeof reviewPublicationSchema>;

const recordSchema = z.object({
  schemaVersion: z.literal(AUDIT_PROGRAMME_SCHEMA_VERSION),
  projectId: z.string().min(1),
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  owners: z.array(processOwnerSchema),
  reviews: z.array(reviewPublicationSchema),
});
export type AuditProgrammeRecord = z.infer<typeof recordSchema>;

export interface AuditProgrammeSnapshot {
  version: number;
  owners: ProcessOwner[];
  reviews: ReviewPublication[];
}

export class AuditRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date,
  ) {}

  private async read(projectId: string): Promise<AuditProgrammeRecord | undefined> {
    const raw = await this.store.get(auditProgrammeKey(projectId));
    if (raw === undefined) return undefined;
    const record = parseStored(recordSchema, raw, `The audit programme of project ${projectId}`);
    return record.projectId === projectId ? record : undefined;
  }

  async get(projectId: string): Promise<AuditProgrammeSnapshot> {
    const r = await this.read(projectId);
    return { version: r?.version ?? 0, owners: r?.owners ?? [], reviews: r?.reviews ?? [] };
  }

  /** Replaces the process owners when `expectedVersion` is current (one owner per unit; the last one given wins). */
  async saveOwners(projectId: string, expectedVersion: number, owners: readonly ProcessOwner[], accountId: string): Promise<AuditProgrammeSnapshot> {
    const byUnit = new Map(owners.map((o) => [o.unitId, o] as const));
    return this.write(projectId, expectedVersion, accountId, (r) => ({ ...r, owners: [...byUnit.values()] }));
  }

  /** Records (or replaces) the publication of the review of `reviewDate`. Written by the publish job only. */
  async saveReview(projectId: string, publication: ReviewPublication): Promise<void> {
    const current = await this.read(projectId);
    await this.write(projectId, current?.version ?? 0, publication.publishedBy, (r) => ({
      ...r,
      reviews: [...r.reviews.filter((x) => x.reviewDate !== publication.reviewDate), publication].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate)),
    }));
  }

  private async write(
    projectId: string,
    expectedVersion: number,
    accountId: string,
    change: (r: Pick<AuditProgrammeRecord, 'owners' | 'reviews'>) => Pick<AuditProgrammeRecord, 'owners' | 'reviews'>,
  ): Promise<AuditProgrammeSnapshot> {
    const current = await this.read(projectId);
    assertVersion(`The audit programme of project ${projectId}`, current === undefined ? undefined : current, expectedVersion);
    const next = change({ owners: current?.owners ?? [], reviews: current?.reviews ?? [] });
    const record: AuditProgrammeRecord = recordSchema.parse({
      schemaVersion: AUDIT_PROGRAMME_SCHEMA_VERSION,
      projectId,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: accountId,
      ...next,
    });
    await this.store.set(auditProgrammeKey(projectId), record as unknown as JsonValue);
    return { version: record.version, owners: record.owners, reviews: record.reviews };
  }
}
