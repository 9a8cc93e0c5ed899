import { z } from 'zod';
import type { StartPublishReportResponse } from '../contract/gap-report';
import { publishTarget, requireParentPage, requireSpace } from '../services/confluence-page.service';
import { PUBLISH_REPORT_JOB, PUBLISH_REPORT_JOB_TYPE, type PublishReportJobInput } from '../services/publish-report.service';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/**
 * Queues the publish of the gap report to Confluence. Refused with CONFLUENCE_NOT_CONNECTED, before any job
 * exists, when the site has not connected Confluence. Before queueing, as the user: write access to the SMS
 * data (defineResolver), the project is checked by defineResolver (Browse, before anything else), the settings' space (NOT_FOUND naming the key)
 * and parent page (NOT_FOUND naming the id). Issue links use the trusted context's site address (https), never
 * a payload's. The job then works as the app (see publish-report.consumer.ts).
 * Single flight (the job runner, atomic on Forge): while a publish of the project is queued, running or
 * interrupted, returns that job instead of starting a second one; of two starts at the same moment one queues.
 */
export const startPublishReport = defineResolver({
  key: 'startPublishReport',
  payload: z.object({ snapshot: z.boolean().default(false) }),
  async handler(input, ctx): Promise<StartPublishReportResponse> {
    const { deps, project, accountId } = ctx;
    // Without Confluence the job could never finish: refuse before anything is read or queued.
    const confluence = deps.confluence;
    await confluence.requireConnected();
    const siteBaseUrl = trustedSiteUrl(ctx);
    const target = publishTarget(await deps.settings.get(project.id), project.key);
    const active = await deps.jobs.active(PUBLISH_REPORT_JOB_TYPE, project.id);
    if (active !== undefined) return { jobId: active.jobId, alreadyRunning: true };

    const space = await requireSpace(confluence, target.spaceKey, 'user');
    if (target.parentPageId !== null) await requireParentPage(confluence, target.parentPageId, space, 'user');

    const jobInput: PublishReportJobInput = {
      projectId: project.id,
      projectKey: project.key,
      // The job takes the name from the search pages it reads anyway (one call fewer); the Browse check is done above.
      projectName: '',
      siteBaseUrl,
      spaceKey: space.key,
      spaceId: space.id,
      parentPageId: target.parentPageId,
      snapshotChild: input.snapshot,
    };
    const started = await deps.jobs.start(PUBLISH_REPORT_JOB, {
      scope: project.id,
      accountId,
      input: jobInput,
      title: `Publish the gap report to Confluence space ${space.key}${input.snapshot ? ' (with a dated snapshot)' : ''}`,
      total: 1,
    });
    if (started.alreadyRunning) return { jobId: started.jobId, alreadyRunning: true };
    deps.log('info', 'report publish queued', { jobId: started.jobId, projectId: project.id, accountId });
    return { jobId: started.jobId, alreadyRunning: false };
  },
});
