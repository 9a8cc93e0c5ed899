/**
 * A project's jobs as the UI shows them, for every job type alike (the job runner knows the types): one job's
 * progress and result, the history of the job types the project page lists, and Resume and Abandon of an
 * interrupted job. Each names the people it mentions (one lookup).
 */
import type { JobActionResponse, JobHistoryItemView, JobStatusView, JobTypeKey, ListJobHistoryResponse } from '../contract/jobs';
import { NotFoundError } from '../domain/errors';
import type { JobRunner } from '../platform/job-runner';
import type { JobRecord } from '../storage/job-repository';
import { BULK_MAPPING_JOB } from './bulk-mapping.service';
import { EPIC_SYNC_JOB_TYPE } from './epic-sync.service';
import { PUBLISH_REPORT_JOB_TYPE } from './publish-report.service';
import type { NameLookup } from './user-names.service';

/** The job types of a project's history, in the order the UI shows them. */
export const HISTORY_TYPES = [EPIC_SYNC_JOB_TYPE, BULK_MAPPING_JOB, PUBLISH_REPORT_JOB_TYPE] as const satisfies readonly JobTypeKey[];
export type HistoryType = (typeof HISTORY_TYPES)[number];

export interface JobHistoryServiceDeps {
  jobs: JobRunner;
  names: NameLookup;
}

export class JobHistoryService {
  constructor(private readonly deps: JobHistoryServiceDeps) {}

  /** Progress and result of a job of this project (NOT_FOUND for another project's job), with who started it. */
  async status(project: { id: string; key: string }, jobId: string): Promise<JobStatusView> {
    const { jobs, names } = this.deps;
    const job = await jobs.jobs.get(jobId);
    if (job === undefined || job.scope !== project.id) {
      throw new NotFoundError(`There is no job ${jobId} in project ${project.key}.`, { jobId });
    }
    return {
      jobId: job.jobId,
      type: job.type,
      status: jobs.statusOf(job),
      done: job.done,
      total: job.total,
      messages: job.messages,
      result: job.result,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
      startedBy: job.accountId,
      people: await names([job.accountId, job.endedBy]),
      title: job.title,
      links: job.links,
      endedAt: job.endedAt,
      endedBy: job.endedBy,
    };
  }

  /** The project's jobs of one type, or of every history type, newest first. */
  async history(projectId: string, type: HistoryType | undefined): Promise<ListJobHistoryResponse> {
    const { jobs, names } = this.deps;
    const types = type === undefined ? HISTORY_TYPES : [type];
    const found: JobRecord[] = [];
    for (const t of types) found.push(...(await jobs.jobs.history(t, projectId)));
    found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const people = await names([...new Set(found.flatMap((j) => [j.accountId, j.endedBy]))]);
    return { jobs: found.map((j) => this.historyItem(j)), people };
  }

  async resume(projectId: string, jobId: string, accountId: string): Promise<JobActionResponse> {
    const started = await this.deps.jobs.resume(jobId, projectId, accountId);
    return { jobId: started.jobId, status: started.status, message: 'The job was queued again; it continues where it stopped.', followUpJobId: null };
  }

  /** Abandoning a bulk mapping apply queues the undo of what it wrote (`followUpJobId`). */
  async abandon(projectId: string, jobId: string, accountId: string): Promise<JobActionResponse> {
    const out = await this.deps.jobs.abandon(jobId, projectId, accountId);
    return { jobId: out.jobId, status: 'abandoned', message: out.message, followUpJobId: out.followUpJobId };
  }

  private historyItem(job: JobRecord): JobHistoryItemView {
    return {
      jobId: job.jobId,
      type: job.type,
      title: job.title,
      status: this.deps.jobs.statusOf(job),
      done: job.done,
      total: job.total,
      startedBy: job.accountId,
      createdAt: job.createdAt,
      endedAt: job.endedAt,
      endedBy: job.endedBy,
      lastMessage: job.messages[job.messages.length - 1] ?? null,
      links: job.links,
    };
  }
}
