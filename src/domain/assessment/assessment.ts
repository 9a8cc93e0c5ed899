/**
 * A maturity assessment (TS 20000-5 5.2.3, Table 1): for each assessment unit and each of the 19 key
 * elements, the current level, the target level, a note and the Jira issues that evidence it.
 * An element with no entry has not been assessed yet (current 0, target 0).
 */
import { z } from 'zod';
import { parseValid } from '../errors';
import {
  type KeyElementId,
  type MaturityLevel,
  type MaturityLevels,
  KEY_ELEMENT_IDS,
  keyElementIdSchema,
  maturityLevelSchema,
} from '../maturity/maturity-model';
import { type AssessmentUnitId, ASSESSMENT_UNIT_IDS, assessmentUnitIdSchema } from './assessment-units';

export const ASSESSMENT_SCHEMA_VERSION = 1;
export const MAX_NOTE_LENGTH = 4000;
export const MAX_EVIDENCE_PER_ELEMENT = 50;

/** A Jira issue key such as SMS-12. */
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Expected a Jira issue key such as SMS-12.');

export const elementAssessmentSchema = z.object({
  current: maturityLevelSchema,
  target: maturityLevelSchema,
  note: z.string().max(MAX_NOTE_LENGTH),
  evidence: z.array(issueKeySchema).max(MAX_EVIDENCE_PER_ELEMENT),
});
export type ElementAssessment = z.infer<typeof elementAssessmentSchema>;

export const unitAssessmentSchema = z.object({
  unitId: assessmentUnitIdSchema,
  elements: z.partialRecord(keyElementIdSchema, elementAssessmentSchema),
});
export type UnitAssessment = z.infer<typeof unitAssessmentSchema>;

export const assessmentSchema = z
  .object({
    schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
    units: z.partialRecord(assessmentUnitIdSchema, unitAssessmentSchema),
  })
  .superRefine((a, ctx) => {
    for (const [key, unit] of Object.entries(a.units)) {
      if (unit && unit.unitId !== key) {
        ctx.addIssue({ code: 'custom', path: ['units', key, 'unitId'], message: `Unit ${unit.unitId} is stored under ${key}.` });
      }
    }
  });
export type Assessment = z.infer<typeof assessmentSchema>;

export const NOT_ASSESSED: Readonly<ElementAssessment> = Object.freeze({ current: 0, target: 0, note: '', evidence: [] });

export function emptyAssessment(): Assessment {
  return { schemaVersion: ASSESSMENT_SCHEMA_VERSION, units: {} };
}

export function emptyUnitAssessment(unitId: AssessmentUnitId): UnitAssessment {
  return { unitId, elements: {} };
}

/** The unit's record, or an empty one when nothing has been assessed for it yet. */
export function getUnit(assessment: Assessment, unitId: AssessmentUnitId): UnitAssessment {
  return assessment.units[unitId] ?? emptyUnitAssessment(unitId);
}

export function getElement(unit: UnitAssessment, elementId: KeyElementId): ElementAssessment {
  return unit.elements[elementId] ?? NOT_ASSESSED;
}

export function isElementAssessed(unit: UnitAssessment, elementId: KeyElementId): boolean {
  return unit.elements[elementId] !== undefined;
}

/** Current levels of all assessed elements (input for unitLevel / elementsToRaise). */
export function currentLevels(unit: UnitAssessment): MaturityLevels {
  const out: MaturityLevels = {};
  for (const id of KEY_ELEMENT_IDS) {
    const e = unit.elements[id];
    if (e) out[id] = e.current;
  }
  return out;
}

/** Levels each element will have once its target is met (a target below the current level lowers nothing). */
export function targetLevels(unit: UnitAssessment): MaturityLevels {
  const out: MaturityLevels = {};
  for (const id of KEY_ELEMENT_IDS) {
    const e = unit.elements[id];
    if (e) out[id] = Math.max(e.current, e.target) as MaturityLevel;
  }
  return out;
}

export type ElementPatch = Partial<ElementAssessment>;

/**
 * Returns a new assessment with one element of one unit changed; a bad patch throws ValidationError.
 * Any level (none, I, II, III) may be recorded for current and target: an assessment records what is observed,
 * and an element observed at Level II has the Level I characteristics too. A target below the current level
 * is allowed (it counts as met).
 */
export function setElementAssessment(
  assessment: Assessment,
  unitId: AssessmentUnitId,
  elementId: KeyElementId,
  patch: ElementPatch,
): Assessment {
  const unit = getUnit(assessment, unitId);
  const before = getElement(unit, elementId);
  const merged = { ...before, ...patch };
  const valid = parseValid(elementAssessmentSchema, merged, `Invalid assessment of ${elementId} for ${unitId}.`, { details: { unitId, elementId } });
  const evidence = [...new Set(valid.evidence)];
  return {
    ...assessment,
    units: { ...assessment.units, [unitId]: { unitId, elements: { ...unit.elements, [elementId]: { ...valid, evidence } } } },
  };
}

/** Returns a new assessment without the element's entry (back to "not assessed"). */
export function clearElementAssessment(assessment: Assessment, unitId: AssessmentUnitId, elementId: KeyElementId): Assessment {
  const unit = assessment.units[unitId];
  if (!unit || !unit.elements[elementId]) return assessment;
  const elements = { ...unit.elements };
  delete elements[elementId];
  return { ...assessment, units: { ...assessment.units, [unitId]: { unitId, elements } } };
}

/** Units that have at least one assessed element, in unit order. */
export function assessedUnitIds(assessment: Assessment): AssessmentUnitId[] {
  return ASSESSMENT_UNIT_IDS.filter((id) => Object.keys(assessment.units[id]?.elements ?? {}).length > 0);
}
