/**
 * Snapshots of an assessment: "baseline" first, then one per phase. They record each unit's level and its
 * elements' current levels at a point in time, so progress can be compared and trended.
 */
import { z } from 'zod';
import {
  type KeyElementId,
  type MaturityLevel,
  KEY_ELEMENT_IDS,
  keyElementIdSchema,
  maturityLevelSchema,
  unitLevel,
} from '../maturity/maturity-model';
import { type Assessment, currentLevels } from './assessment';
import { type AssessmentUnitId, ASSESSMENT_UNIT_IDS, assessmentUnitIdSchema } from './assessment-units';

export const BASELINE_LABEL = 'baseline';

export const snapshotUnitLevelsSchema = z.object({
  level: maturityLevelSchema,
  elements: z.partialRecord(keyElementIdSchema, maturityLevelSchema),
});
export type SnapshotUnitLevels = z.infer<typeof snapshotUnitLevelsSchema>;

export const snapshotSchema = z.object({
  id: z.string().min(1).max(100),
  /** 'baseline' or the name of the phase the snapshot closes. */
  label: z.string().trim().min(1).max(200),
  at: z.iso.datetime({ offset: true }),
  levels: z.partialRecord(assessmentUnitIdSchema, snapshotUnitLevelsSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** Freezes the current levels of every unit that has at least one assessed element. */
export function takeSnapshot(assessment: Assessment, meta: { id: string; label: string; at: string }): Snapshot {
  const levels: Snapshot['levels'] = {};
  for (const unitId of ASSESSMENT_UNIT_IDS) {
    const unit = assessment.units[unitId];
    if (!unit || Object.keys(unit.elements).length === 0) continue;
    const elements = currentLevels(unit);
    levels[unitId] = { level: unitLevel(elements), elements };
  }
  return { id: meta.id, label: meta.label, at: meta.at, levels };
}

export interface ElementLevelChange {
  elementId: KeyElementId;
  from: MaturityLevel;
  to: MaturityLevel;
}

export interface UnitLevelChange {
  unitId: AssessmentUnitId;
  from: MaturityLevel;
  to: MaturityLevel;
  /** to - from */
  delta: number;
  /** Elements whose level differs between the snapshots (Table 1 order). */
  elements: ElementLevelChange[];
}

export interface SnapshotRef {
  id: string;
  label: string;
  at: string;
}

export interface SnapshotComparison {
  from: SnapshotRef;
  to: SnapshotRef;
  /** Every unit present in either snapshot, in unit order (absent = level 0). */
  units: UnitLevelChange[];
  improved: AssessmentUnitId[];
  regressed: AssessmentUnitId[];
  /** Units whose level is unchanged (their elements may still have moved). */
  unchanged: AssessmentUnitId[];
}

const refOf = (s: Snapshot): SnapshotRef => ({ id: s.id, label: s.label, at: s.at });

export function compareSnapshots(a: Snapshot, b: Snapshot): SnapshotComparison {
  const units: UnitLevelChange[] = [];
  for (const unitId of ASSESSMENT_UNIT_IDS) {
    const ua = a.levels[unitId];
    const ub = b.levels[unitId];
    if (!ua && !ub) continue;
    const elements: ElementLevelChange[] = [];
    for (const elementId of KEY_ELEMENT_IDS) {
      const from = ua?.elements[elementId] ?? 0;
      const to = ub?.elements[elementId] ?? 0;
      if (from !== to) elements.push({ elementId, from, to });
    }
    const from = ua?.level ?? 0;
    const to = ub?.level ?? 0;
    units.push({ unitId, from, to, delta: to - from, elements });
  }
  return {
    from: refOf(a),
    to: refOf(b),
    units,
    improved: units.filter((u) => u.delta > 0).map((u) => u.unitId),
    regressed: units.filter((u) => u.delta < 0).map((u) => u.unitId),
    unchanged: units.filter((u) => u.delta === 0).map((u) => u.unitId),
  };
}

export interface TrendPoint extends SnapshotRef {
  /** The unit's level in that snapshot; 0 when the unit was not assessed then. */
  level: MaturityLevel;
  assessed: boolean;
}

/** The unit's level across snapshots, oldest first (ties keep the given order). */
export function trend(snapshots: readonly Snapshot[], unitId: AssessmentUnitId): TrendPoint[] {
  return snapshots
    .map((s, i) => ({ s, i }))
    .sort((x, y) => Date.parse(x.s.at) - Date.parse(y.s.at) || x.i - y.i)
    .map(({ s }) => {
      const u = s.levels[unitId];
      return { ...refOf(s), level: u?.level ?? 0, assessed: u !== undefined };
    });
}
