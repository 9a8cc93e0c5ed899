/**
 * Queue consumer of 'publish-report' jobs: reads the project's mapped issues (all of them, page by page),
 * builds the report and writes it to Confluence, recording progress on the job.
 *
 * Identity — the choice made here: Forge queue consumers run without a user, so `asUser()` is not available
 * (it would need offline user impersonation). A project with 10,000 mapped issues needs 100 search pages, far
 * more than a 25 s resolver allows, so the publish must run in the queue. It therefore calls Jira and
 * Confluence AS THE APP, and is only ever queued by `startPublishReport`, which first checked, AS THE USER:
 * write access to the project's SMS data (project admin or editor role), that the user can browse the project,
 * that the settings' Confluence space and parent page exist and are visible to them. The accountId is kept on
 * the job, checked against the event, and named on the page history message. Known gap: Confluence page
 * restrictions that let a user view but not edit the parent page are not re-checked for the user.
 *
 * Safe to run twice: a finished job is skipped; a re-run finds the page by its stored id or its title and
 * updates it, so it never creates a second page. Transient trouble (rate limits, 5xx, network) is rethrown so
 * the queue runs the job again; permanent problems (missing space, refused page) end the job with the reason.
 */
import { z } from 'zod';
import type { PublishReportResultView } from '../contract/gap-report';
import { isAppError } from '../domain/errors';
import type { ConfluenceClientOptions } from '../confluence/confluence-client';
import type { JiraClientOptions } from '../jira/jira-client';
import { defineJobHandler, type JobHandler } from '../platform/job-handler';
import type { AppServices } from '../resolvers/services';
import { PublishReportService } from '../services/publish-report.service';
import type { JsonValue } from '../storage/kv-store';
import { JobRepository } from '../storage/job-repository';

export const PUBLISH_REPORT_JOB_TYPE = 'publish-report';
export const PUBLISH_REPORT_MAX_ATTEMPTS = 4;

const numericId = z.string().regex(/^\d{1,20}$/);

export const publishReportEventSchema = z.object({
  type: z.literal(PUBLISH_REPORT_JOB_TYPE),
  jobId: z.string().min(1).max(100),
  accountId: z.string().min(1).max(128),
  projectId: numericId,
});
export type PublishReportEvent = z.infer<typeof publishReportEventSchema>;

/** What the resolver stores as the job's `input` (everything checked as the user before queueing). */
export const publishReportJobInputSchema = z.object({
  projectId: numericId,
  projectKey: z.string().min(1).max(64),
  projectName: z.string().max(255),
  siteBaseUrl: z.string().min(1).max(500),
  spaceKey: z.string().min(1).max(255),
  spaceId: numericId,
  parentPageId: numericId.nullable(),
  snapshotChild: z.boolean(),
});
export type PublishReportJobInput = z.infer<typeof publishReportJobInputSchema>;

const TRANSIENT_CODES = new Set(['UPSTREAM_ERROR', 'RATE_LIMITED']);

export interface PublishReportJobOptions {
  jiraOptions?: JiraClientOptions;
  confluenceOptions?: ConfluenceClientOptions;
  limitBytes?: number;
}

export async function runPublishReportJob(body: PublishReportEvent, deps: AppServices, opts: PublishReportJobOptions = {}): Promise<void> {
  const jobs = new JobRepository(deps.store, deps.now);
  const job = await jobs.get(body.jobId);
  if (job === undefined) {
    deps.log('warn', 'publish-report event for an unknown job; dropped', { jobId: body.jobId });
    return;
  }
  if (job.status === 'done' || job.status === 'failed') return;
  if (job.type !== PUBLISH_REPORT_JOB_TYPE || job.accountId !== body.accountId || job.scope !== body.projectId) {
    await jobs.update(job.jobId, { status: 'failed', addMessages: ['The queued event does not match the job it names.'] });
    return;
  }
  const input = publishReportJobInputSchema.safeParse(job.input);
  if (!input.success || input.data.projectId !== body.projectId) {
    await jobs.update(job.jobId, { status: 'failed', addMessages: ['The stored request of this job is unreadable.'] });
    return;
  }
  const attempt = job.attempts + 1;
  await jobs.update(job.jobId, {
    status: 'running',
    attempts: attempt,
    addMessages: [attempt === 1 ? 'Started.' : `Resumed (run ${attempt}); the page made by an earlier run is reused.`],
  });

  const service = new PublishReportService(deps.api, deps.store, deps.now, {
    as: 'app',
    ...(opts.jiraOptions ? { jiraOptions: opts.jiraOptions } : {}),
    ...(opts.confluenceOptions ? { confluenceOptions: opts.confluenceOptions } : {}),
    ...(opts.limitBytes !== undefined ? { limitBytes: opts.limitBytes } : {}),
  });
  let result: PublishReportResultView;
  try {
    result = await service.publish({ ...input.data, accountId: body.accountId, jobId: job.jobId }, async (p) => {
      await jobs.update(job.jobId, { done: p.done, total: p.total, ...(p.message ? { addMessages: [p.message] } : {}) });
    });
  } catch (e) {
    const transient = !isAppError(e) || TRANSIENT_CODES.has(e.code);
    const message = e instanceof Error ? e.message : String(e);
    if (transient && attempt < PUBLISH_REPORT_MAX_ATTEMPTS) {
      await jobs.update(job.jobId, { addMessages: [`Interrupted: ${message} It will resume.`] });
      throw e;
    }
    await jobs.update(job.jobId, {
      status: 'failed',
      addMessages: [message],
      ...(isAppError(e) ? { result: { error: e.toShape() } as unknown as JsonValue } : {}),
    });
    if (!isAppError(e)) throw e;
    return;
  }
  await jobs.update(job.jobId, {
    status: 'done',
    result: result as unknown as JsonValue,
    addMessages: [
      `${result.created ? 'Created' : 'Updated'} "${result.title}" (version ${result.pageVersion}) from ${result.evidenceCount} mapped issues` +
        `${result.split ? `, split into ${result.childPageIds.length} clause-group pages` : ''}` +
        `${result.conflictsRetried > 0 ? `; ${result.conflictsRetried} stale-version conflict(s) re-read and retried` : ''}.`,
    ],
  });
}

export function createPublishReportJobHandler(opts: PublishReportJobOptions = {}): JobHandler {
  return defineJobHandler({
    type: PUBLISH_REPORT_JOB_TYPE,
    body: publishReportEventSchema,
    handle: (body, deps) => runPublishReportJob(body, deps, opts),
  });
}

export const publishReportJob: JobHandler = createPublishReportJobHandler();
