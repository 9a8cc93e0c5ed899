/**
 * The 'publish-report' job (one step, run by the job runner in src/platform/job-runner.ts): reads the project's mapped issues (all of them, page by page),
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
 * updates it, so it never creates a second page. Transient trouble (rate limits, 5xx, network) makes the
 * runner retry; permanent problems (missing space, refused page) end the job failed with the reason.
 */
import { plural } from '../domain/plural';
import { asEvidence } from '../domain/mapping/mapped-issue-words';
import type { AppServices } from '../app-services';
import type { PublishReportResultView } from '../contract/gap-report';
import type { TypedJob } from '../platform/job-runner';
import { PUBLISH_REPORT_JOB, type PublishReportJobInput } from '../services/publish-report.service';
import { defineResultJob } from './result-job';

export { PUBLISH_REPORT_JOB_TYPE, type PublishReportJobInput } from '../services/publish-report.service';

export function createPublishReportJob(): TypedJob<PublishReportJobInput, AppServices> {
  return defineResultJob<PublishReportJobInput, PublishReportResultView, AppServices>({
    kind: PUBLISH_REPORT_JOB,
    step: 'publish',
    resultKey: 'pageId',
    run(ctx) {
      const { deps, input, job } = ctx;
      return deps.publishReport.publish({ ...input, accountId: job.accountId ?? '', jobId: job.jobId }, async (p) => {
        await ctx.progress({ done: p.done, total: p.total, ...(p.message ? { message: p.message } : {}) });
      });
    },
    noResult: 'The publish left no result.',
    ending: (result) => ({
      links: [{ label: result.title, href: result.pagePath }],
      messages: [
        `${result.created ? 'Created' : 'Updated'} "${result.title}" (version ${result.pageVersion}) from ${asEvidence(result.evidenceCount)}` +
          `${result.split ? `, split into ${result.childPageIds.length} clause-group pages` : ''}` +
          `${result.conflictsRetried > 0 ? `; ${plural(result.conflictsRetried, 'stale-version conflict')} re-read and retried` : ''}.`,
      ],
    }),
  });
}

export const publishReportJob = createPublishReportJob();
