/** Payload and response types of the job resolvers (epic sync and any queued job). Types only: `static/` imports them via `@contract/*`. */
import type { OrphanIssue } from '../domain/epics/reconcile-epics';
import type { SyncPreview } from '../domain/epics/sync-preview';

export type { SyncPreview, SyncPreviewLine } from '../domain/epics/sync-preview';
import type { PeopleNames } from './people';

/** `interrupted`: the job stopped (its lease ran out, or the queue gave up retrying); it offers Resume and Abandon. */
export type JobStatusName = 'queued' | 'running' | 'interrupted' | 'done' | 'failed' | 'abandoned';

export interface JobLinkView {
  label: string;
  /** A path in the product (`/browse/SMS-1`, a Confluence page path). */
  href: string;
}

/** Progress of one queued job, as `getJobStatus` returns it ("n of m" = done of total). */
export interface JobStatusView<R = unknown> {
  jobId: string;
  type: string;
  status: JobStatusName;
  done: number;
  total: number;
  messages: string[];
  /** Type-specific result once the job has one (for 'epic-sync': EpicSyncResultView). */
  result: R | null;
  createdAt: string;
  updatedAt: string;
  /** accountId of who started the job (null for jobs started by the app itself). */
  startedBy: string | null;
  /** Display name of `startedBy`. */
  people: PeopleNames;
  title: string;
  links: JobLinkView[];
  endedAt: string | null;
  /** Who abandoned it (null when it ended by itself). */
  endedBy: string | null;
}

/** One job of the project's history (`listJobHistory`, newest first, at most 20 per type). */
export interface JobHistoryItemView {
  jobId: string;
  type: string;
  title: string;
  status: JobStatusName;
  done: number;
  total: number;
  startedBy: string | null;
  createdAt: string;
  endedAt: string | null;
  endedBy: string | null;
  /** The last message (how it ended, or where it stopped). */
  lastMessage: string | null;
  links: JobLinkView[];
}

/** The job types a panel shows (their names are the job runner's type keys). */
export type JobTypeKey = 'epic-sync' | 'bulkMapping' | 'publish-report';

export interface ListJobHistoryPayload {
  /** One job type; all when absent. */
  type?: JobTypeKey;
}

export interface ListJobHistoryResponse {
  jobs: JobHistoryItemView[];
  people: PeopleNames;
}

export interface JobActionPayload {
  jobId: string;
}

/** What resumeJob / abandonJob answer. */
export interface JobActionResponse {
  jobId: string;
  status: JobStatusName;
  /** Abandon: what happened (e.g. "Undoing the 120 issue(s) it may have written"). */
  message: string;
  /** Abandon of a bulk mapping apply: the undo job it queued. */
  followUpJobId: string | null;
}

export interface GetJobStatusPayload {
  jobId: string;
}

/**
 * What the Phases panel sends to `startEpicSync`. No plan: the resolver reads the project's SAVED plan, so
 * Jira always follows what is stored (CONFIG_MISSING when nothing is saved).
 */
export interface StartEpicSyncPayload {
  /** One work item per clause under each epic (default true). */
  includeItems?: boolean;
  /** The saved plan version the user is looking at; a newer saved version refuses the start with CONFLICT. */
  expectedPlanVersion?: number;
  /** Issues the user confirmed to close (from the preview): closed only if the plan still does not want them. */
  close?: string[];
}

/** What `previewEpicSync` takes: the start's payload without the issues to close. */
export type PreviewEpicSyncPayload = Omit<StartEpicSyncPayload, 'close'>;

/** What `previewEpicSync` answers: what a run would change, before anything is written. */
export interface PreviewEpicSyncResponse {
  planVersion: number;
  preview: SyncPreview;
  /** JQL of every issue of the plan (for the issue navigator link). */
  planJql: string;
}

export interface StartEpicSyncResponse {
  jobId: string;
  /** True when a sync of this project was already queued or running: its job id is returned instead. */
  alreadyRunning: boolean;
}

/** One issue the sync could not create or edit. */
export interface EpicSyncFailureView {
  summary: string;
  role: 'epic' | 'item' | 'edit';
  key?: string;
  clauseId?: string | null;
  status: number;
  messages: string[];
  /** True when the failure was transient (rate limit, 5xx, network): running again can fix it. */
  transient: boolean;
}

/** An issue of the plan the saved plan no longer wants (the domain's reconcile result, sent as is). */
export type EpicSyncOrphanView = OrphanIssue;

/** `result` of a finished 'epic-sync' job: what `EpicSyncService.run` returns (the one definition of it). */
export interface EpicSyncResultView {
  planId: string;
  /** Every epic of the plan that exists now, in plan order. */
  epics: { phaseId: string; subsetId: string; key: string | null; summary: string }[];
  created: { epics: string[]; items: string[] };
  retitled: string[];
  reparented: string[];
  /** Issues the plan no longer wants and still open (not closed by this run): never deleted. */
  orphans: EpicSyncOrphanView[];
  /** Issues this run closed because the user confirmed it, with the status they went to. */
  closed: { key: string; summary: string; status: string }[];
  unchanged: number;
  failures: EpicSyncFailureView[];
}
