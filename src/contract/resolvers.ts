/**
 * The typed map of every resolver the UI can invoke: key → payload type → response type. Types only
 * (`static/` imports it through `@contract/*`). The resolvers are declared against it (`defineResolver` takes a
 * ResolverKey and must answer ResponseOf<key>, and its payload schema must accept PayloadOf<key>), and the UI
 * calls them through it (`callResolver` in static/src/api/call-resolver.ts), so neither side casts.
 */
import type { AppContextResponse, GetAppContextPayload } from './app-context';
import type { CompareSnapshotsPayload, CompareSnapshotsResponse, GetAssessmentPayload, GetAssessmentResponse, ListSnapshotsPayload, ListSnapshotsResponse, SaveUnitAssessmentPayload, SaveUnitAssessmentResponse, TakeSnapshotPayload, TakeSnapshotResponse } from './assessment';
import type { ClauseRecordView, ClauseRegisterView, GapReportView, GetClauseRegisterPayload, GetReadinessMacroPayload, ReadinessMacroView, ListMacroProjectsPayload, MacroProjectsView, GetGapReportPayload, PreviewReportPayload, PreviewReportResponse, SetClauseResultPayload, StartPublishReportPayload, StartPublishReportResponse } from './gap-report';
import type { RecordLessonPayload, EvaluationActionPayload, GetPhaseEvaluationPayload, LessonsResponse, ListLessonsPayload, PhaseEvaluationResponse, PreviewEvaluationActionResponse, RecordEvaluationActionPayload, RecordEvaluationActionResponse, SavePhaseEvaluationPayload, TakeUpLessonPayload } from './evaluation';
import type { ApproveBusinessCasePayload, ApproveBusinessCaseResponse, ComputeKpiPayload, ComputeKpiResponse, GetInitiationPayload, GetInitiationResponse, PublishBusinessCasePayload, PublishBusinessCaseResponse, RecordKpiMeasurementPayload, RecordKpiMeasurementResponse, SaveBusinessCasePayload, SaveBusinessCaseResponse, SaveChallengeRegisterPayload, SaveChallengeRegisterResponse, SaveKpisPayload, SaveKpisResponse, SaveTargetStatePayload, SaveTargetStateResponse } from './initiation';
import type { GetJobStatusPayload, JobActionPayload, JobActionResponse, JobStatusView, ListJobHistoryPayload, ListJobHistoryResponse, PreviewEpicSyncPayload, PreviewEpicSyncResponse, StartEpicSyncPayload, StartEpicSyncResponse } from './jobs';
import type { SearchUsersPayload, SearchUsersResponse } from './people';
import type { BulkMappingStatusResponse, CoverageResponse, GetBulkMappingStatusPayload, GetCoveragePayload, GetIssueClausesPayload, IssueClausesResponse, ListClausesResponse, PreviewBulkMappingPayload, PreviewBulkMappingResponse, SaveIssueClausesPayload, SaveProjectIssueClausePayload, StartBulkMappingPayload, StartBulkMappingResponse, UndoBulkMappingPayload } from './mapping';
import type { CheckPlanPayload, CheckPlanResponse, GetPlanPayload, GetPlanResponse, ProposePlanPayload, ProposePlanResponse, SavePlanPayload, SavePlanResponse } from './plan';
import type { GetScopeDiffPayload, GetScopeDiffResponse, GetScopeHistoryPayload, GetScopeHistoryResponse, GetScopePayload, GetScopeResponse, PreviewScopePayload, PreviewScopeResponse, SaveScopePayload, SaveScopeResponse } from './scope';
import type { GetProjectSettingsPayload, GetProjectSettingsResponse, GetSettingsOptionsPayload, GetSettingsOptionsResponse, SaveProjectSettingsPayload, SaveProjectSettingsResponse } from './settings';
import type { ResolverResult } from './result';
import type { ActionChangeResponse, AuditProgrammeView, CertificationReadinessView, CompleteCorrectiveActionPayload, CreateCorrectiveActionPayload, CreatedIssueResponse, GetAuditProgrammePayload, GetCertificationReadinessPayload, PlanAuditPayload, RecordFindingPayload, RecordReviewOutputPayload, SaveProcessOwnersPayload, StartAuditSamplePayload, StartJobResponse, StartPublishReviewPayload, VerifyCorrectiveActionPayload } from './audit';

/** A resolver that takes no payload. */
export type EmptyPayload = Record<string, never>;

export interface ResolverContract {
  recordLesson: { payload: RecordLessonPayload; response: LessonsResponse };
  abandonJob: { payload: JobActionPayload; response: JobActionResponse };
  approveBusinessCase: { payload: ApproveBusinessCasePayload; response: ApproveBusinessCaseResponse };
  checkPlan: { payload: CheckPlanPayload; response: CheckPlanResponse };
  compareSnapshots: { payload: CompareSnapshotsPayload; response: CompareSnapshotsResponse };
  computeKpi: { payload: ComputeKpiPayload; response: ComputeKpiResponse };
  getAppContext: { payload: GetAppContextPayload; response: AppContextResponse };
  getAssessment: { payload: GetAssessmentPayload; response: GetAssessmentResponse };
  getBulkMappingStatus: { payload: GetBulkMappingStatusPayload; response: BulkMappingStatusResponse };
  getCoverage: { payload: GetCoveragePayload; response: CoverageResponse };
  getGapReport: { payload: GetGapReportPayload; response: GapReportView };
  getInitiation: { payload: GetInitiationPayload; response: GetInitiationResponse };
  getIssueClauses: { payload: GetIssueClausesPayload; response: IssueClausesResponse };
  getJobStatus: { payload: GetJobStatusPayload; response: JobStatusView };
  getPhaseEvaluation: { payload: GetPhaseEvaluationPayload; response: PhaseEvaluationResponse };
  getPlan: { payload: GetPlanPayload; response: GetPlanResponse };
  getProjectSettings: { payload: GetProjectSettingsPayload; response: GetProjectSettingsResponse };
  getScope: { payload: GetScopePayload; response: GetScopeResponse };
  getScopeDiff: { payload: GetScopeDiffPayload; response: GetScopeDiffResponse };
  getScopeHistory: { payload: GetScopeHistoryPayload; response: GetScopeHistoryResponse };
  getSettingsOptions: { payload: GetSettingsOptionsPayload; response: GetSettingsOptionsResponse };
  listClauses: { payload: EmptyPayload; response: ListClausesResponse };
  listLessons: { payload: ListLessonsPayload; response: LessonsResponse };
  listJobHistory: { payload: ListJobHistoryPayload; response: ListJobHistoryResponse };
  listSnapshots: { payload: ListSnapshotsPayload; response: ListSnapshotsResponse };
  previewBulkMapping: { payload: PreviewBulkMappingPayload; response: PreviewBulkMappingResponse };
  getReadinessMacro: { payload: GetReadinessMacroPayload; response: ReadinessMacroView };
  listMacroProjects: { payload: ListMacroProjectsPayload; response: MacroProjectsView };
  getClauseRegister: { payload: GetClauseRegisterPayload; response: ClauseRegisterView };
  previewEvaluationAction: { payload: EvaluationActionPayload; response: PreviewEvaluationActionResponse };
  previewReport: { payload: PreviewReportPayload; response: PreviewReportResponse };
  previewScope: { payload: PreviewScopePayload; response: PreviewScopeResponse };
  proposePlan: { payload: ProposePlanPayload; response: ProposePlanResponse };
  publishBusinessCase: { payload: PublishBusinessCasePayload; response: PublishBusinessCaseResponse };
  recordEvaluationAction: { payload: RecordEvaluationActionPayload; response: RecordEvaluationActionResponse };
  recordKpiMeasurement: { payload: RecordKpiMeasurementPayload; response: RecordKpiMeasurementResponse };
  resumeJob: { payload: JobActionPayload; response: JobActionResponse };
  saveBusinessCase: { payload: SaveBusinessCasePayload; response: SaveBusinessCaseResponse };
  saveChallengeRegister: { payload: SaveChallengeRegisterPayload; response: SaveChallengeRegisterResponse };
  saveIssueClauses: { payload: SaveIssueClausesPayload; response: IssueClausesResponse };
  saveProjectIssueClause: { payload: SaveProjectIssueClausePayload; response: IssueClausesResponse };
  saveKpis: { payload: SaveKpisPayload; response: SaveKpisResponse };
  savePlan: { payload: SavePlanPayload; response: SavePlanResponse };
  savePhaseEvaluation: { payload: SavePhaseEvaluationPayload; response: PhaseEvaluationResponse };
  saveProjectSettings: { payload: SaveProjectSettingsPayload; response: SaveProjectSettingsResponse };
  saveScope: { payload: SaveScopePayload; response: SaveScopeResponse };
  saveTargetState: { payload: SaveTargetStatePayload; response: SaveTargetStateResponse };
  saveUnitAssessment: { payload: SaveUnitAssessmentPayload; response: SaveUnitAssessmentResponse };
  setClauseResult: { payload: SetClauseResultPayload; response: ClauseRecordView };
  startBulkMapping: { payload: StartBulkMappingPayload; response: StartBulkMappingResponse };
  searchUsers: { payload: SearchUsersPayload; response: SearchUsersResponse };
  previewEpicSync: { payload: PreviewEpicSyncPayload; response: PreviewEpicSyncResponse };
  startEpicSync: { payload: StartEpicSyncPayload; response: StartEpicSyncResponse };
  startPublishReport: { payload: StartPublishReportPayload; response: StartPublishReportResponse };
  takeUpLesson: { payload: TakeUpLessonPayload; response: LessonsResponse };
  takeSnapshot: { payload: TakeSnapshotPayload; response: TakeSnapshotResponse };
  undoBulkMapping: { payload: UndoBulkMappingPayload; response: StartBulkMappingResponse };
  // ---- the audit cycle (src/resolvers/audit-resolvers.ts)
  getAuditProgramme: { payload: GetAuditProgrammePayload; response: AuditProgrammeView };
  saveProcessOwners: { payload: SaveProcessOwnersPayload; response: AuditProgrammeView };
  planAudit: { payload: PlanAuditPayload; response: CreatedIssueResponse };
  startAuditSample: { payload: StartAuditSamplePayload; response: StartJobResponse };
  recordFinding: { payload: RecordFindingPayload; response: CreatedIssueResponse };
  createCorrectiveAction: { payload: CreateCorrectiveActionPayload; response: CreatedIssueResponse };
  completeCorrectiveAction: { payload: CompleteCorrectiveActionPayload; response: ActionChangeResponse };
  verifyCorrectiveAction: { payload: VerifyCorrectiveActionPayload; response: ActionChangeResponse };
  getCertificationReadiness: { payload: GetCertificationReadinessPayload; response: CertificationReadinessView };
  startPublishReview: { payload: StartPublishReviewPayload; response: StartJobResponse };
  recordReviewOutput: { payload: RecordReviewOutputPayload; response: CreatedIssueResponse };
}

export type ResolverKey = keyof ResolverContract;
export type PayloadOf<K extends ResolverKey> = ResolverContract[K]['payload'];
export type ResponseOf<K extends ResolverKey> = ResolverContract[K]['response'];
export type ResultOf<K extends ResolverKey> = ResolverResult<ResponseOf<K>>;
