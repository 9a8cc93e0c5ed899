/**
 * Reads what the Initiation tab shows: the stored initiation plus what it links to in other tabs (the saved
 * phase plan, the "baseline" maturity snapshot), and derives completeness, approval, KPI progress and checks.
 */
import { ASSESSMENT_UNIT_IDS, BASELINE_LABEL, type AssessmentUnitId, unitTitle } from '../domain/assessment';
import { CHALLENGES } from '../domain/challenges';
import {
  BASELINE_FACTORS,
  BUSINESS_CASE_ELEMENTS,
  KPI_DATE_FIELDS,
  KPI_DATE_FIELD_LABELS,
  KPI_SUGGESTIONS,
  PLAN_CHECKLIST,
  TARGET_KINDS,
  TARGET_KIND_LABELS,
  approvalState,
  baselineCoverage,
  businessCaseCompleteness,
  checkPhasesServeObjectives,
  completeRegister,
  kpiProgress,
  managementSupportObtained,
  mitigationProgress,
  planChecklistProgress,
  riskBand,
  riskScore,
} from '../domain/initiation';
import type { BaselineMaturityView, InitiationCatalog, InitiationView } from '../contract/initiation';
import type { PeopleNames } from '../contract/people';
import type { Initiation } from '../domain/initiation';
import type { InitiationSnapshot, InitiationRepository } from '../storage/initiation-repository';
import type { PlanRepository } from '../storage/plan-repository';
import type { SnapshotRepository } from '../storage/snapshot-repository';
import type { NameLookup } from './user-names.service';

export const INITIATION_CATALOG: InitiationCatalog = {
  businessCaseElements: [...BUSINESS_CASE_ELEMENTS],
  baselineFactors: [...BASELINE_FACTORS],
  kpiSuggestions: [...KPI_SUGGESTIONS],
  kpiDateFields: KPI_DATE_FIELDS.map((f) => ({ value: f, label: KPI_DATE_FIELD_LABELS[f] })),
  targetKinds: TARGET_KINDS.map((k) => ({ value: k, ...TARGET_KIND_LABELS[k] })),
  planChecklist: [...PLAN_CHECKLIST],
  challenges: CHALLENGES.map((c) => ({
    id: c.id,
    title: c.title,
    definition: c.definition,
    considerations: c.considerations.map((x) => ({ id: x.id, text: x.text })),
    relatedClauses: [...c.relatedClauses],
  })),
};

export interface InitiationContext {
  planPhases: { id: string; name: string }[];
  baselineMaturity: BaselineMaturityView | null;
}

export interface InitiationDeps {
  initiationRecords: InitiationRepository;
  plans: PlanRepository;
  snapshots: SnapshotRepository;
  /** Display names for the people the view mentions (one lookup per view). */
  names: NameLookup;
}

export class InitiationService {
  readonly repository: InitiationRepository;
  private readonly names: NameLookup;

  constructor(private readonly deps: InitiationDeps) {
    this.repository = deps.initiationRecords;
    this.names = deps.names;
  }

  /** Applies one edit to the stored initiation (optimistic version, validated, size-checked) and returns the new view. */
  async change(projectId: string, expectedVersion: number, accountId: string, edit: (current: Initiation) => Initiation): Promise<InitiationView> {
    return this.view(projectId, await this.repository.update(projectId, expectedVersion, accountId, edit));
  }

  /** The saved plan's phases and the baseline snapshot (both optional). */
  async context(projectId: string): Promise<InitiationContext> {
    const [plan, snapshots] = await Promise.all([
      this.deps.plans.get(projectId),
      this.deps.snapshots.list(projectId),
    ]);
    const baseline = snapshots.find((s) => s.snapshot.label.trim().toLowerCase() === BASELINE_LABEL);
    const baselineMaturity: BaselineMaturityView | null =
      baseline === undefined
        ? null
        : {
            at: baseline.snapshot.at,
            units: ASSESSMENT_UNIT_IDS.flatMap((id: AssessmentUnitId) => {
              const u = baseline.snapshot.levels[id];
              return u === undefined ? [] : [{ unitId: id, unitName: unitTitle(id), level: u.level }];
            }),
          };
    return { planPhases: (plan?.plan.phases ?? []).map((p) => ({ id: p.id, name: p.name })), baselineMaturity };
  }

  /** `people`: names already looked up for this call (then no second lookup is made). */
  async view(projectId: string, snapshot?: InitiationSnapshot, people?: PeopleNames): Promise<InitiationView> {
    const [snap, ctx] = await Promise.all([snapshot ?? this.repository.get(projectId), this.context(projectId)]);
    return toInitiationView(snap, ctx, people ?? (await this.names(initiationPeople(snap))));
  }
}

/** Everyone the initiation names by account id: last saver, approver, publisher, KPI recorders, challenge owners. */
export function initiationPeople(snap: { initiation: Initiation; updatedBy: string | null }): (string | null | undefined)[] {
  const ini = snap.initiation;
  return [
    snap.updatedBy,
    ini.businessCase.approval?.approvedBy,
    ini.published?.publishedBy,
    ...ini.kpis.flatMap((k) => k.measurements.map((m) => m.by)),
    ...ini.challengeRegister.map((r) => r.owner),
  ];
}

export function toInitiationView(snap: InitiationSnapshot, ctx: InitiationContext, people: PeopleNames): InitiationView {
  const ini = snap.initiation;
  return {
    initiation: ini,
    version: snap.version,
    updatedAt: snap.updatedAt,
    updatedBy: snap.updatedBy,
    completeness: businessCaseCompleteness(ini.businessCase),
    approval: approvalState(ini.businessCase),
    managementSupportObtained: managementSupportObtained(ini.businessCase),
    baselineCoverage: baselineCoverage(ini.baselineFindings),
    kpiProgress: ini.kpis.map(kpiProgress),
    planChecklistProgress: planChecklistProgress(ini.planChecklist),
    planPhases: ctx.planPhases,
    phaseCheck: checkPhasesServeObjectives({ phases: ctx.planPhases }, ini.targetState, ini.kpis.map((k) => k.id)),
    baselineMaturity: ctx.baselineMaturity,
    register: completeRegister(ini.challengeRegister).map((r) => {
      const score = riskScore(r);
      const m = mitigationProgress(r);
      return {
        ...r,
        title: CHALLENGES.find((c) => c.id === r.challengeId)?.title ?? r.challengeId,
        score,
        band: riskBand(score),
        mitigationsDone: m.done,
        mitigationsTotal: m.total,
      };
    }),
    catalog: INITIATION_CATALOG,
    people,
  };
}
