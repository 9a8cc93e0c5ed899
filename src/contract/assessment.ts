/** Payload and response types of the maturity resolvers. Types only: `static/` imports them via `@contract/*`. */
import type {
  AssessmentUnitId,
  ElementAssessment,
  Heatmap,
  SnapshotComparison,
  SnapshotUnitLevels,
  TrendPoint,
  UnitSummary,
} from '../domain/assessment';
import type { KeyElementId, MaturityLevel } from '../domain/maturity/maturity-model';
import type { PeopleNames } from './people';

export type {
  AssessmentUnitId,
  ElementAssessment,
  Heatmap,
  HeatmapCell,
  HeatmapRow,
  SnapshotComparison,
  TrendPoint,
  UnitLevelChange,
  UnitSummary,
} from '../domain/assessment';
export type { KeyElementId, LevelStep, MaturityLevel } from '../domain/maturity/maturity-model';

export interface KeyElementInfo {
  id: KeyElementId;
  name: string;
  /** Column heading (KeyElement.shortName). */
  shortName: string;
  /** What the element looks like at Level I, II and III (the app's wording). */
  levels: { 1: string; 2: string; 3: string };
}

/** One assessment unit as the Maturity panel shows it. */
export interface UnitView {
  unitId: AssessmentUnitId;
  title: string;
  kind: 'process' | 'sms';
  processGroup: string | null;
  /** 0 before the unit's first save. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  elements: Partial<Record<KeyElementId, ElementAssessment>>;
  summary: UnitSummary;
}

export interface AssessmentView {
  elements: KeyElementInfo[];
  levelLabels: Record<MaturityLevel, string>;
  units: UnitView[];
  heatmap: Heatmap;
  assessedUnits: number;
  /** Display names of the units' `updatedBy`. */
  people: PeopleNames;
}

export type GetAssessmentPayload = Record<string, never>;
export type GetAssessmentResponse = AssessmentView;

/** Replaces the unit's assessment; elements left out become "not assessed". `version` is the one loaded. */
export interface SaveUnitAssessmentPayload {
  unitId: AssessmentUnitId;
  version: number;
  elements: Partial<Record<KeyElementId, ElementAssessment>>;
}
export type SaveUnitAssessmentResponse = AssessmentView;

export interface SnapshotView {
  id: string;
  label: string;
  at: string;
  takenBy: string;
  levels: Partial<Record<AssessmentUnitId, SnapshotUnitLevels>>;
}

export interface SnapshotsView {
  /** Oldest first. */
  snapshots: SnapshotView[];
  /** Per unit that appears in any snapshot: its level across snapshots, oldest first. */
  trends: { unitId: AssessmentUnitId; title: string; points: TrendPoint[] }[];
  /** Display names of the snapshots' `takenBy`. */
  people: PeopleNames;
}

export type ListSnapshotsPayload = Record<string, never>;
export type ListSnapshotsResponse = SnapshotsView;

export interface TakeSnapshotPayload {
  /** "baseline" or the name of the phase the snapshot closes. */
  label: string;
}
export type TakeSnapshotResponse = SnapshotsView;

export interface CompareSnapshotsPayload {
  fromId: string;
  toId: string;
}
export type CompareSnapshotsResponse = SnapshotComparison;
