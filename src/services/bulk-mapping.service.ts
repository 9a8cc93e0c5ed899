/**
 * Bulk clause mapping on the project page: preview (as the user), apply and undo (queued jobs, as the app).
 *
 * - Preview: the user's JQL is ANDed with the trusted project (`project = "KEY" AND (<jql>)`), or the
 *   project's unmapped issues are taken with their best suggestion. Issues are read with their current
 *   property in pages of 100; issues outside the project (a JQL trick) are dropped; issues already holding
 *   the target are counted as unchanged and left out. The preview is stored server-side (before/after per
 *   issue) so that starting only names it and the reviewed issue ids.
 * - Apply (job 'bulkMapping', run by src/platform/job-runner.ts): the fewest bulk requests (bulk-write-plan.ts),
 *   as the app (async events have no user; the resolver checked the user's rights before queueing). Before
 *   each request the batch's issues are recorded in the job's checkpoint as touched (their before-state is
 *   the preview's `before`, kept with the change); only then is the request sent. So an apply cut off
 *   half-way knows every issue it may have changed: a redelivery skips what it wrote, and Abandon (or Undo)
 *   restores exactly the touched issues. Per-issue failures Jira reports are retried, then listed;
 *   transient request failures make the runner retry the delivery.
 * - Undo: re-reads the touched issues once (the result is checkpointed) and restores the before-state where the
 *   issue still holds what the bulk change wrote; issues changed since are left alone and listed. An issue
 *   that had no mapping gets the empty mapping (a bulk property delete is not available), which every reader
 *   treats as "no mapping".
 */
import { confineUserJql } from '../jira/jql';
import { issuesByIdJql, unmappedIssuesJql } from '../domain/issue-index';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type {
  BulkJobView,
  BulkMappingSource,
  BulkMappingStatusResponse,
  BulkPreviewItem,
  PreviewBulkMappingResponse,
  StartBulkMappingResponse,
} from '../contract/mapping';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, isAppError, isTransientError } from '../domain/errors';
import { suggestClauses } from '../domain/mapping/suggest-clauses';
import { isConfident } from '../domain/mapping/suggest-confidence';
import type { EvidenceKind } from '../domain/vocabulary';
import type { JiraClient, JiraTaskOutcome } from '../jira/jira-client';
import { defineJob, toJson, type JobRunner, type JobStepContext, type TypedJob } from '../platform/job-runner';
import type { Logger } from '../platform/logger';
import type { JobRecord } from '../storage/job-repository';
import type { MappingChangeRepository, ChangeEntry, ChangeHead } from '../storage/mapping-change-repository';
import { planBulkWrites, type WriteEntry } from '../domain/mapping/bulk-write-plan';
import { MAPPING_PROPERTY_KEY, assertKnownClauses } from '../domain/mapping/mapping-property';
import { bulkIssueChange, bulkJobOutcome, classifyForUndo, restoreValue, suggestionExclusions, type BulkIssueChange, type UndoClassification } from '../domain/mapping/bulk-change';
import { SUGGEST_FIELDS, readIssueFields, suggestInputOf, type ProjectRef } from './mapping.service';

export const BULK_MAPPING_JOB = 'bulkMapping';
/** Most issues one bulk change covers. */
export const MAX_BULK_ISSUES = 1_000;
/** A preview older than this must be made again before it is applied. */
export const PREVIEW_TTL_MS = 30 * 60_000;
/** Write rounds per job: the first plus retries of the issues that failed. */
export const WRITE_ROUNDS = 3;
const SEARCH_PAGE = 100;

/** The job's stored input. */
export const bulkJobInputSchema = z.object({
  projectId: z.string().regex(/^\d+$/),
  changeId: z.string().min(1).max(100),
  op: z.enum(['apply', 'undo']),
});
export type BulkJobInput = z.infer<typeof bulkJobInputSchema>;

const failedSchema = z.object({ issueId: z.string(), key: z.string(), message: z.string() });
const jobResultSchema = z.object({
  op: z.enum(['apply', 'undo']),
  changeId: z.string(),
  written: z.array(z.string()).default([]),
  failed: z.array(failedSchema).default([]),
  skipped: z.array(z.string()).default([]),
});
type JobResult = z.infer<typeof jobResultSchema>;

/** What a cut-off run leaves for the next: issues touched (before-state recorded) and written, the undo's plan. */
const checkpointSchema = z.object({
  touched: z.array(z.string()),
  written: z.array(z.string()),
  failed: z.array(failedSchema),
  /** Undo: the issues to restore (null until classified) and those left alone. */
  restore: z.array(z.string()).nullable(),
  skipped: z.array(z.string()),
});
type BulkCheckpoint = z.infer<typeof checkpointSchema>;
type BulkCtx = JobStepContext<BulkJobInput, BulkCheckpoint>;

const taskResultSchema = z.looseObject({ failedIssueIds: z.array(z.union([z.string(), z.number()])).optional() });

/** The JQL the app runs for a user's selection: confined to the trusted project (src/jira/jql.ts), in key order. */
export function scopedJql(projectKey: string, userJql: string): string {
  return `${confineUserJql(projectKey, userJql)} ORDER BY key ASC`;
}

const jobView = (job: JobRecord, runner: JobRunner): BulkJobView => {
  const result = jobResultSchema.safeParse(job.result ?? {});
  const r: Partial<JobResult> = result.success ? result.data : {};
  const ck = checkpointSchema.safeParse(job.checkpoint);
  const input = z.object({ op: z.enum(['apply', 'undo']) }).safeParse(job.input);
  return {
    jobId: job.jobId,
    op: input.success ? input.data.op : 'apply',
    status: runner.statusOf(job),
    done: job.done,
    total: job.total,
    failed: r.failed ?? [],
    skipped: r.skipped ?? (ck.success ? ck.data.skipped : []),
    touched: ck.success ? ck.data.touched.length : 0,
    messages: job.messages.slice(-20),
    updatedAt: job.updatedAt,
  };
};

export interface BulkMappingDeps {
  jira: JiraClient;
  changes: MappingChangeRepository;
  jobs: JobRunner;
  now: () => Date;
  log: Logger;
  newId?: () => string;
}

export class BulkMappingService {
  private readonly changes: MappingChangeRepository;
  private readonly newId: () => string;

  constructor(private readonly deps: BulkMappingDeps) {
    this.changes = deps.changes;
    this.newId = deps.newId ?? randomUUID;
  }

  // ------------------------------------------------------------------------------------------ preview

  async preview(project: ProjectRef, accountId: string, input: BulkMappingSource): Promise<PreviewBulkMappingResponse> {
    if (input.source === 'jql') assertKnownClauses(input.clauses.map((c) => c.clauseId));
    const jql =
      input.source === 'jql'
        ? scopedJql(project.key, input.jql)
        : unmappedIssuesJql(project.key);
    const fields = input.source === 'suggestions' ? SUGGEST_FIELDS : ['summary', 'project'];
    const kind: EvidenceKind = input.source === 'suggestions' ? (input.kind ?? 'record') : 'record';

    let matched = 0;
    let unchanged = 0;
    let truncated = false;
    const entries: ChangeEntry[] = [];
    const items: BulkPreviewItem[] = [];
    for await (const issue of this.deps.jira.searchJqlAll(jql, { fields, properties: [MAPPING_PROPERTY_KEY], pageSize: SEARCH_PAGE, as: 'user' })) {
      if (matched >= MAX_BULK_ISSUES) {
        truncated = true;
        break;
      }
      const f = readIssueFields(issue);
      if (f.project?.id !== project.id) continue; // only issues of the page's project, whatever the JQL said
      matched += 1;
      const stored = issue.properties[MAPPING_PROPERTY_KEY];
      let reasons: string[] = [];
      let confidence: { confidence: number; confident: boolean } | undefined;
      let change: BulkIssueChange | undefined;
      if (input.source === 'jql') {
        change = bulkIssueChange(stored, input.clauses);
      } else {
        const best = suggestClauses(suggestInputOf(f), { exclude: suggestionExclusions(stored), limit: 1 })[0];
        if (best !== undefined) {
          reasons = best.reasons;
          confidence = { confidence: best.confidence, confident: isConfident(best) };
          change = bulkIssueChange(stored, [{ clauseId: best.clauseId, kind }]);
        }
      }
      if (change === undefined) {
        unchanged += 1;
        continue;
      }
      entries.push({ issueId: issue.id, key: issue.key, before: change.before, after: change.after });
      items.push({
        issueId: issue.id,
        key: issue.key,
        summary: f.summary ?? '',
        before: change.beforeIds,
        after: change.afterMapped,
        added: change.added,
        reasons,
        ...confidence,
      });
    }
    const previewId = this.newId();
    const saved = await this.changes.save({ changeId: previewId, projectId: project.id, projectKey: project.key, accountId, state: 'preview', source: input.source }, entries);
    await this.changes.replaceDraft(saved);
    return { previewId, matched, unchanged, truncated, items };
  }

  // ------------------------------------------------------------------------------------------ start / undo

  private async assertNoActiveJob(projectId: string): Promise<void> {
    const active = await this.deps.jobs.active(BULK_MAPPING_JOB, projectId);
    if (active === undefined) return;
    const status = this.deps.jobs.statusOf(active);
    throw new ConflictError(
      status === 'interrupted'
        ? 'The last bulk mapping change in this project was interrupted: resume it or abandon it (which undoes what it wrote) first.'
        : 'A bulk mapping change is already running in this project; wait for it to finish.',
      { jobId: active.jobId, status },
    );
  }

  private async enqueue(project: ProjectRef, accountId: string, head: ChangeHead, op: 'apply' | 'undo', total: number): Promise<StartBulkMappingResponse> {
    const started = await this.deps.jobs.start(bulkMappingJob, {
      scope: project.id,
      accountId,
      input: { op, changeId: head.changeId, projectId: project.id },
      title: op === 'apply' ? `Map ${total} issue(s) to clauses (${head.source === 'jql' ? 'JQL selection' : 'suggestions'})` : `Undo the bulk change of ${total} issue(s)`,
      total,
    });
    if (started.alreadyRunning) {
      throw new ConflictError('Another bulk mapping change started in this project at the same moment; wait for it to finish.', { jobId: started.jobId });
    }
    return { jobId: started.jobId, total };
  }

  async start(project: ProjectRef, accountId: string, previewId: string, issueIds: readonly string[]): Promise<StartBulkMappingResponse> {
    const head = await this.changes.get(project.id, previewId);
    if (head === undefined) throw new NotFoundError('This preview does not exist (any more) in this project. Preview the change again.', { previewId });
    if (head.state !== 'preview') throw new ConflictError('This preview has already been applied.', { previewId });
    if (head.accountId !== accountId) throw new ForbiddenError('Only the person who made a preview can apply it. Preview the change yourself.');
    if (this.deps.now().getTime() - Date.parse(head.createdAt) > PREVIEW_TTL_MS) {
      throw new ConflictError('This preview is more than 30 minutes old; issues may have changed. Preview the change again.', { previewId });
    }
    const wanted = new Set(issueIds);
    if (wanted.size === 0) throw new ValidationError('Select at least one issue to change.');
    const known = new Set((await this.changes.entries(head)).map((e) => e.issueId));
    const foreign = [...wanted].filter((id) => !known.has(id));
    if (foreign.length > 0) {
      throw new ValidationError(`The selection names issues that are not in the preview: ${foreign.slice(0, 10).join(', ')}.`, { issueIds: foreign.slice(0, 50) });
    }
    await this.assertNoActiveJob(project.id);
    const narrowed = await this.changes.narrow(head, wanted);
    const queued = await this.changes.update(narrowed, { state: 'queued' });
    try {
      return await this.enqueue(project, accountId, queued, 'apply', queued.total);
    } catch (e) {
      await this.changes.update(narrowed, { state: 'preview' }); // nothing was queued: the preview can be applied again
      throw e;
    }
  }

  async startUndo(project: ProjectRef, accountId: string): Promise<StartBulkMappingResponse> {
    const last = await this.changes.getLast(project.id);
    if (last === undefined || (last.state !== 'applied' && last.state !== 'undoing') || last.written.length === 0) {
      throw new NotFoundError('There is no bulk mapping change to undo in this project.');
    }
    await this.assertNoActiveJob(project.id);
    const undoing = await this.changes.update(last, { state: 'undoing' });
    return this.enqueue(project, accountId, undoing, 'undo', last.written.length);
  }

  async status(project: ProjectRef, jobId?: string): Promise<BulkMappingStatusResponse> {
    let job: JobRecord | undefined;
    if (jobId !== undefined) {
      job = await this.deps.jobs.jobs.get(jobId);
      if (job === undefined || job.type !== BULK_MAPPING_JOB || job.scope !== project.id) throw new NotFoundError(`No bulk mapping job ${jobId} in this project.`);
    } else {
      job = await this.deps.jobs.latest(BULK_MAPPING_JOB, project.id);
    }
    const last = await this.changes.getLast(project.id);
    return {
      job: job ? jobView(job, this.deps.jobs) : null,
      lastChange: last
        ? { changeId: last.changeId, at: last.appliedAt ?? last.createdAt, issues: last.written.length, undone: last.state === 'undone' }
        : null,
    };
  }

  // ------------------------------------------------------------------------------------------ consumer

  private async headOf(input: BulkJobInput): Promise<ChangeHead> {
    const head = await this.changes.get(input.projectId, input.changeId);
    if (head === undefined) throw new NotFoundError('The bulk change to apply no longer exists.', { changeId: input.changeId });
    return head;
  }

  /** Step 1. Apply: nothing to prepare. Undo: decide once which touched issues to restore (checkpointed). */
  async prepare(ctx: BulkCtx): Promise<BulkCheckpoint> {
    const ck = ctx.checkpoint;
    if (ctx.input.op === 'apply' || ck.restore !== null) return ck;
    const head = await this.headOf(ctx.input);
    const touched = new Set(head.written);
    const entries = (await this.changes.entries(head)).filter((e) => touched.has(e.issueId));
    const { unchangedSince, changedSince, alreadyBefore } = await this.stillHolding(head.projectKey, entries);
    if (changedSince.length > 0) {
      await ctx.progress({
        message: `Left alone (changed after the bulk change): ${changedSince.map((e) => e.key).slice(0, 30).join(', ')}${changedSince.length > 30 ? '…' : ''}`,
      });
    }
    const next = { ...ck, restore: unchangedSince.map((e) => e.issueId), skipped: changedSince.map((e) => e.key), written: alreadyBefore.map((e) => e.issueId) };
    await ctx.progress({ total: entries.length - changedSince.length, done: alreadyBefore.length, checkpoint: next });
    return next;
  }

  /** Step 2. Writes what is left: the change's values (apply) or the before-state (undo). */
  async write(ctx: BulkCtx): Promise<BulkCheckpoint> {
    const head = await this.headOf(ctx.input);
    const entries = await this.changes.entries(head);
    let targets: WriteEntry[];
    if (ctx.input.op === 'apply') targets = entries.map((e) => ({ issueId: e.issueId, value: e.after }));
    else {
      const restore = new Set(ctx.checkpoint.restore ?? []);
      targets = entries.filter((e) => restore.has(e.issueId)).map((e) => ({ issueId: e.issueId, value: restoreValue(e) }));
    }
    return this.writeAll(ctx, targets);
  }

  /** The job's ending, and the change's new state (an apply becomes the change an undo restores). */
  async finish(ctx: BulkCtx): Promise<{ status: 'done' | 'failed'; result: JobResult; messages: string[] }> {
    const { input, checkpoint: ck } = ctx;
    const head = await this.headOf(input);
    const keyOf = new Map((await this.changes.entries(head)).map((e) => [e.issueId, e.key]));
    const failed = ck.failed.map((f) => ({ ...f, key: keyOf.get(f.issueId) ?? f.key }));
    const result: JobResult = { op: input.op, changeId: input.changeId, written: ck.written, failed, skipped: ck.skipped };
    if (input.op === 'apply') {
      const applied = await this.changes.update(head, { state: 'applied', written: ck.touched, appliedAt: this.deps.now().toISOString() });
      if (ck.touched.length > 0) await this.changes.setLast(applied);
    } else {
      await this.changes.update(head, { state: 'undone' });
    }
    const outcome = bulkJobOutcome({ op: input.op, changeTotal: head.total, written: ck.written, failed, skipped: ck.skipped, restore: ck.restore });
    return { ...outcome, result };
  }

  /** Abandoning an interrupted apply undoes what it touched; abandoning an undo leaves it to be started again. */
  async abandoned(job: JobRecord, input: BulkJobInput, ck: BulkCheckpoint | null, accountId: string): Promise<{ message: string; followUpJobId?: string }> {
    const head = await this.changes.get(input.projectId, input.changeId);
    if (head === undefined) return { message: 'The bulk change no longer exists; nothing to undo.' };
    if (input.op === 'undo') return { message: `Undo abandoned after restoring ${ck?.written.length ?? 0} issue(s); Undo starts it again.` };
    const touched = ck?.touched ?? [];
    if (touched.length === 0) {
      await this.changes.update(head, { state: 'undone' });
      return { message: 'Nothing had been written; nothing to undo.' };
    }
    const applied = await this.changes.update(head, { state: 'applied', written: touched, appliedAt: this.deps.now().toISOString() });
    await this.changes.setLast(applied);
    const undo = await this.startUndo({ id: input.projectId, key: head.projectKey }, accountId);
    return { message: `Undoing the ${touched.length} issue(s) it may have written (job ${undo.jobId}).`, followUpJobId: undo.jobId };
  }

  /** Reads what the issues of an undo hold now and splits them (classifyForUndo). */
  private async stillHolding(
    projectKey: string,
    entries: readonly ChangeEntry[],
  ): Promise<UndoClassification<ChangeEntry>> {
    const current = new Map<string, unknown>();
    for (let i = 0; i < entries.length; i += SEARCH_PAGE) {
      const part = entries.slice(i, i + SEARCH_PAGE);
      const jql = issuesByIdJql(projectKey, part.map((e) => e.issueId));
      for await (const issue of this.deps.jira.searchJqlAll(jql, { fields: ['id'], properties: [MAPPING_PROPERTY_KEY], pageSize: SEARCH_PAGE, as: 'app' })) {
        current.set(issue.id, issue.properties[MAPPING_PROPERTY_KEY]);
      }
    }
    return classifyForUndo(entries, current);
  }

  /**
   * Writes every entry not yet written with the fewest requests, as the app. Before each request its issues
   * are recorded as touched (checkpoint), so a run cut off mid-request knows what it may have changed. Issues
   * Jira reports as failed are retried in up to WRITE_ROUNDS rounds; a request that fails transiently is
   * rethrown (the runner retries the delivery, which skips what was written).
   */
  private async writeAll(ctx: BulkCtx, entries: readonly WriteEntry[]): Promise<BulkCheckpoint> {
    const touched = new Set(ctx.checkpoint.touched);
    const written = new Set(ctx.checkpoint.written);
    const total = new Set([...written, ...entries.map((e) => e.issueId)]).size;
    const snapshot = (failed: Map<string, string>): BulkCheckpoint => ({
      ...ctx.checkpoint,
      touched: [...touched],
      written: [...written],
      failed: [...failed].map(([issueId, message]) => ({ issueId, key: issueId, message })),
    });
    let pending: WriteEntry[] = entries.filter((e) => !written.has(e.issueId));
    let failures = new Map<string, string>();
    await ctx.progress({ done: written.size, total });
    for (let round = 0; round < WRITE_ROUNDS && pending.length > 0; round += 1) {
      failures = new Map();
      const byId = new Map(pending.map((e) => [e.issueId, e]));
      for (const request of planBulkWrites(pending).requests) {
        const ids = request.endpoint === 'byList' ? request.issueIds : request.entries.map((e) => e.issueId);
        if (ids.some((id) => !touched.has(id))) {
          for (const id of ids) touched.add(id);
          await ctx.progress({ checkpoint: snapshot(failures) }); // the batch's before-state is recorded before it is written
        }
        let outcomes: JiraTaskOutcome[];
        try {
          outcomes =
            request.endpoint === 'byList'
              ? await this.deps.jira.bulkSetIssuePropertyByList(ids, { [MAPPING_PROPERTY_KEY]: request.value }, { as: 'app' })
              : await this.deps.jira.setIssuePropertiesMulti(
                  request.entries.map((e) => ({ issueId: e.issueId, properties: { [MAPPING_PROPERTY_KEY]: e.value } })),
                  { as: 'app' },
                );
        } catch (e) {
          if (isTransientError(e) || !isAppError(e)) throw e; // the runner retries the delivery
          for (const id of ids) failures.set(id, e.message);
          continue;
        }
        const failedIds = new Set<string>();
        for (const o of outcomes) {
          const parsed = taskResultSchema.safeParse(o.result ?? {});
          for (const id of parsed.success ? (parsed.data.failedIssueIds ?? []) : []) failedIds.add(String(id));
        }
        for (const id of failedIds) if (byId.has(id)) failures.set(id, 'Jira did not update this issue (deleted, or not editable).');
        for (const id of ids) if (!failedIds.has(id)) written.add(id);
        await ctx.progress({ done: written.size, total, checkpoint: snapshot(failures) });
      }
      pending = [...failures.keys()].flatMap((id) => {
        const e = byId.get(id);
        return e ? [e] : [];
      });
      if (pending.length > 0) this.deps.log('warn', 'bulk mapping: retrying failed issues', { round: round + 1, count: pending.length });
    }
    return snapshot(failures);
  }
}

/** What the job's steps need from the app's services (the composition root gives them all). */
export interface BulkMappingJobDeps {
  bulkMapping: BulkMappingService;
}

/** The 'bulkMapping' job: apply or undo of one bulk change, in two steps (prepare, write). */
export function createBulkMappingJob(): TypedJob<BulkJobInput, BulkMappingJobDeps> {
  const service = (deps: BulkMappingJobDeps): BulkMappingService => deps.bulkMapping;
  return defineJob<BulkJobInput, BulkCheckpoint, BulkMappingJobDeps>({
    type: BULK_MAPPING_JOB,
    input: bulkJobInputSchema,
    checkpoint: checkpointSchema,
    initial: () => ({ touched: [], written: [], failed: [], restore: null, skipped: [] }),
    steps: [
      { name: 'prepare', run: (ctx) => service(ctx.deps).prepare(ctx) },
      { name: 'write', run: (ctx) => service(ctx.deps).write(ctx) },
    ],
    async finish(ctx) {
      const out = await service(ctx.deps).finish(ctx);
      return { ...out, result: toJson(out.result) };
    },
    onAbandon: ({ job, input, checkpoint, deps, accountId }) => service(deps).abandoned(job, input, checkpoint, accountId),
  });
}

export const bulkMappingJob: TypedJob<BulkJobInput, BulkMappingJobDeps> = createBulkMappingJob();
