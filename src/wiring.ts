/**
 * The app's composition root: builds every client, repository and service once (`buildServices`), registers
 * every resolver with `@forge/resolver`, and dispatches queued jobs by `type`. Forge (src/index.ts) and the
 * sandbox call `createApp` with their own adapters; nothing else differs between the two. Constructors of
 * clients and repositories appear only here (eslint.config.mjs; tests and the sandbox excepted).
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import type { AppServices } from './app-services';
import { ConfluenceClient, type ConfluenceClientOptions } from './confluence/confluence-client';
import { epicSyncJob } from './consumers/epic-sync.consumer';
import { JiraClient, type JiraClientOptions } from './jira/jira-client';
import type { JobQueue } from './platform/job-queue';
import { JobRunner, type JobMeta, type JobType } from './platform/job-runner';
import { consoleLogger, type Logger } from './platform/logger';
import type { ProductApi } from './platform/product-api';
import type { AnyResolverDefinition } from './resolvers/define-resolver';
import { getAppContext } from './resolvers/get-app-context.resolver';
import { getJobStatus } from './resolvers/get-job-status.resolver';
import { abandonJob, listJobHistory, resumeJob } from './resolvers/job-actions.resolver';
import { getProjectSettings } from './resolvers/get-project-settings.resolver';
import { getSettingsOptions } from './resolvers/get-settings-options.resolver';
import type { PermissionGateway } from './platform/permission-gateway';
import { BulkMappingService } from './services/bulk-mapping.service';
import { EpicSyncService } from './services/epic-sync.service';
import { GapReportService } from './services/gap-report.service';
import { InitiationService } from './services/initiation.service';
import { KpiService } from './services/kpi.service';
import { MappingService } from './services/mapping.service';
import { AuditSamplingService } from './services/audit-sampling.service';
import { PhaseEvaluationService } from './services/phase-evaluation.service';
import { ReviewPackService } from './services/review-pack.service';
import { EvaluationRepository } from './storage/evaluation-repository';
import { AuditRepository } from './storage/audit-repository';
import { AuditCycleService } from './services/audit-cycle.service';
import { AuditProgrammeService } from './services/audit-programme.service';
import { ReportPublishingService } from './services/report-publishing.service';
import { JobHistoryService } from './services/job-history.service';
import { PeopleService } from './services/people.service';
import { PlanService } from './services/plan.service';
import { ScopeService } from './services/scope.service';
import { AssessmentService } from './services/assessment.service';
import { EvaluationViewsService } from './services/evaluation-views.service';
import { ProjectSettingsService } from './services/project-settings.service';
import { GapReportViewsService } from './services/gap-report-views.service';
import { auditSampleJob, publishReviewJob } from './consumers/audit-cycle.consumer';
import { AUDIT_RESOLVERS } from './resolvers/audit-resolvers';
import { type AppIdentity, PublishReportService } from './services/publish-report.service';
import { NAME_LOOKUP_RETRY, nameLookup } from './services/user-names.service';
import { ClauseRecordRepository } from './storage/clause-record-repository';
import { InitiationRepository } from './storage/initiation-repository';
import { JobRepository } from './storage/job-repository';
import { MappingChangeRepository } from './storage/mapping-change-repository';
import { ReportPublicationRepository } from './storage/report-publication-repository';
import { saveProjectSettings } from './resolvers/save-project-settings.resolver';
import { startEpicSync } from './resolvers/start-epic-sync.resolver';
import { previewEpicSync } from './resolvers/preview-epic-sync.resolver';
import { searchUsers } from './resolvers/search-users.resolver';
import type { KeyValueStore } from './storage/kv-store';
import { SettingsRepository } from './storage/settings-repository';
import { AssessmentRepository } from './storage/assessment-repository';
import { PlanRepository } from './storage/plan-repository';
import { ScopeRepository } from './storage/scope-repository';
import { SnapshotRepository } from './storage/snapshot-repository';
import { SCOPE_MATURITY_PLAN_RESOLVERS } from './resolvers/scope-maturity-plan-resolvers';
import { MAPPING_RESOLVERS } from './resolvers/mapping-resolvers';
import { bulkMappingJob } from './consumers/bulk-mapping.consumer';
import { publishReportJob } from './consumers/publish-report.consumer';
import { GAP_REPORT_RESOLVERS } from './resolvers/gap-report-resolvers';
import { INITIATION_RESOLVERS } from './resolvers/initiation-resolvers';
import { PHASE_EVALUATION_RESOLVERS } from './resolvers/phase-evaluation-resolvers';

export interface AppDeps {
  api: ProductApi;
  store: KeyValueStore;
  queue: JobQueue;
  now?: () => Date;
  log?: Logger;
  /** Defaults to the JiraClient over `api`; tests may pass a fake. */
  permissions?: PermissionGateway;
  /** The running app's ids at run time (Forge: getAppContext()); undefined when unknown (then no macro is embedded). */
  appIdentity?: () => AppIdentity | undefined;
  /** Retry options of the product clients (tests inject a no-op sleep). */
  clientOptions?: { jira?: JiraClientOptions; confluence?: ConfluenceClientOptions };
}

/** Every resolver the UI can invoke. Add new ones here. */
export const RESOLVERS: readonly AnyResolverDefinition[] = [
  getAppContext,
  getProjectSettings,
  saveProjectSettings,
  getSettingsOptions,
  searchUsers,
  previewEpicSync,
  startEpicSync,
  getJobStatus,
  resumeJob,
  abandonJob,
  listJobHistory,
  ...SCOPE_MATURITY_PLAN_RESOLVERS,
  ...MAPPING_RESOLVERS,
  ...GAP_REPORT_RESOLVERS,
  ...INITIATION_RESOLVERS,
  ...PHASE_EVALUATION_RESOLVERS,
  ...AUDIT_RESOLVERS,
];

/** Every job type the `sms-jobs` queue carries. Add new ones here (see src/platform/job-runner.ts). */
export const JOB_TYPES: readonly JobType<AppServices>[] = [epicSyncJob, bulkMappingJob, publishReportJob, auditSampleJob, publishReviewJob];

export interface AppOptions {
  resolvers?: readonly AnyResolverDefinition[];
  jobs?: readonly JobType<AppServices>[];
  /** How long a job run holds its job without progress (default JOB_LEASE_MS). */
  jobLeaseMs?: number;
}

export type ResolverHandler = (
  event: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: unknown },
  backend?: { principal?: { accountId?: string } },
) => Promise<unknown>;

/** Resolves to nothing, or to an `@forge/events` InvocationError (as JSON) asking the queue for a retry. */
export type JobConsumer = (event: unknown, context: unknown) => Promise<InvocationError | undefined>;

export interface App {
  resolverHandler: ResolverHandler;
  jobConsumer: JobConsumer;
  services: AppServices;
}

/** Shape of an `@forge/events` AsyncEvent as far as the dispatcher needs it. */
const jobEventSchema = z.object({
  body: z.looseObject({ type: z.string().min(1) }),
  jobId: z.string().optional(),
  eventId: z.string().optional(),
  retryContext: z.object({ retryCount: z.number().int().nonnegative() }).loose().optional(),
});

export function buildServices(deps: AppDeps, options: Pick<AppOptions, 'jobs' | 'jobLeaseMs'> = {}): AppServices {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? consoleLogger;
  const { api, store } = deps;
  const jiraOptions = deps.clientOptions?.jira ?? {};
  const jobs = new JobRunner<AppServices>(
    { repository: new JobRepository(store, now), queue: deps.queue, now, log, ...(options.jobLeaseMs !== undefined ? { leaseMs: options.jobLeaseMs } : {}) },
    options.jobs ?? JOB_TYPES,
  );

  // Clients: one Jira and one Confluence client; every call says whether it runs as the user or as the app.
  const jira = new JiraClient(api, jiraOptions);
  /** Bulk creates of the epic sync: one attempt per call, re-sent only after checking what exists. */
  const jiraOnce = new JiraClient(api, { ...jiraOptions, maxAttempts: 1 });
  /** Display names: a nicety, so a short retry budget. */
  const directory = new JiraClient(api, { ...jiraOptions, ...NAME_LOOKUP_RETRY });
  const confluence = new ConfluenceClient(api, deps.clientOptions?.confluence);
  const names = nameLookup(directory, log);

  // Repositories.
  const settings = new SettingsRepository(store, now);
  const scopes = new ScopeRepository(store, now);
  const assessments = new AssessmentRepository(store, now);
  const snapshots = new SnapshotRepository(store, now);
  const plans = new PlanRepository(store, now);
  const clauseRecords = new ClauseRecordRepository(store, now);
  const initiationRecords = new InitiationRepository(store, now);
  const publications = new ReportPublicationRepository(store);
  const mappingChanges = new MappingChangeRepository(store, now);
  const evaluations = new EvaluationRepository(store, now);
  const audits = new AuditRepository(store, now);

  // Services.
  const permissions = deps.permissions ?? jira;
  const kpi = new KpiService(jira, { as: 'user' });
  const gapReport = new GapReportService({ jira, clauseRecords, scopes, assessments, plans, initiationRecords, now, names });
  const auditCycle = new AuditCycleService({ jira, now }, { as: 'user' });
  const epicSync = new EpicSyncService(
    { jira, jiraOnce },
    { as: 'app', ...(jiraOptions.sleep ? { sleep: jiraOptions.sleep } : {}), ...(jiraOptions.random ? { random: jiraOptions.random } : {}) },
  );
  const phaseEvaluation = new PhaseEvaluationService({ jira, plans, initiationRecords, assessments, snapshots, evaluations, kpi, now }, { as: 'user' });
  const services: AppServices = {
    api,
    store,
    queue: deps.queue,
    now,
    log,
    jobs,
    jobHistory: new JobHistoryService({ jobs, names }),
    permissions,
    jira,
    confluence,
    names,
    people: new PeopleService({ jira }),
    settings,
    scopes,
    assessments,
    snapshots,
    plans,
    clauseRecords,
    initiationRecords,
    publications,
    mappingChanges,
    gapReport,
    projectSettings: new ProjectSettingsService({ settings, jira, confluence, permissions, names, log }),
    scope: new ScopeService({ scopes, names, log }),
    assessment: new AssessmentService({ assessments, snapshots, names, log }),
    gapReportViews: new GapReportViewsService({ gaps: gapReport, publications, settings, assessments, clauseRecords, permissions, names, jira }),
    publishReport: new PublishReportService(
      { gaps: gapReport, jira, confluence, publications, now },
      { as: 'app', ...(deps.appIdentity !== undefined ? { appIdentity: deps.appIdentity } : {}) },
    ),
    reportPublishing: new ReportPublishingService({ confluence, settings, jobs, log }),
    epicSync,
    plan: new PlanService({ plans, assessments, phaseEvaluation, epicSync, jira, settings, jobs, names, log }),
    mapping: new MappingService(jira, permissions, settings),
    bulkMapping: new BulkMappingService({ jira, changes: mappingChanges, jobs, now, log }),
    initiation: new InitiationService({ initiationRecords, plans, snapshots, names, kpi, confluence, jira, settings, now, log }),
    kpi,
    evaluations,
    audits,
    auditCycle,
    auditProgramme: new AuditProgrammeService({ cycle: auditCycle, audits, names, gaps: gapReport, jobs, confluence, settings, now }),
    auditCycleAsApp: new AuditCycleService({ jira, now }, { as: 'app' }),
    auditSampling: new AuditSamplingService({ jira }, { as: 'app' }),
    reviewPack: new ReviewPackService({ jira, confluence }, { as: 'app' }),
    phaseEvaluation,
    evaluationViews: new EvaluationViewsService({ phaseEvaluation, plans, names, log }),
  };
  jobs.bind(services);
  return services;
}

export function createApp(deps: AppDeps, options: AppOptions = {}): App {
  const services = buildServices(deps, options);

  const resolver = new Resolver();
  for (const def of options.resolvers ?? RESOLVERS) {
    resolver.define(def.key, (request) => def.run({ payload: request.payload, context: request.context }, services));
  }
  const definitions = resolver.getDefinitions();
  const resolverHandler: ResolverHandler = (event, backend) =>
    definitions(event as Parameters<typeof definitions>[0], backend);

  const jobConsumer: JobConsumer = async (event) => {
    const parsed = jobEventSchema.safeParse(event);
    if (!parsed.success) {
      services.log('error', 'job event is malformed', { issues: parsed.error.issues.map((i) => i.message) });
      throw new Error(`Malformed job event: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const { body } = parsed.data;
    if (!services.jobs.knows(body.type)) {
      services.log('error', 'unknown job type', { type: body.type });
      throw new Error(`No handler is registered for job type "${body.type}".`);
    }
    const meta: JobMeta = {
      jobId: parsed.data.jobId ?? null,
      eventId: parsed.data.eventId ?? null,
      retryCount: parsed.data.retryContext?.retryCount ?? 0,
    };
    const outcome = await services.jobs.consume(body, meta);
    if (outcome.kind !== 'retry') return undefined;
    // @forge/events 3: returning an InvocationError asks the queue to deliver the event again after retryAfter.
    return new InvocationError({
      retryAfter: outcome.retryAfterSeconds,
      retryReason: outcome.reason === 'FUNCTION_UPSTREAM_RATE_LIMITED' ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      retryData: { jobId: body.jobId ?? null },
    });
  };

  return { resolverHandler, jobConsumer, services };
}
