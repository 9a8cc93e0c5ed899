/** Payload and response types of the Initiation resolvers. Types only: `static/` imports them via `@contract/*`. */
import type {
  ApprovalState,
  BaselineFactor,
  BaselineFindings,
  BusinessCaseCompleteness,
  BusinessCaseElement,
  BusinessCaseElements,
  ChallengeRisk,
  Initiation,
  KpiDefinition,
  KpiProgress,
  KpiSuggestion,
  PhasesServeObjectivesResult,
  PlanChecklistItem,
  PlanChecklistState,
  RiskBand,
  TargetKind,
  TargetState,
} from '../domain/initiation';
import type { PeopleNames } from './people';

export type {
  ApprovalState,
  AppLink,
  AppTabId,
  BaselineFactor,
  BaselineFindings,
  BusinessCase,
  BusinessCaseApproval,
  BusinessCaseCompleteness,
  BusinessCaseElement,
  BusinessCaseElementId,
  BusinessCaseElements,
  ChallengeRisk,
  DurationUnit,
  Initiation,
  InitiationSectionId,
  Kpi,
  KpiDateField,
  KpiDefinition,
  KpiDirection,
  KpiMeasurement,
  KpiProgress,
  KpiSource,
  KpiSourceKind,
  KpiSuggestion,
  PhaseObjectiveCheck,
  PhasesServeObjectivesResult,
  PlanChecklistItem,
  PlanChecklistItemId,
  PlanChecklistState,
  PublishedPage,
  RiskBand,
  TargetKind,
  TargetObjective,
  TargetState,
} from '../domain/initiation';

export interface ChallengeDefinitionView {
  id: string;
  title: string;
  definition: string;
  considerations: { id: string; text: string }[];
  relatedClauses: string[];
}

/** Fixed lists the Initiation tab shows (the app's own wording). */
export interface InitiationCatalog {
  businessCaseElements: BusinessCaseElement[];
  baselineFactors: BaselineFactor[];
  kpiSuggestions: KpiSuggestion[];
  kpiDateFields: { value: string; label: string }[];
  targetKinds: { value: TargetKind; label: string; hint: string }[];
  planChecklist: PlanChecklistItem[];
  challenges: ChallengeDefinitionView[];
}

export interface ChallengeRiskView extends ChallengeRisk {
  title: string;
  score: number;
  band: RiskBand;
  mitigationsDone: number;
  mitigationsTotal: number;
}

export interface BaselineMaturityView {
  at: string;
  units: { unitId: string; unitName: string; level: number }[];
}

export interface InitiationView {
  initiation: Initiation;
  /** 0 before the first save; send it back with every change. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  completeness: BusinessCaseCompleteness;
  approval: ApprovalState;
  /** Level I of the maturity key element 'management-support'. */
  managementSupportObtained: boolean;
  baselineCoverage: { recorded: number; total: number };
  kpiProgress: KpiProgress[];
  planChecklistProgress: { done: number; total: number };
  /** Phases of the saved plan (Phases tab), for linking objectives. */
  planPhases: { id: string; name: string }[];
  phaseCheck: PhasesServeObjectivesResult;
  /** The "baseline" maturity snapshot of the Maturity tab, when taken. */
  baselineMaturity: BaselineMaturityView | null;
  register: ChallengeRiskView[];
  catalog: InitiationCatalog;
  /**
   * Display names of `updatedBy`, the approver, the publisher, who recorded KPI measurements and the challenge
   * owners (an owner typed as a name maps to itself).
   */
  people: PeopleNames;
}

export type GetInitiationPayload = Record<string, never>;
export type GetInitiationResponse = InitiationView;

export interface SaveBusinessCasePayload {
  version: number;
  elements: BusinessCaseElements;
  /** The sponsor's accountId; null names nobody; absent keeps the current sponsor. */
  sponsor?: string | null;
}
export type SaveBusinessCaseResponse = InitiationView;

/** Approves the business case as it is stored at `version`; records the caller and the time. */
export interface ApproveBusinessCasePayload {
  version: number;
}
export type ApproveBusinessCaseResponse = InitiationView;

/** KPI definitions (measurements are kept by id; a KPI left out is removed with its measurements). */
export interface SaveKpisPayload {
  version: number;
  kpis: KpiDefinition[];
  baselineFindings?: BaselineFindings;
}
export type SaveKpisResponse = InitiationView;

export interface RecordKpiMeasurementPayload {
  version: number;
  kpiId: string;
  value: number;
  note?: string;
  /** ISO date-time; default now. Not in the future. */
  at?: string;
}
export type RecordKpiMeasurementResponse = InitiationView;

/** Computes a Jira-sourced KPI now and records the result as a measurement. */
export interface ComputeKpiPayload {
  version: number;
  kpiId: string;
}
export interface ComputeKpiResponse {
  view: InitiationView;
  computation: { value: number | null; issueCount: number; sampleSize: number; jql: string; pages: number };
}

export interface SaveTargetStatePayload {
  version: number;
  targetState: TargetState;
  planChecklist?: PlanChecklistState;
}
export type SaveTargetStateResponse = InitiationView;

export interface SaveChallengeRegisterPayload {
  version: number;
  register: ChallengeRisk[];
}
export type SaveChallengeRegisterResponse = InitiationView;

/** `expectedVersion`: the initiation version the user sees; when stale the publish is refused (CONFLICT) before anything is written. */
export interface PublishBusinessCasePayload {
  expectedVersion?: number;
}
export interface PublishBusinessCaseResponse {
  view: InitiationView;
  page: { pageId: string; title: string; url: string; version: number; created: boolean };
}
