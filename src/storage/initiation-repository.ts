/**
 * The Initiation record of a project (`initiation:project:<projectId>`): one value holding the business case,
 * baseline, KPIs, target state, plan checklist, challenge register and the last publish. Every change names the
 * version it was based on; a stale one is refused with CONFLICT (who saved last is in its details). Records are read back
 * through zod and checked against the 240 KiB value limit before they are written.
 */
import { z } from 'zod';
import { assertFitsValueLimit } from '../domain/assessment/record-size';
import { type Initiation, INITIATION_SCHEMA_VERSION, challengeOwnerIds, emptyInitiation, initiationSchema, toReportChallengeRows, validInitiation } from '../domain/initiation';
import type { ChallengeRegisterRow } from '../domain/report/report-input';
import type { JsonValue, KeyValueStore } from './kv-store';
import { assertVersion, parseStored } from './stored-record';
import { initiationKey } from './keys';


export const initiationRecordSchema = z.object({
  schemaVersion: z.literal(INITIATION_SCHEMA_VERSION),
  projectId: z.string().min(1),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
  initiation: initiationSchema,
});
export type InitiationRecord = z.infer<typeof initiationRecordSchema>;

export interface InitiationSnapshot {
  initiation: Initiation;
  /** 0 before the first save. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export class InitiationRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async getRecord(projectId: string): Promise<InitiationRecord | undefined> {
    const raw = await this.store.get(initiationKey(projectId));
    return raw === undefined ? undefined : parseStored(initiationRecordSchema, raw, `The initiation data of project ${projectId}`);
  }

  /** The stored initiation, or an empty one (version 0) before the first save. */
  async get(projectId: string): Promise<InitiationSnapshot> {
    const record = await this.getRecord(projectId);
    return record === undefined
      ? { initiation: emptyInitiation(), version: 0, updatedAt: null, updatedBy: null }
      : { initiation: record.initiation, version: record.version, updatedAt: record.updatedAt, updatedBy: record.updatedBy };
  }

  /**
   * Applies `change` to the stored initiation if `expectedVersion` is current and writes version + 1.
   * The result is validated (VALIDATION_FAILED, e.g. too many measurements) and size-checked (LIMIT_EXCEEDED). Nothing is written when any check fails.
   */
  async update(
    projectId: string,
    expectedVersion: number,
    accountId: string,
    change: (current: Initiation) => Initiation,
  ): Promise<InitiationSnapshot> {
    const current = await this.getRecord(projectId);
    assertVersion('The initiation', current, expectedVersion);
    const next = change(current?.initiation ?? emptyInitiation());
    const record: InitiationRecord = {
      schemaVersion: INITIATION_SCHEMA_VERSION,
      projectId,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: accountId,
      initiation: validInitiation(next),
    };
    assertFitsValueLimit(record, 'The initiation data');
    await this.store.set(initiationKey(projectId), record as unknown as JsonValue);
    return { initiation: record.initiation, version: record.version, updatedAt: record.updatedAt, updatedBy: record.updatedBy };
  }

  /**
   * The challenge register as gap-report rows (GapReportInput.challenges), or undefined when the project has no
   * initiation data yet (the report then lists the four challenges as open). For the report's collect step.
   * `namesOf` gives the owners' display names (the owners are stored as account ids); without it the ids are shown.
   */
  async challengeRowsForReport(
    projectId: string,
    namesOf?: (accountIds: string[]) => Promise<Readonly<Record<string, string>>>,
  ): Promise<ChallengeRegisterRow[] | undefined> {
    const record = await this.getRecord(projectId);
    if (record === undefined) return undefined;
    const register = record.initiation.challengeRegister;
    const owners = challengeOwnerIds(register);
    const names = namesOf !== undefined && owners.length > 0 ? await namesOf(owners) : {};
    return toReportChallengeRows(register, names);
  }
}
