/**
 * The app's composition root: builds the services from the platform adapters, registers every resolver
 * with `@forge/resolver`, and dispatches queued jobs by `type`. Forge (src/index.ts) and the sandbox call
 * `createApp` with their own adapters; nothing else differs between the two.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import Resolver from '@forge/resolver';
import { z } from 'zod';
import { epicSyncJob } from './consumers/epic-sync.consumer';
import { JiraClient } from './jira/jira-client';
import type { JobQueue } from './platform/job-queue';
import { JobRunner, type JobMeta, type JobType } from './platform/job-runner';
import type { ProductApi } from './platform/product-api';
import type { AnyResolverDefinition } from './resolvers/define-resolver';
import { getAppContext } from './resolvers/get-app-context.resolver';
import { getJobStatus } from './resolvers/get-job-status.resolver';
import { abandonJob, listJobHistory, resumeJob } from './resolvers/job-actions.resolver';
import { getProjectSettings } from './resolvers/get-project-settings.resolver';
import { getSettingsOptions } from './resolvers/get-settings-options.resolver';
import type { PermissionGateway } from './resolvers/permission-gateway';
import { saveProjectSettings } from './resolvers/save-project-settings.resolver';
import { startEpicSync } from './resolvers/start-epic-sync.resolver';
import { previewEpicSync } from './resolvers/preview-epic-sync.resolver';
import { searchUsers } from './resolvers/search-users.resolver';
import { consoleLogger, type AppServices, type Logger } from './resolvers/services';
import type { KeyValueStore } from './storage/kv-store';
import { SettingsRepository } from './storage/settings-repository';
import { AssessmentRepository } from './storage/assessment-repository';
import { PlanRepository } from './storage/plan-repository';
import { ScopeRepository } from './storage/scope-repository';
import { SnapshotRepository } from './storage/snapshot-repository';
import { PANEL_RESOLVERS } from './resolvers/panel-resolvers';
import { MAPPING_RESOLVERS } from './resolvers/mapping-resolvers';
import { bulkMappingJob } from './consumers/bulk-mapping.consumer';
import { publishReportJob } from './consumers/publish-report.consumer';
import { GAP_REPORT_RESOLVERS } from './resolvers/gap-report-resolvers';
import { INITIATION_RESOLVERS } from './resolvers/initiation-resolvers';

export interface AppDeps {
  api: ProductApi;
  store: KeyValueStore;
  queue: JobQueue;
  now?: () => Date;
  log?: Logger;
  /** Defaults to a JiraClient over `api`; tests may pass a fake. */
  permissions?: PermissionGateway;
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
  ...PANEL_RESOLVERS,
  ...MAPPING_RESOLVERS,
  ...GAP_REPORT_RESOLVERS,
  ...INITIATION_RESOLVERS,
];

/** Every job type the `sms-jobs` queue carries. Add new ones here (see src/platform/job-runner.ts). */
export const JOB_TYPES: readonly JobType[] = [epicSyncJob, bulkMappingJob, publishReportJob];

export interface AppOptions {
  resolvers?: readonly AnyResolverDefinition[];
  jobs?: readonly JobType[];
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
  const jobs = new JobRunner(
    { store: deps.store, queue: deps.queue, now, log, ...(options.jobLeaseMs !== undefined ? { leaseMs: options.jobLeaseMs } : {}) },
    options.jobs ?? JOB_TYPES,
  );
  const services: AppServices = {
    api: deps.api,
    store: deps.store,
    queue: deps.queue,
    now,
    log,
    permissions: deps.permissions ?? new JiraClient(deps.api),
    settings: new SettingsRepository(deps.store, now),
    scopes: new ScopeRepository(deps.store, now),
    assessments: new AssessmentRepository(deps.store, now),
    snapshots: new SnapshotRepository(deps.store, now),
    plans: new PlanRepository(deps.store, now),
    jobs,
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
