/**
 * An assessment is stored as one record per unit (23 at most), so each record stays far below the 240 KiB
 * value limit however long the notes are, and two people assessing different units never collide.
 */
import { ValidationError } from '../errors';
import { type Assessment, type UnitAssessment, ASSESSMENT_SCHEMA_VERSION } from './assessment';
import { ASSESSMENT_UNIT_IDS } from './assessment-units';
import { assertFitsValueLimit } from './record-size';

/** Per-unit records in unit order; only units with an entry. Throws LimitExceededError if one is too big. */
export function splitAssessment(assessment: Assessment, limitBytes?: number): UnitAssessment[] {
  const records: UnitAssessment[] = [];
  for (const unitId of ASSESSMENT_UNIT_IDS) {
    const unit = assessment.units[unitId];
    if (!unit) continue;
    assertFitsValueLimit(unit, `The assessment of unit ${unitId}`, limitBytes);
    records.push(unit);
  }
  return records;
}

/** Rebuilds an assessment from per-unit records (any order). A unit given twice is a ValidationError. */
export function joinAssessment(records: readonly UnitAssessment[]): Assessment {
  const units: Assessment['units'] = {};
  for (const record of records) {
    if (units[record.unitId]) {
      throw new ValidationError(`The assessment of unit ${record.unitId} was given twice.`, { unitId: record.unitId });
    }
    units[record.unitId] = record;
  }
  return { schemaVersion: ASSESSMENT_SCHEMA_VERSION, units };
}
