/**
 * Queues the publish of the gap report to Confluence (the job itself is PublishReportService's, run as the app).
 * Refused with CONFLUENCE_NOT_CONNECTED, before any job exists, when the site has not connected Confluence. Before
 * queueing, as the user: the settings' space (NOT_FOUND naming the key) and parent page (NOT_FOUND naming the id).
 * Single flight (the job runner, atomic on Forge): while a publish of the project is queued, running or
 * interrupted, returns that job instead of starting a second one; of two starts at the same moment one queues.
 */
import type { StartPublishReportResponse } from '../contract/gap-report';
import type { ConfluenceClient } from '../confluence/confluence-client';
import type { JobRunner } from '../platform/job-runner';
import type { Logger } from '../platform/logger';
import type { SettingsRepository } from '../storage/settings-repository';
import { publishTarget, requirePublishTarget } from './confluence-page.service';
import { PUBLISH_REPORT_JOB, PUBLISH_REPORT_JOB_TYPE, type PublishReportJobInput } from './publish-report.service';

export interface ReportPublishingServiceDeps {
  confluence: ConfluenceClient;
  settings: SettingsRepository;
  jobs: JobRunner;
  log: Logger;
}

export class ReportPublishingService {
  constructor(private readonly deps: ReportPublishingServiceDeps) {}

  /** `siteBaseUrl` is the trusted context's site address (https), never a payload's: the page's issue links use it. */
  async start(project: { id: string; key: string }, accountId: string, siteBaseUrl: string, snapshot: boolean): Promise<StartPublishReportResponse> {
    const { confluence, settings, jobs, log } = this.deps;
    // Without Confluence the job could never finish: refuse before anything is read or queued.
    await confluence.requireConnected();
    const target = publishTarget(await settings.get(project.id), project.key);
    const active = await jobs.active(PUBLISH_REPORT_JOB_TYPE, project.id);
    if (active !== undefined) return { jobId: active.jobId, alreadyRunning: true };

    const space = await requirePublishTarget(confluence, target, 'user');
    const jobInput: PublishReportJobInput = {
      projectId: project.id,
      projectKey: project.key,
      // The job takes the name from the search pages it reads anyway (one call fewer); the Browse check is done by defineResolver.
      projectName: '',
      siteBaseUrl,
      spaceKey: space.key,
      spaceId: space.id,
      parentPageId: target.parentPageId,
      snapshotChild: snapshot,
    };
    const started = await jobs.start(PUBLISH_REPORT_JOB, {
      scope: project.id,
      accountId,
      input: jobInput,
      title: `Publish the gap report to Confluence space ${space.key}${snapshot ? ' (with a dated snapshot)' : ''}`,
      total: 1,
    });
    if (started.alreadyRunning) return { jobId: started.jobId, alreadyRunning: true };
    log('info', 'report publish queued', { jobId: started.jobId, projectId: project.id, accountId });
    return { jobId: started.jobId, alreadyRunning: false };
  }
}
