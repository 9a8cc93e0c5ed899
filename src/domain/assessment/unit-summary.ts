/**
 * Read models of an assessment for the Maturity panel: a summary per unit (its level, its target and the
 * elements to raise next) and the units × elements heatmap.
 */
import {
  type KeyElementId,
  type LevelStep,
  type MaturityLevel,
  KEY_ELEMENTS,
  KEY_ELEMENT_IDS,
  elementsToRaise,
  unitLevel,
} from '../maturity/maturity-model';
import { type Assessment, type UnitAssessment, currentLevels, getElement, getUnit, isElementAssessed, targetLevels } from './assessment';
import { type AssessmentUnitId, ASSESSMENT_UNIT_IDS, unitTitle } from './assessment-units';

export interface UnitSummary {
  unitId: AssessmentUnitId;
  title: string;
  /** The unit's level: the lowest current level over all 19 elements (unassessed = 0). */
  currentLevel: MaturityLevel;
  /** The level the unit reaches once every element meets its target (unassessed elements count as 0). */
  targetLevel: MaturityLevel;
  assessedElements: number;
  /** Elements whose current level is below their target. */
  elementsBelowTarget: number;
  /** Sum over elements of (target - current) where positive: the number of one-level steps left. */
  stepsToTarget: number;
  /** True when every element is assessed and has reached its target (and the target is at least Level I). */
  gapClosed: boolean;
  /** Steps that lift the unit to its next level: elements at the unit's level whose target is higher. */
  next: LevelStep[];
  /** All one-level steps to reach each element's own target, level by level, Table 1 order within a level. */
  toRaise: LevelStep[];
}

export function unitSummary(unit: UnitAssessment): UnitSummary {
  const currents = currentLevels(unit);
  const targets = targetLevels(unit);
  const currentLevel = unitLevel(currents);
  const targetLevel = unitLevel(targets);
  let assessed = 0;
  let below = 0;
  let steps = 0;
  const perElementSteps: LevelStep[] = [];
  for (const id of KEY_ELEMENT_IDS) {
    if (!isElementAssessed(unit, id)) continue;
    assessed++;
    const e = getElement(unit, id);
    if (e.target > e.current) {
      below++;
      steps += e.target - e.current;
      perElementSteps.push(...elementsToRaise(currents, e.target).filter((s) => s.elementId === id));
    }
  }
  const toRaise = perElementSteps.sort((a, b) => a.to - b.to || KEY_ELEMENT_IDS.indexOf(a.elementId) - KEY_ELEMENT_IDS.indexOf(b.elementId));
  const next = toRaise.filter((s) => s.from === currentLevel);
  return {
    unitId: unit.unitId,
    title: unitTitle(unit.unitId),
    currentLevel,
    targetLevel,
    assessedElements: assessed,
    elementsBelowTarget: below,
    stepsToTarget: steps,
    gapClosed: assessed === KEY_ELEMENT_IDS.length && below === 0 && targetLevel > 0,
    next,
    toRaise,
  };
}

export interface HeatmapCell {
  elementId: KeyElementId;
  assessed: boolean;
  current: MaturityLevel;
  target: MaturityLevel;
  /** target - current when positive, else 0. */
  gap: number;
}

export interface HeatmapRow {
  unitId: AssessmentUnitId;
  title: string;
  currentLevel: MaturityLevel;
  targetLevel: MaturityLevel;
  cells: HeatmapCell[];
}

export interface Heatmap {
  elements: { id: KeyElementId; name: string; shortName: string }[];
  rows: HeatmapRow[];
  /** Largest gap of any cell (0..3), handy for a colour scale. */
  maxGap: number;
}

/** Units × elements (Table 1 order). `units` limits and orders the rows (default: every unit). */
export function heatmap(assessment: Assessment, options: { units?: readonly AssessmentUnitId[] } = {}): Heatmap {
  const unitIds = options.units ?? ASSESSMENT_UNIT_IDS;
  let maxGap = 0;
  const rows = unitIds.map((unitId): HeatmapRow => {
    const unit = getUnit(assessment, unitId);
    const summary = unitSummary(unit);
    const cells = KEY_ELEMENT_IDS.map((elementId): HeatmapCell => {
      const e = getElement(unit, elementId);
      const gap = Math.max(0, e.target - e.current);
      maxGap = Math.max(maxGap, gap);
      return { elementId, assessed: isElementAssessed(unit, elementId), current: e.current, target: e.target, gap };
    });
    return { unitId, title: summary.title, currentLevel: summary.currentLevel, targetLevel: summary.targetLevel, cells };
  });
  return { elements: KEY_ELEMENTS.map((e) => ({ id: e.id, name: e.name, shortName: e.shortName })), rows, maxGap };
}
