/**
 * The phase plan of a project: one record (`plan:project:<projectId>`) with a version for optimistic
 * concurrency. A plan that would not fit in one stored value is refused with LIMIT_EXCEEDED.
 */
import { z } from 'zod';
import { assertFitsValueLimit } from '../domain/assessment/record-size';
import { type Plan, planSchema, validPlan } from '../domain/planning';
import type { JsonValue, KeyValueStore } from './kv-store';
import { planKey } from './keys';
import { assertVersion, parseStored } from './stored-record';

export const PLAN_RECORD_SCHEMA_VERSION = 1;

export const planRecordSchema = z.object({
  schemaVersion: z.literal(PLAN_RECORD_SCHEMA_VERSION),
  projectId: z.string().min(1),
  plan: planSchema,
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
});
export type PlanRecord = z.infer<typeof planRecordSchema>;

export class PlanRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
    /** Value limit used for the size check (tests lower it). */
    private readonly limitBytes?: number,
  ) {}

  async get(projectId: string): Promise<PlanRecord | undefined> {
    const raw = await this.store.get(planKey(projectId));
    return raw === undefined ? undefined : parseStored(planRecordSchema, raw, `The plan of project ${projectId}`);
  }

  /** Saves `plan` as version `expectedVersion + 1`; CONFLICT when stale, LIMIT_EXCEEDED when too large. */
  async save(projectId: string, plan: Plan, expectedVersion: number, accountId: string): Promise<PlanRecord> {
    const current = await this.get(projectId);
    assertVersion('The plan', current, expectedVersion);
    const valid = validPlan(plan);
    const record: PlanRecord = {
      schemaVersion: PLAN_RECORD_SCHEMA_VERSION,
      projectId,
      plan: valid,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: accountId,
    };
    assertFitsValueLimit(record, 'The plan', this.limitBytes);
    await this.store.set(planKey(projectId), record as unknown as JsonValue);
    return record;
  }
}
