import type { JobQueue } from '../platform/job-queue';
import type { JobRunner } from '../platform/job-runner';
import type { ProductApi } from '../platform/product-api';
import type { KeyValueStore } from '../storage/kv-store';
import type { SettingsRepository } from '../storage/settings-repository';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { PlanRepository } from '../storage/plan-repository';
import type { ScopeRepository } from '../storage/scope-repository';
import type { SnapshotRepository } from '../storage/snapshot-repository';
import type { PermissionGateway } from './permission-gateway';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, msg: string, data?: Record<string, unknown>) => void;

/** What every resolver and job handler receives as `deps`. Built once per invocation by `createApp`. */
export interface AppServices {
  api: ProductApi;
  store: KeyValueStore;
  queue: JobQueue;
  now: () => Date;
  log: Logger;
  permissions: PermissionGateway;
  settings: SettingsRepository;
  scopes: ScopeRepository;
  assessments: AssessmentRepository;
  snapshots: SnapshotRepository;
  plans: PlanRepository;
  /** The one job runner (start, resume, abandon, history, and every queued delivery). */
  jobs: JobRunner;
  /** The app's and environment's ids at run time (Forge: getAppContext()); undefined when unknown (then no macro is embedded). */
  appIdentity?: () => AppIdentity | undefined;
}

/** What Confluence needs to find this app's macro: the ids Forge gives the running app. */
export interface AppIdentity {
  appId: string;
  environmentId: string;
  environmentType: string;
}

export const consoleLogger: Logger = (level, msg, data) => {
  const line = data === undefined ? msg : `${msg} ${JSON.stringify(data)}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};
