/**
 * Bulk clause mapping on the project page: preview (as the user), apply and undo (queued jobs, as the app).
 *
 * - Preview: the user's JQL is ANDed with the trusted project (`project = "KEY" AND (<jql>)`), or the
 *   project's unmapped issues are taken with their best suggestion. Issues are read with their current
 *   property in pages of 100; issues outside the project (a JQL trick) are dropped; issues already holding
 *   the target are counted as unchanged and left out. The preview is stored server-side (before/after per
 *   issue) so that starting only names it and the reviewed issue ids.
 * - Apply (consumer): the fewest bulk requests (bulk-write-plan.ts), as the app (async events have no user;
 *   the resolver checked the user's rights before queueing). Per-issue failures are retried, then reported.
 *   Progress is kept in the job record; a redelivered job skips what it already wrote.
 * - Undo: re-reads the written issues and restores the previous value where the issue still holds what the
 *   bulk change wrote; issues changed since are left alone and listed.
 */
import { confineUserJql, escapeJqlString } from '../jira/jql';
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
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, isAppError } from '../domain/errors';
import { suggestClauses } from '../domain/mapping/suggest-clauses';
import { CONFIDENT_SUGGESTION } from '../domain/mapping/suggest-confidence';
import type { EvidenceKind } from '../domain/vocabulary';
import { JiraClient, type JiraTaskOutcome } from '../jira/jira-client';
import type { JobQueue } from '../platform/job-queue';
import type { Logger } from '../resolvers/services';
import { JobRepository, type JobRecord } from '../storage/job-repository';
import type { JsonValue, KeyValueStore } from '../storage/kv-store';
import { MappingChangeRepository, type ChangeEntry, type ChangeHead } from '../storage/mapping-undo-repository';
import { planBulkWrites, type WriteEntry } from './bulk-write-plan';
import { EMPTY_MAPPING_VALUE, MAPPING_PROPERTY_KEY, applyChanges, assertKnownClauses, readMapping, sameValue, toPropertyValue } from './mapping-property';
import { SUGGEST_FIELDS, readIssueFields, suggestInputOf, type ProjectRef } from './mapping.service';

export const BULK_MAPPING_JOB = 'bulkMapping';
/** Most issues one bulk change covers. */
export const MAX_BULK_ISSUES = 1_000;
/** A preview older than this must be made again before it is applied. */
export const PREVIEW_TTL_MS = 30 * 60_000;
/** Write rounds per job: the first plus retries of the issues that failed. */
export const WRITE_ROUNDS = 3;
const SEARCH_PAGE = 100;

export const bulkJobBodySchema = z.object({
  type: z.literal(BULK_MAPPING_JOB),
  jobId: z.string().min(1).max(100),
  projectId: z.string().regex(/^\d+$/),
  changeId: z.string().min(1).max(100),
  op: z.enum(['apply', 'undo']),
});
export type BulkJobBody = z.infer<typeof bulkJobBodySchema>;

const failedSchema = z.object({ issueId: z.string(), key: z.string(), message: z.string() });
const jobResultSchema = z.object({
  op: z.enum(['apply', 'undo']),
  changeId: z.string(),
  written: z.array(z.string()).default([]),
  failed: z.array(failedSchema).default([]),
  skipped: z.array(z.string()).default([]),
});
type JobResult = z.infer<typeof jobResultSchema>;

const taskResultSchema = z.looseObject({ failedIssueIds: z.array(z.union([z.string(), z.number()])).optional() });

/** The JQL the app runs for a user's selection: confined to the trusted project (src/jira/jql.ts), in key order. */
export function scopedJql(projectKey: string, userJql: string): string {
  return `${confineUserJql(projectKey, userJql)} ORDER BY key ASC`;
}

/** Same clauses, kinds and rejections (other stored fields and key order do not matter). */
const sameMapping = (a: ReturnType<typeof readMapping>, mapped: { clauseId: string; kind: EvidenceKind }[], rejected: string[]): boolean =>
  sameValue(toPropertyValue(a.mapped, a.rejected), toPropertyValue(mapped, rejected));

const jobView = (job: JobRecord): BulkJobView => {
  const result = jobResultSchema.safeParse(job.result ?? {});
  const r: Partial<JobResult> = result.success ? result.data : {};
  const input = z.object({ op: z.enum(['apply', 'undo']) }).safeParse(job.input);
  return {
    jobId: job.jobId,
    op: input.success ? input.data.op : 'apply',
    status: job.status,
    done: job.done,
    total: job.total,
    failed: r.failed ?? [],
    skipped: r.skipped ?? [],
    messages: job.messages.slice(-20),
    updatedAt: job.updatedAt,
  };
};

export interface BulkMappingDeps {
  jira: JiraClient;
  store: KeyValueStore;
  queue: JobQueue;
  now: () => Date;
  log: Logger;
  newId?: () => string;
}

export class BulkMappingService {
  private readonly changes: MappingChangeRepository;
  private readonly jobs: JobRepository;
  private readonly newId: () => string;

  constructor(private readonly deps: BulkMappingDeps) {
    this.changes = new MappingChangeRepository(deps.store, deps.now);
    this.jobs = new JobRepository(deps.store, deps.now);
    this.newId = deps.newId ?? randomUUID;
  }

  // ------------------------------------------------------------------------------------------ preview

  async preview(project: ProjectRef, accountId: string, input: BulkMappingSource): Promise<PreviewBulkMappingResponse> {
    if (input.source === 'jql') assertKnownClauses(input.clauses.map((c) => c.clauseId));
    const jql =
      input.source === 'jql'
        ? scopedJql(project.key, input.jql)
        : `project = ${escapeJqlString(project.key)} AND smsClause is EMPTY ORDER BY key ASC`;
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
      const current = readMapping(stored);
      let reasons: string[] = [];
      let confidence: { confidence: number; confident: boolean } | undefined;
      let next: { mapped: { clauseId: string; kind: EvidenceKind }[]; rejected: string[] };
      if (input.source === 'jql') {
        next = applyChanges(current, input.clauses.map((c) => ({ action: 'add' as const, clauseId: c.clauseId, kind: c.kind })));
      } else {
        const exclude = [...current.mapped.map((m) => m.clauseId), ...current.rejected];
        const best = suggestClauses(suggestInputOf(f), { exclude, limit: 1 })[0];
        if (best === undefined) {
          unchanged += 1;
          continue;
        }
        reasons = best.reasons;
        confidence = { confidence: best.confidence, confident: best.confidence >= CONFIDENT_SUGGESTION };
        next = applyChanges(current, [{ action: 'add', clauseId: best.clauseId, kind }]);
      }
      if (sameMapping(current, next.mapped, next.rejected)) {
        unchanged += 1;
        continue;
      }
      const after = toPropertyValue(next.mapped, next.rejected, current.raw);
      const before = stored === undefined ? null : (JSON.parse(JSON.stringify(stored)) as JsonValue);
      entries.push({ issueId: issue.id, key: issue.key, before, after });
      const beforeIds = current.mapped.map((m) => m.clauseId);
      items.push({
        issueId: issue.id,
        key: issue.key,
        summary: f.summary ?? '',
        before: beforeIds,
        after: readMapping(after).mapped,
        added: next.mapped.map((m) => m.clauseId).filter((id) => !beforeIds.includes(id)),
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
    const active = await this.jobs.getActive(BULK_MAPPING_JOB, projectId);
    if (active && (active.status === 'queued' || active.status === 'running')) {
      throw new ConflictError('A bulk mapping change is already running in this project; wait for it to finish.', { jobId: active.jobId });
    }
  }

  private async enqueue(project: ProjectRef, accountId: string, head: ChangeHead, op: 'apply' | 'undo', total: number): Promise<StartBulkMappingResponse> {
    const jobId = this.newId();
    await this.jobs.createActive({ jobId, type: BULK_MAPPING_JOB, scope: project.id, accountId, input: { op, changeId: head.changeId }, total });
    const body: BulkJobBody = { type: BULK_MAPPING_JOB, jobId, projectId: project.id, changeId: head.changeId, op };
    await this.deps.queue.push([{ body }]);
    return { jobId, total };
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
    return this.enqueue(project, accountId, queued, 'apply', queued.total);
  }

  async startUndo(project: ProjectRef, accountId: string): Promise<StartBulkMappingResponse> {
    const last = await this.changes.getLast(project.id);
    if (last === undefined || last.state !== 'applied' || last.written.length === 0) {
      throw new NotFoundError('There is no bulk mapping change to undo in this project.');
    }
    await this.assertNoActiveJob(project.id);
    const undoing = await this.changes.update(last, { state: 'undoing' });
    return this.enqueue(project, accountId, undoing, 'undo', last.written.length);
  }

  async status(project: ProjectRef, jobId?: string): Promise<BulkMappingStatusResponse> {
    let job: JobRecord | undefined;
    if (jobId !== undefined) {
      job = await this.jobs.get(jobId);
      if (job === undefined || job.type !== BULK_MAPPING_JOB || job.scope !== project.id) throw new NotFoundError(`No bulk mapping job ${jobId} in this project.`);
    } else {
      job = await this.jobs.getActive(BULK_MAPPING_JOB, project.id);
    }
    const last = await this.changes.getLast(project.id);
    return {
      job: job ? jobView(job) : null,
      lastChange: last
        ? { changeId: last.changeId, at: last.appliedAt ?? last.createdAt, issues: last.written.length, undone: last.state === 'undone' }
        : null,
    };
  }

  // ------------------------------------------------------------------------------------------ consumer

  /** Runs one queued apply or undo. Safe to run twice: finished jobs return at once, written issues are skipped. */
  async runJob(body: BulkJobBody): Promise<void> {
    const job = await this.jobs.get(body.jobId);
    if (job === undefined) {
      this.deps.log('warn', 'bulk mapping job record is missing; nothing to do', { jobId: body.jobId });
      return;
    }
    if (job.status === 'done' || job.status === 'failed') return;
    const prior = jobResultSchema.safeParse(job.result ?? {});
    const result: JobResult = prior.success ? prior.data : { op: body.op, changeId: body.changeId, written: [], failed: [], skipped: [] };
    await this.jobs.update(body.jobId, { status: 'running', attempts: job.attempts + 1 });
    const head = await this.changes.get(body.projectId, body.changeId);
    if (head === undefined) {
      await this.jobs.update(body.jobId, { status: 'failed', addMessages: ['The bulk change to apply no longer exists.'] });
      return;
    }
    const entries = await this.changes.entries(head);
    const keyOf = new Map(entries.map((e) => [e.issueId, e.key]));

    let targets: WriteEntry[];
    if (body.op === 'apply') {
      targets = entries.map((e) => ({ issueId: e.issueId, value: e.after }));
    } else {
      const written = new Set(head.written);
      const restore = entries.filter((e) => written.has(e.issueId));
      const { unchangedSince, changedSince } = await this.stillHolding(head.projectKey, restore);
      result.skipped = changedSince.map((e) => e.key);
      if (changedSince.length > 0) {
        await this.jobs.update(body.jobId, {
          addMessages: [`Left alone (changed after the bulk change): ${changedSince.map((e) => e.key).slice(0, 30).join(', ')}${changedSince.length > 30 ? '…' : ''}`],
        });
      }
      targets = unchangedSince.map((e) => ({ issueId: e.issueId, value: e.before ?? EMPTY_MAPPING_VALUE }));
    }
    const already = new Set(result.written);
    const pending = targets.filter((t) => !already.has(t.issueId));
    const total = already.size + pending.length;
    await this.jobs.update(body.jobId, { total, done: already.size, result: result as unknown as JsonValue });

    const failures = await this.writeAll(pending, async (writtenNow) => {
      for (const id of writtenNow) already.add(id);
      result.written = [...already];
      await this.jobs.update(body.jobId, { done: already.size, result: result as unknown as JsonValue });
    });
    result.failed = failures.map((f) => ({ issueId: f.issueId, key: keyOf.get(f.issueId) ?? f.issueId, message: f.message }));

    if (body.op === 'apply') {
      const applied = await this.changes.update(head, { state: 'applied', written: [...already], appliedAt: this.deps.now().toISOString() });
      if (already.size > 0) await this.changes.setLast(applied);
    } else {
      await this.changes.update(head, { state: 'undone' });
    }
    const summary =
      body.op === 'apply'
        ? `Mapped ${already.size} of ${total} issues.`
        : `Restored ${already.size} of ${total} issues${result.skipped.length > 0 ? `; ${result.skipped.length} changed since and were left alone` : ''}.`;
    await this.jobs.update(body.jobId, {
      status: failures.length > 0 && already.size === 0 && total > 0 ? 'failed' : 'done',
      done: already.size,
      result: result as unknown as JsonValue,
      addMessages: [summary, ...failures.slice(0, 20).map((f) => `${keyOf.get(f.issueId) ?? f.issueId}: ${f.message}`)],
    });
  }

  /** Splits the issues of an undo into those still holding what the bulk change wrote and the rest. */
  private async stillHolding(projectKey: string, entries: readonly ChangeEntry[]): Promise<{ unchangedSince: ChangeEntry[]; changedSince: ChangeEntry[] }> {
    const current = new Map<string, unknown>();
    for (let i = 0; i < entries.length; i += SEARCH_PAGE) {
      const part = entries.slice(i, i + SEARCH_PAGE);
      const jql = `project = ${escapeJqlString(projectKey)} AND id in (${part.map((e) => escapeJqlString(e.issueId)).join(', ')})`;
      for await (const issue of this.deps.jira.searchJqlAll(jql, { fields: ['id'], properties: [MAPPING_PROPERTY_KEY], pageSize: SEARCH_PAGE, as: 'app' })) {
        current.set(issue.id, issue.properties[MAPPING_PROPERTY_KEY]);
      }
    }
    const unchangedSince: ChangeEntry[] = [];
    const changedSince: ChangeEntry[] = [];
    for (const e of entries) (current.has(e.issueId) && sameValue(current.get(e.issueId), e.after) ? unchangedSince : changedSince).push(e);
    return { unchangedSince, changedSince };
  }

  /**
   * Writes every entry with the fewest requests, as the app; issues Jira reports as failed (or whose
   * request failed) are retried in up to WRITE_ROUNDS rounds. Returns what still failed at the end.
   */
  private async writeAll(entries: readonly WriteEntry[], progress: (written: string[]) => Promise<void>): Promise<{ issueId: string; message: string }[]> {
    let pending: WriteEntry[] = [...entries];
    let failures = new Map<string, string>();
    for (let round = 0; round < WRITE_ROUNDS && pending.length > 0; round += 1) {
      failures = new Map();
      const byId = new Map(pending.map((e) => [e.issueId, e]));
      for (const request of planBulkWrites(pending).requests) {
        const ids = request.endpoint === 'byList' ? request.issueIds : request.entries.map((e) => e.issueId);
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
          if (!isAppError(e)) throw e;
          for (const id of ids) failures.set(id, e.message);
          continue;
        }
        const failedIds = new Set<string>();
        for (const o of outcomes) {
          const parsed = taskResultSchema.safeParse(o.result ?? {});
          for (const id of parsed.success ? (parsed.data.failedIssueIds ?? []) : []) failedIds.add(String(id));
        }
        for (const id of failedIds) if (byId.has(id)) failures.set(id, 'Jira did not update this issue (deleted, or not editable).');
        await progress(ids.filter((id) => !failedIds.has(id)));
      }
      pending = [...failures.keys()].flatMap((id) => {
        const e = byId.get(id);
        return e ? [e] : [];
      });
      if (pending.length > 0) this.deps.log('warn', 'bulk mapping: retrying failed issues', { round: round + 1, count: pending.length });
    }
    return [...failures].map(([issueId, message]) => ({ issueId, message }));
  }
}

export function createBulkMappingService(deps: { api: ConstructorParameters<typeof JiraClient>[0]; store: KeyValueStore; queue: JobQueue; now: () => Date; log: Logger }): BulkMappingService {
  return new BulkMappingService({ jira: new JiraClient(deps.api), store: deps.store, queue: deps.queue, now: deps.now, log: deps.log });
}
