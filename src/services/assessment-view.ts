/** Builds what the maturity resolvers return: units with summaries, the heatmap, snapshots and trends. */
import type { AssessmentView, SnapshotsView, UnitView } from '../contract/assessment';
import type { PeopleNames } from '../contract/people';
import { ASSESSMENT_UNITS, assessedUnitIds, getUnit, heatmap, trend, unitSummary } from '../domain/assessment';
import { KEY_ELEMENTS, LEVEL_LABELS } from '../domain/maturity/maturity-model';
import type { StoredAssessment } from '../storage/assessment-repository';
import type { SnapshotRecord } from '../storage/snapshot-repository';

/** Who saved each unit: the ids to give resolveNames for toAssessmentView. */
export const assessmentPeople = (stored: StoredAssessment): (string | undefined)[] =>
  Object.values(stored.records).map((r) => r?.updatedBy);

export function toAssessmentView(stored: StoredAssessment, people: PeopleNames): AssessmentView {
  const { assessment, records } = stored;
  const units = ASSESSMENT_UNITS.map((u): UnitView => {
    const record = records[u.id];
    const unit = getUnit(assessment, u.id);
    return {
      unitId: u.id,
      title: u.title,
      kind: u.kind,
      processGroup: u.processGroup,
      version: record?.version ?? 0,
      updatedAt: record?.updatedAt ?? null,
      updatedBy: record?.updatedBy ?? null,
      elements: unit.elements,
      summary: unitSummary(unit),
    };
  });
  return {
    elements: KEY_ELEMENTS.map((e) => ({ id: e.id, name: e.name, shortName: e.shortName, levels: { 1: e.levels[1], 2: e.levels[2], 3: e.levels[3] } })),
    levelLabels: { ...LEVEL_LABELS },
    units,
    heatmap: heatmap(assessment),
    assessedUnits: assessedUnitIds(assessment).length,
    people,
  };
}

export function toSnapshotsView(records: readonly SnapshotRecord[], people: PeopleNames): SnapshotsView {
  const snapshots = records.map((r) => r.snapshot);
  const present = new Set(snapshots.flatMap((s) => Object.keys(s.levels)));
  return {
    snapshots: records.map((r) => ({ ...r.snapshot, takenBy: r.takenBy })),
    trends: ASSESSMENT_UNITS.filter((u) => present.has(u.id)).map((u) => ({ unitId: u.id, title: u.title, points: trend(snapshots, u.id) })),
    people,
  };
}
