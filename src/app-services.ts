/**
 * What every resolver and job step receives as `deps`: the platform adapters, the two product clients, every
 * repository and every service, each built once by the composition root (`buildServices` in src/wiring.ts).
 * Nothing else constructs a client, a repository or a service (eslint.config.mjs enforces it for clients and
 * repositories).
 */
import type { ConfluenceClient } from './confluence/confluence-client';
import type { JiraClient } from './jira/jira-client';
import type { JobQueue } from './platform/job-queue';
import type { JobRunner } from './platform/job-runner';
import type { Logger } from './platform/logger';
import type { PermissionGateway } from './platform/permission-gateway';
import type { ProductApi } from './platform/product-api';
import type { BulkMappingService } from './services/bulk-mapping.service';
import type { EpicSyncService } from './services/epic-sync.service';
import type { GapReportService } from './services/gap-report.service';
import type { InitiationService } from './services/initiation.service';
import type { KpiService } from './services/kpi.service';
import type { MappingService } from './services/mapping.service';
import type { PublishReportService } from './services/publish-report.service';
import type { ReportPublishingService } from './services/report-publishing.service';
import type { JobHistoryService } from './services/job-history.service';
import type { PeopleService } from './services/people.service';
import type { PlanService } from './services/plan.service';
import type { ScopeService } from './services/scope.service';
import type { AssessmentService } from './services/assessment.service';
import type { EvaluationViewsService } from './services/evaluation-views.service';
import type { ProjectSettingsService } from './services/project-settings.service';
import type { GapReportViewsService } from './services/gap-report-views.service';
import type { AuditSamplingService } from './services/audit-sampling.service';
import type { PhaseEvaluationService } from './services/phase-evaluation.service';
import type { ReviewPackService } from './services/review-pack.service';
import type { EvaluationRepository } from './storage/evaluation-repository';
import type { AuditRepository } from './storage/audit-repository';
import type { AuditCycleService } from './services/audit-cycle.service';
import type { AuditProgrammeService } from './services/audit-programme.service';
import type { NameLookup } from './services/user-names.service';
import type { AssessmentRepository } from './storage/assessment-repository';
import type { ClauseRecordRepository } from './storage/clause-record-repository';
import type { InitiationRepository } from './storage/initiation-repository';
import type { KeyValueStore } from './storage/kv-store';
import type { MappingChangeRepository } from './storage/mapping-change-repository';
import type { PlanRepository } from './storage/plan-repository';
import type { ReportPublicationRepository } from './storage/report-publication-repository';
import type { ScopeRepository } from './storage/scope-repository';
import type { SettingsRepository } from './storage/settings-repository';
import type { SnapshotRepository } from './storage/snapshot-repository';

export interface AppServices {
  // ---- platform
  api: ProductApi;
  store: KeyValueStore;
  queue: JobQueue;
  now: () => Date;
  log: Logger;
  /** The one job runner (start, resume, abandon, history, and every queued delivery). */
  jobs: JobRunner<AppServices>;
  /** A project's jobs as the UI shows them: status, history, Resume and Abandon (every job type). */
  jobHistory: JobHistoryService;

  // ---- product clients (one each; every call says whether it runs as the user or as the app)
  permissions: PermissionGateway;
  jira: JiraClient;
  confluence: ConfluenceClient;
  /** accountId → display name (one bulk call as the user, short retry budget; never fails the caller). */
  names: NameLookup;

  // ---- repositories
  settings: SettingsRepository;
  scopes: ScopeRepository;
  assessments: AssessmentRepository;
  snapshots: SnapshotRepository;
  plans: PlanRepository;
  clauseRecords: ClauseRecordRepository;
  initiationRecords: InitiationRepository;
  publications: ReportPublicationRepository;
  mappingChanges: MappingChangeRepository;
  /** Phase evaluations, the lessons-learned register and the plan's revision history. */
  evaluations: EvaluationRepository;
  /** The audit programme's own data: process owners, management review publications. */
  audits: AuditRepository;

  // ---- services (use cases that need I/O)
  /** The user picker: Jira's user search as the user. */
  people: PeopleService;
  /** The app context of every UI module, and the project settings (view, options, checked save). */
  projectSettings: ProjectSettingsService;
  /** The Scope view: the current scope, its versions and diff, a save. */
  scope: ScopeService;
  /** The Maturity view: the assessment, a unit's save, the snapshots. */
  assessment: AssessmentService;
  /** Reads as the user or the app, as each call says (views: user; the publish job: app). */
  gapReport: GapReportService;
  /** As the user: the Gap report view (and its clause results), its clause register export, the readiness macro and its project picker. */
  gapReportViews: GapReportViewsService;
  /** As the app: only the publish job runs it, after startPublishReport checked the user. */
  publishReport: PublishReportService;
  /** Queues the publish job after the checks as the user (startPublishReport). */
  reportPublishing: ReportPublishingService;
  /** As the app: only the epic-sync job runs it, after startEpicSync checked the user. */
  epicSync: EpicSyncService;
  /** The Phases view: the saved plan (view, propose, save) and Create in Jira's preview and start (as the user). */
  plan: PlanService;
  mapping: MappingService;
  bulkMapping: BulkMappingService;
  initiation: InitiationService;
  /** As the user: a KPI counts only what the caller can see. */
  kpi: KpiService;
  // The audit cycle's services (the Audit and Management review views; the resolvers in src/resolvers/audit-resolvers.ts).
  /** The audit cycle's use cases, one per resolver (as the user; the jobs they start run as the app). */
  auditProgramme: AuditProgrammeService;
  /** As the user: audits, findings, corrective actions and review outputs in Jira, and the programme read back. */
  auditCycle: AuditCycleService;
  /** As the app: the audit-sample job reads the audit issue (after startAuditSample read it as the user). */
  auditCycleAsApp: AuditCycleService;
  /** As the app, after the caller's permission was checked: draws and records an audit's evidence sample. */
  auditSampling: AuditSamplingService;
  /** As the app, after the caller's permission was checked: reads the audit cycle and publishes the review pack. */
  reviewPack: ReviewPackService;
  /** As the user: one phase's evaluation. */
  phaseEvaluation: PhaseEvaluationService;
  /** The Evaluation view's calls: a phase's evaluation with the lessons and names, the lessons register. */
  evaluationViews: EvaluationViewsService;
}
