/**
 * Queue consumer of 'epic-sync' jobs. The job record (written by the startEpicSync resolver) holds the plan;
 * the event only names the job, the user and the project.
 *
 * Identity: Forge queue consumers run without a user, so `asUser()` is not available here (it would need a
 * stored user token). The Jira calls therefore run as the app — allowed only because the resolver checked,
 * as the user, that they may change the SMS data (write access) AND hold CREATE_ISSUES in the project
 * before queueing. The user's accountId is recorded on the job and checked against the event.
 *
 * Safe to run twice: a finished job is skipped, and a re-run searches Jira first, so nothing is created twice.
 * Transient trouble (rate limits, 5xx, network) is rethrown so the queue runs the job again (a resume);
 * permanent problems (bad configuration, Jira refusing an item) end the job with the reason recorded.
 */
import { z } from 'zod';
import { epicPlanInputSchema } from '../domain/epics';
import { isAppError } from '../domain/errors';
import type { JiraClientOptions } from '../jira/jira-client';
import { defineJobHandler, type JobHandler } from '../platform/job-handler';
import type { AppServices } from '../resolvers/services';
import { EpicSyncService, hasTransientFailures, type EpicSyncResult } from '../services/epic-sync.service';
import type { JsonValue } from '../storage/kv-store';
import { JobRepository } from '../storage/job-repository';

export const EPIC_SYNC_JOB_TYPE = 'epic-sync';
/** After this many consumer runs a job that still hits transient failures is marked failed (the user can start again). */
export const EPIC_SYNC_MAX_ATTEMPTS = 4;

export const epicSyncEventSchema = z.object({
  type: z.literal(EPIC_SYNC_JOB_TYPE),
  jobId: z.string().min(1).max(100),
  accountId: z.string().min(1).max(128),
  projectId: z.string().regex(/^\d{1,18}$/),
});
export type EpicSyncEvent = z.infer<typeof epicSyncEventSchema>;

/** What the resolver stores as the job's `input`. */
export const epicSyncJobInputSchema = z.object({ projectId: z.string().regex(/^\d{1,18}$/), request: epicPlanInputSchema });
export type EpicSyncJobInput = z.infer<typeof epicSyncJobInputSchema>;

const TRANSIENT_CODES = new Set(['UPSTREAM_ERROR', 'RATE_LIMITED']);
const PROGRESS_EVERY = 10;

export interface EpicSyncJobOptions {
  clientOptions?: JiraClientOptions;
}

export async function runEpicSyncJob(body: EpicSyncEvent, deps: AppServices, opts: EpicSyncJobOptions = {}): Promise<void> {
  const jobs = new JobRepository(deps.store, deps.now);
  const job = await jobs.get(body.jobId);
  if (job === undefined) {
    deps.log('warn', 'epic-sync event for an unknown job; dropped', { jobId: body.jobId });
    return;
  }
  if (job.status === 'done' || job.status === 'failed') return;
  if (job.type !== EPIC_SYNC_JOB_TYPE || job.accountId !== body.accountId || job.scope !== body.projectId) {
    await jobs.update(job.jobId, { status: 'failed', addMessages: ['The queued event does not match the job it names.'] });
    return;
  }
  const input = epicSyncJobInputSchema.safeParse(job.input);
  if (!input.success) {
    await jobs.update(job.jobId, { status: 'failed', addMessages: ['The stored plan of this job is unreadable.'] });
    return;
  }
  const attempt = job.attempts + 1;
  await jobs.update(job.jobId, {
    status: 'running',
    attempts: attempt,
    addMessages: [attempt === 1 ? 'Started.' : `Resumed (run ${attempt}); issues made by earlier runs are reused.`],
  });

  const settings = await deps.settings.get(body.projectId);
  const service = new EpicSyncService(deps.api, { as: 'app', ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}) });
  let written = -1;
  const last = { done: 0, total: 0 };
  let result: EpicSyncResult;
  try {
    result = await service.run(
      { projectId: input.data.projectId, input: input.data.request, epicIssueTypeId: settings?.epicIssueTypeId ?? null },
      async (p) => {
        last.done = p.done;
        last.total = p.total;
        if (p.message === undefined && p.done !== p.total && p.done - written < PROGRESS_EVERY) return;
        written = p.done;
        await jobs.update(job.jobId, { done: p.done, total: p.total, ...(p.message ? { addMessages: [p.message] } : {}) });
      },
    );
  } catch (e) {
    const transient = !isAppError(e) || TRANSIENT_CODES.has(e.code);
    const message = e instanceof Error ? e.message : String(e);
    if (transient && attempt < EPIC_SYNC_MAX_ATTEMPTS) {
      await jobs.update(job.jobId, { addMessages: [`Interrupted: ${message} It will resume.`] });
      throw e;
    }
    await jobs.update(job.jobId, { status: 'failed', addMessages: [message] });
    if (!isAppError(e)) throw e;
    return;
  }

  const summary =
    `Created ${result.created.epics.length} epic(s) and ${result.created.items.length} work item(s); ` +
    `retitled ${result.retitled.length}, re-parented ${result.reparented.length}; ${result.orphans.length} to close; ` +
    `${result.failures.length} failed.`;
  const failureLines = result.failures.slice(0, 50).map((f) => `${f.summary}: ${f.messages.join('; ') || `HTTP ${f.status}`}`);
  if (hasTransientFailures(result) && attempt < EPIC_SYNC_MAX_ATTEMPTS) {
    await jobs.update(job.jobId, { result: result as unknown as JsonValue, addMessages: [summary, 'Jira kept failing for some issues; resuming.'] });
    throw new Error(`epic-sync ${job.jobId}: ${result.failures.length} issue(s) still to do after transient failures`);
  }
  await jobs.update(job.jobId, {
    // Permanent per-item failures do not fail the job: the rest was done and the result lists them.
    status: 'done',
    done: last.done,
    total: last.total,
    result: result as unknown as JsonValue,
    addMessages: [summary, ...failureLines],
  });
}

/** Builds the handler; tests pass client options (e.g. a no-op sleep). */
export function createEpicSyncJobHandler(opts: EpicSyncJobOptions = {}): JobHandler {
  return defineJobHandler({
    type: EPIC_SYNC_JOB_TYPE,
    body: epicSyncEventSchema,
    handle: (body, deps) => runEpicSyncJob(body, deps, opts),
  });
}

export const epicSyncJob: JobHandler = createEpicSyncJobHandler();
