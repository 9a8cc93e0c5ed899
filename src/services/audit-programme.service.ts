/**
 * The audit cycle's use cases as the Audit and Management review views call them, each one call from its resolver:
 * the programme view (one search as the user, the stored owners, display names), saving the process owners, planning
 * an audit against the stored owners, starting the sample and review-pack jobs after their checks, and the
 * certification readiness. The Jira writes are AuditCycleService's (as the user); the programme's own data is the
 * AuditRepository's; the pure parts are in src/domain/audit (programme-view.ts, certification-readiness.ts).
 */
import type { AuditProgrammeView, CertificationReadinessView, StartJobResponse } from '../contract/audit';
import {
  type ProcessOwner,
  type PlanAuditRequest,
  type RecordReviewOutputRequest,
  assertAuditorIndependent,
  assertSampleSizesFit,
  certificationReadiness,
  isoDay,
  lifecycleInputs,
  programmePeopleIds,
  programmeView,
  sampleRequestSchema,
} from '../domain/audit';
import { ValidationError } from '../domain/errors';
import type { ConfluenceClient } from '../confluence/confluence-client';
import type { JobRunner } from '../platform/job-runner';
import type { AuditRepository } from '../storage/audit-repository';
import type { SettingsRepository } from '../storage/settings-repository';
import type { AuditCycleService, CreatedIssue } from './audit-cycle.service';
import { AUDIT_SAMPLE_JOB, PUBLISH_REVIEW_JOB } from './audit-jobs';
import { publishTarget, requirePublishTarget } from './confluence-page.service';
import type { GapReportService } from './gap-report.service';
import type { NameLookup } from './user-names.service';

/** Most issues the readiness reads for its clause evidence (as the gap report view). */
const READINESS_MAX_ISSUES = 10_000;
/** How long the readiness may spend reading the clause evidence. */
const READINESS_READ_MS = 15_000;

type Project = { id: string; key: string };

export interface AuditProgrammeServiceDeps {
  /** As the user. */
  cycle: AuditCycleService;
  audits: AuditRepository;
  names: NameLookup;
  gaps: GapReportService;
  jobs: JobRunner;
  confluence: ConfluenceClient;
  settings: SettingsRepository;
  now: () => Date;
}

export class AuditProgrammeService {
  constructor(private readonly deps: AuditProgrammeServiceDeps) {}

  /** The programme as the user sees it: one search as the user, the stored owners, display names. */
  async programme(project: Project): Promise<AuditProgrammeView> {
    const { cycle, audits, names, now } = this.deps;
    const [issues, stored] = await Promise.all([cycle.readProgramme(project.key), audits.get(project.id)]);
    const ids = programmePeopleIds(issues, stored.owners);
    const people = ids.length === 0 ? {} : await names(ids);
    return programmeView(project.key, issues, stored, now(), people);
  }

  /** Saves the process owners (CONFLICT when `version` is stale), then reads the programme back. */
  async saveProcessOwners(project: Project, accountId: string, version: number, owners: readonly ProcessOwner[]): Promise<AuditProgrammeView> {
    await this.deps.audits.saveOwners(project.id, version, owners, accountId);
    return this.programme(project);
  }

  /** Plans an audit; refused before anything is written when the auditor audits their own work (stored owners). */
  async planAudit(project: Project, req: PlanAuditRequest): Promise<CreatedIssue> {
    const { owners } = await this.deps.audits.get(project.id);
    return this.deps.cycle.planAudit(project, req, owners);
  }

  /**
   * Queues the draw of an audit's sample. As the user first: the audit must be an issue they can see, of this
   * project, planned by the app; its auditor independent of the stored owners; the sizes within its scope.
   */
  async startSample(project: Project, accountId: string, siteBaseUrl: string, input: { auditKey: string; seed: string; sizes: Record<string, number> }): Promise<StartJobResponse> {
    const { cycle, audits, jobs, now } = this.deps;
    const request = sampleRequestSchema.parse({ seed: input.seed, asOf: now().toISOString(), sizes: input.sizes });
    const audit = await cycle.readAudit(input.auditKey);
    if (!input.auditKey.startsWith(`${project.key}-`)) throw new ValidationError(`${input.auditKey} is not an issue of project ${project.key}.`);
    const { owners } = await audits.get(project.id);
    assertAuditorIndependent(audit.plan, owners);
    assertSampleSizesFit(audit.plan.scope, request.sizes);
    const started = await jobs.start(AUDIT_SAMPLE_JOB, {
      // One sample at a time per project (job status and history are per project).
      scope: project.id,
      accountId,
      input: { projectId: project.id, projectKey: project.key, siteBaseUrl, auditKey: input.auditKey, seed: request.seed, asOf: request.asOf, sizes: request.sizes },
      title: `Draw the audit sample of ${input.auditKey}`,
      total: 1,
    });
    return { jobId: started.jobId, alreadyRunning: started.alreadyRunning };
  }

  /** Readiness for a certification audit on `targetAuditDate`: the gap analysis (as the user) and the open nonconformities. */
  async certificationReadiness(project: Project, targetAuditDate: string): Promise<CertificationReadinessView> {
    const { gaps, cycle, now } = this.deps;
    const [data, issues] = await Promise.all([
      gaps.collect(project.id, { as: 'user', maxIssues: READINESS_MAX_ISSUES, deadline: Date.now() + READINESS_READ_MS }),
      cycle.readProgramme(project.key),
    ]);
    const analysis = gaps.analyse(data);
    const { nonconformities, actions } = lifecycleInputs(issues);
    const readiness = certificationReadiness({ projectKey: project.key, today: isoDay(now()), targetAuditDate, clauses: analysis.clauses, nonconformities, actions });
    return { ...readiness, truncated: data.truncated };
  }

  /**
   * Queues the publish of the management review pack. CONFLUENCE_NOT_CONNECTED before anything else; then, as the
   * user, the dates, the settings' space and parent page. The job works as the app.
   */
  async startPublishReview(project: Project, accountId: string, siteBaseUrl: string, input: { reviewDate: string; periodStart: string }): Promise<StartJobResponse> {
    const { confluence, settings, jobs } = this.deps;
    await confluence.requireConnected();
    if (input.periodStart > input.reviewDate) throw new ValidationError('The period starts after the review date.', { issues: [{ path: 'periodStart', message: 'After the review date.' }] });
    const target = publishTarget(await settings.get(project.id), project.key);
    const space = await requirePublishTarget(confluence, target, 'user');
    const started = await jobs.start(PUBLISH_REVIEW_JOB, {
      scope: project.id,
      accountId,
      input: { projectId: project.id, projectKey: project.key, projectName: '', siteBaseUrl, spaceKey: space.key, parentPageId: target.parentPageId, reviewDate: input.reviewDate, periodStart: input.periodStart },
      title: `Publish the management review pack of ${input.reviewDate} to Confluence space ${space.key}`,
      total: 1,
    });
    return { jobId: started.jobId, alreadyRunning: started.alreadyRunning };
  }

  /** Records a review decision or action, carrying the review's published page when there is one. */
  async recordReviewOutput(project: Project, siteBaseUrl: string, req: RecordReviewOutputRequest): Promise<CreatedIssue> {
    const review = (await this.deps.audits.get(project.id)).reviews.find((r) => r.reviewDate === req.reviewDate);
    const page = review === undefined ? null : { pageId: review.pageId, url: `${siteBaseUrl}${review.pagePath}` };
    return this.deps.cycle.recordReviewOutput(project, req, page);
  }
}
