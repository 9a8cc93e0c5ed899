/**
 * The maturity assessment of a project, split into one record per assessment unit
 * (`assessment:unit:<projectId>:<unitId>`), so each record stays far below the value limit and two people
 * assessing different units never collide. Each unit record has its own version for optimistic concurrency.
 */
import { z } from 'zod';
import {
  type Assessment,
  type AssessmentUnitId,
  type ElementAssessment,
  type UnitAssessment,
  ASSESSMENT_UNIT_IDS,
  assertFitsValueLimit,
  clearElementAssessment,
  emptyAssessment,
  joinAssessment,
  setElementAssessment,
  unitAssessmentSchema,
  unitTitle,
} from '../domain/assessment';
import { type KeyElementId, KEY_ELEMENT_IDS } from '../domain/maturity/maturity-model';
import type { JsonValue, KeyValueStore } from './kv-store';
import { assessmentUnitKey, assessmentUnitPrefix } from './keys';
import { assertVersion, parseStored, readAll } from './stored-record';

export const ASSESSMENT_RECORD_SCHEMA_VERSION = 1;

export const unitAssessmentRecordSchema = z.object({
  schemaVersion: z.literal(ASSESSMENT_RECORD_SCHEMA_VERSION),
  projectId: z.string().min(1),
  unit: unitAssessmentSchema,
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string().min(1),
});
export type UnitAssessmentRecord = z.infer<typeof unitAssessmentRecordSchema>;

export interface StoredAssessment {
  assessment: Assessment;
  /** Per stored unit: its version and who saved it last. Units never saved are absent (version 0). */
  records: Partial<Record<AssessmentUnitId, UnitAssessmentRecord>>;
}

export class AssessmentRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
    /** Value limit used for the size check (tests lower it). */
    private readonly limitBytes?: number,
  ) {}

  async getUnit(projectId: string, unitId: AssessmentUnitId): Promise<UnitAssessmentRecord | undefined> {
    const raw = await this.store.get(assessmentUnitKey(projectId, unitId));
    return raw === undefined ? undefined : this.parse(projectId, unitId, raw);
  }

  /** Every stored unit joined into one assessment (an empty one before anything is assessed). */
  async getAll(projectId: string): Promise<StoredAssessment> {
    const entries = await readAll(this.store, assessmentUnitPrefix(projectId));
    const records: StoredAssessment['records'] = {};
    for (const e of entries) {
      const unitId = e.key.slice(assessmentUnitPrefix(projectId).length);
      const record = this.parse(projectId, unitId, e.value);
      records[record.unit.unitId] = record;
    }
    const units = ASSESSMENT_UNIT_IDS.map((id) => records[id]?.unit).filter((u): u is UnitAssessment => u !== undefined);
    return { assessment: units.length === 0 ? emptyAssessment() : joinAssessment(units), records };
  }

  /**
   * Replaces the assessment of one unit with `elements` (elements left out become "not assessed").
   * Refuses (CONFLICT) when the unit was saved after `expectedVersion`, (VALIDATION_FAILED) when an element
   * is malformed, and (LIMIT_EXCEEDED) when the record is too large. Any observed level may be recorded.
   */
  async saveUnit(
    projectId: string,
    unitId: AssessmentUnitId,
    elements: Partial<Record<KeyElementId, ElementAssessment>>,
    expectedVersion: number,
    accountId: string,
  ): Promise<UnitAssessmentRecord> {
    const current = await this.getUnit(projectId, unitId);
    assertVersion(`The assessment of ${unitTitle(unitId)} (${unitId})`, current, expectedVersion);
    let next: Assessment = current === undefined ? emptyAssessment() : joinAssessment([current.unit]);
    for (const elementId of KEY_ELEMENT_IDS) {
      const e = elements[elementId];
      next = e === undefined ? clearElementAssessment(next, unitId, elementId) : setElementAssessment(next, unitId, elementId, e);
    }
    const unit = next.units[unitId] ?? { unitId, elements: {} };
    const record: UnitAssessmentRecord = {
      schemaVersion: ASSESSMENT_RECORD_SCHEMA_VERSION,
      projectId,
      unit,
      version: (current?.version ?? 0) + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: accountId,
    };
    assertFitsValueLimit(record, `The assessment of ${unitTitle(unitId)} (${unitId})`, this.limitBytes);
    await this.store.set(assessmentUnitKey(projectId, unitId), record as unknown as JsonValue);
    return record;
  }

  private parse(projectId: string, unitId: string, raw: unknown): UnitAssessmentRecord {
    const record = parseStored(unitAssessmentRecordSchema, raw, `The assessment of unit ${unitId} in project ${projectId}`);
    return record;
  }
}
