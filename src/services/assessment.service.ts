/** The Maturity view's use cases: the assessment, a unit's save, and the snapshots (take, list, compare). */
import type { CompareSnapshotsResponse, GetAssessmentResponse, ListSnapshotsResponse, SaveUnitAssessmentResponse, TakeSnapshotResponse } from '../contract/assessment';
import { type AssessmentUnitId, type ElementAssessment, compareSnapshots } from '../domain/assessment';
import type { KeyElementId } from '../domain/maturity/maturity-model';
import type { Logger } from '../platform/logger';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { SnapshotRepository } from '../storage/snapshot-repository';
import { assessmentPeople, toAssessmentView, toSnapshotsView } from './assessment-view';
import type { NameLookup } from './user-names.service';

export interface AssessmentServiceDeps {
  assessments: AssessmentRepository;
  snapshots: SnapshotRepository;
  names: NameLookup;
  log: Logger;
}

export class AssessmentService {
  constructor(private readonly deps: AssessmentServiceDeps) {}

  async view(projectId: string): Promise<GetAssessmentResponse> {
    const stored = await this.deps.assessments.getAll(projectId);
    return toAssessmentView(stored, await this.deps.names(assessmentPeople(stored)));
  }

  /** Replaces one unit's assessment (CONFLICT when the unit was saved after `version`), then reads the assessment back. */
  async saveUnit(projectId: string, accountId: string, input: { unitId: AssessmentUnitId; version: number; elements: Partial<Record<KeyElementId, ElementAssessment>> }): Promise<SaveUnitAssessmentResponse> {
    const saved = await this.deps.assessments.saveUnit(projectId, input.unitId, input.elements, input.version, accountId);
    this.deps.log('info', 'unit assessment saved', { projectId, unitId: input.unitId, version: saved.version });
    return this.view(projectId);
  }

  async snapshots(projectId: string): Promise<ListSnapshotsResponse> {
    const records = await this.deps.snapshots.list(projectId);
    return toSnapshotsView(records, await this.deps.names(records.map((r) => r.takenBy)));
  }

  /** Freezes the current levels under a label (used once), then lists the snapshots. */
  async takeSnapshot(projectId: string, accountId: string, label: string): Promise<TakeSnapshotResponse> {
    const { assessment } = await this.deps.assessments.getAll(projectId);
    const record = await this.deps.snapshots.take(projectId, assessment, label, accountId);
    this.deps.log('info', 'snapshot taken', { projectId, snapshotId: record.snapshot.id });
    return this.snapshots(projectId);
  }

  async compare(projectId: string, fromId: string, toId: string): Promise<CompareSnapshotsResponse> {
    const [a, b] = await Promise.all([this.deps.snapshots.get(projectId, fromId), this.deps.snapshots.get(projectId, toId)]);
    return compareSnapshots(a.snapshot, b.snapshot);
  }
}
