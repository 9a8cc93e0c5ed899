import {
  type Assessment,
  type AssessmentUnitId,
  type ElementAssessment,
  type UnitAssessment,
  ASSESSMENT_SCHEMA_VERSION,
} from '../../src/domain/assessment';
import { type KeyElementId, type MaturityLevel, KEY_ELEMENT_IDS } from '../../src/domain/maturity/maturity-model';

export function anElementAssessment(overrides: Partial<ElementAssessment> = {}): ElementAssessment {
  return { current: 1, target: 2, note: '', evidence: [], ...overrides };
}

/**
 * A unit with all 19 elements assessed at `current` / `target` (defaults 1 / 2); `elements` overrides single ones.
 */
export function aUnitAssessment(
  unitId: AssessmentUnitId,
  options: { current?: MaturityLevel; target?: MaturityLevel; elements?: Partial<Record<KeyElementId, Partial<ElementAssessment>>> } = {},
): UnitAssessment {
  const elements: UnitAssessment['elements'] = {};
  for (const id of KEY_ELEMENT_IDS) {
    elements[id] = anElementAssessment({ current: options.current ?? 1, target: options.target ?? 2, ...options.elements?.[id] });
  }
  return { unitId, elements };
}

export function anAssessment(units: readonly UnitAssessment[] = []): Assessment {
  const out: Assessment = { schemaVersion: ASSESSMENT_SCHEMA_VERSION, units: {} };
  for (const u of units) out.units[u.unitId] = u;
  return out;
}
