/**
 * The one job runner: every queued job type (epic sync, bulk mapping apply and undo, report publishing) is a
 * list of steps run by this class. A new job type writes its steps (`defineJob`) and registers them in
 * `JOB_TYPES` (src/wiring.ts); starting, leasing, checkpointing, retrying, resuming and abandoning are here.
 *
 * - Start: single flight per (type, scope). The job takes the next slot of its (type, scope) with
 *   `setIfAbsent` (Forge: `keyPolicy: 'FAIL_IF_EXISTS'`), so of two simultaneous starts exactly one queues a
 *   job; the other gets that job back. A job that cannot be queued is ended at once (failed), so a failed
 *   push leaves no active job behind.
 * - Lease: a run holds the job until `leaseUntil`; every progress write renews it. A queued or running job
 *   whose lease ran out is shown as interrupted (see `effectiveStatus`): nothing stays "running" longer
 *   than its lease. An interrupted job offers Resume (queue it again) and Abandon (end it; the job type may
 *   undo what it wrote).
 * - Steps: each step returns the job's checkpoint; after each step the step index and checkpoint are saved.
 *   A redelivered or resumed job starts at the first unfinished step with the saved checkpoint; steps are
 *   written to be safe to repeat (they find what an earlier run wrote instead of writing it again).
 * - Deliveries: each delivery claims a new attempt (`setIfAbsent`). A run that finds at a checkpoint that
 *   another delivery took the job, or that the job was ended, stops (JobSupersededError). A delivery killed
 *   between its claim and its start leaves a claimed number behind: the same event delivered again, or a
 *   Resume, takes the next number, so the job never waits on a run that will not come.
 * - Endings: `job:end:<id>` is written once (`setIfAbsent`); a run finishing and a user abandoning cannot both win.
 * - Retries (@forge/events 3): transient trouble (isTransientError in src/domain/errors.ts: rate limits, 429/5xx,
 *   network, unexpected exceptions) asks the
 *   queue for a retry (an InvocationError with retryAfter); after MAX_RETRIES the job is left interrupted.
 *   Permanent errors (AppErrors such as CONFIG_MISSING or FORBIDDEN) end the job failed with the reason.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError, isAppError, isTransientError } from '../domain/errors';
import type { Logger } from './logger';
import {
  type JobRepository,
  effectiveStatus,
  isEnded,
  type EndStatus,
  type JobLink,
  type JobRecord,
  type JobStatus,
} from '../storage/job-repository';
import type { JsonValue } from '../storage/kv-store';
import type { JobQueue } from './job-queue';

/** How long a run holds a job without writing progress. */
export const JOB_LEASE_MS = 2 * 60_000;
/** @forge/events 3 retries an event at most 4 times. */
export const MAX_RETRIES = 4;
/** Forge's largest retryAfter, in seconds. */
export const MAX_RETRY_AFTER_S = 900;

/** Delivery facts of one queued event (Forge `AsyncEvent` fields). */
export interface JobMeta {
  jobId: string | null;
  eventId: string | null;
  /** 0 on the first delivery. */
  retryCount: number;
}

/** What a delivery asks of the queue: nothing, or a retry (the consumer returns an InvocationError). */
export type JobRunOutcome =
  | { kind: 'finished' | 'dropped' | 'superseded' | 'interrupted' }
  | { kind: 'retry'; retryAfterSeconds: number; reason: 'FUNCTION_UPSTREAM_RATE_LIMITED' | 'FUNCTION_RETRY_REQUEST' };

/** Thrown at a checkpoint when another delivery took the job over, or the job was ended meanwhile. */
export class JobSupersededError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was taken over by another run or ended; this run stops.`);
    this.name = 'JobSupersededError';
  }
}

export interface JobProgress<C> {
  done?: number;
  total?: number;
  message?: string;
  /** Saved with the progress: what a resumed run needs to skip the work done so far. */
  checkpoint?: C;
  links?: JobLink[];
}

export interface JobStepContext<I, C, D = unknown> {
  readonly job: JobRecord;
  readonly input: I;
  /** The latest checkpoint (updated by `progress` and by each finished step). */
  checkpoint: C;
  /** What the composition root gave the runner (src/wiring.ts: the app's services). */
  readonly deps: D;
  readonly attempt: number;
  /** Renews the lease and saves progress; throws JobSupersededError when this run no longer owns the job. */
  progress(p: JobProgress<C>): Promise<void>;
}

export interface JobStep<I, C, D = unknown> {
  name: string;
  /** Returns the new checkpoint (or nothing to keep it). Must be safe to run again after a cut-off run. */
  run(ctx: JobStepContext<I, C, D>): Promise<C | void>;
}

export interface JobOutcome {
  status: 'done' | 'failed';
  result: JsonValue;
  messages: string[];
  links?: JobLink[];
  done?: number;
  total?: number;
}

export interface AbandonContext<I, C, D = unknown> {
  job: JobRecord;
  input: I;
  checkpoint: C | null;
  deps: D;
  accountId: string;
}

export interface JobSpec<I, C, D = unknown> {
  type: string;
  /** The job's stored input (written by the resolver that started it, validated again at every run). */
  input: z.ZodType<I>;
  checkpoint: z.ZodType<C>;
  initial(input: I): C;
  steps: readonly JobStep<I, C, D>[];
  /** Turns the final checkpoint into the job's ending: done or failed (with the reason), result, messages. */
  finish(ctx: JobStepContext<I, C, D>): Promise<JobOutcome> | JobOutcome;
  /** After a user abandoned an interrupted job: undo what it wrote. Returns a message (and a follow-up job). */
  onAbandon?(ctx: AbandonContext<I, C, D>): Promise<{ message: string; followUpJobId?: string } | undefined>;
}

/** A registered job type (the runner and the queue dispatcher know it by `type`); its spec stays typed inside. */
export interface JobType<D = unknown> {
  readonly type: string;
  run(runner: JobRunner<D>, jobId: string, meta: JobMeta): Promise<JobRunOutcome>;
  abandoned(runner: JobRunner<D>, job: JobRecord, accountId: string): Promise<{ message: string; followUpJobId?: string } | undefined>;
}

/**
 * What starting a job needs to know of its type: the name and the input schema. Declared by the service that
 * owns the job's work, so resolvers start a job without importing the consumer that runs it.
 */
export interface JobKind<I> {
  readonly type: string;
  readonly input: z.ZodType<I>;
}

/** A job type whose input type is known to the code that starts it. */
export interface TypedJob<I, D = unknown> extends JobType<D>, JobKind<I> {}

/** Declares a job type from its steps; register it in `JOB_TYPES` (src/wiring.ts). */
export function defineJob<I, C, D>(spec: JobSpec<I, C, D>): TypedJob<I, D> {
  return {
    type: spec.type,
    input: spec.input,
    run: (runner, jobId, meta) => runner.runSpec(spec, jobId, meta),
    abandoned: (runner, job, accountId) => runner.abandonSpec(spec, job, accountId),
  };
}

/** The body every job event carries: the job names everything else. */
export interface JobEventBody {
  type: string;
  jobId: string;
  [key: string]: unknown;
}

export interface StartJob<I> {
  scope: string;
  accountId: string;
  input: I;
  title: string;
  total?: number;
}

export interface StartedJob {
  jobId: string;
  /** True when a job of this type was already active in the scope: its id is returned instead. */
  alreadyRunning: boolean;
  status: JobStatus;
}

export interface JobRunnerDeps {
  /** The job records (built by the composition root). */
  repository: JobRepository;
  queue: JobQueue;
  now: () => Date;
  log: Logger;
  leaseMs?: number;
  newId?: () => string;
}

/** A schema-checked value as stored JSON (a JSON round trip: what the store would keep anyway). */
export function toJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class JobRunner<D = unknown> {
  readonly jobs: JobRepository;
  private readonly types = new Map<string, JobType<D>>();
  private readonly leaseMs: number;
  private readonly newId: () => string;

  constructor(
    private readonly deps: JobRunnerDeps,
    types: readonly JobType<D>[] = [],
  ) {
    this.jobs = deps.repository;
    this.leaseMs = deps.leaseMs ?? JOB_LEASE_MS;
    this.newId = deps.newId ?? randomUUID;
    for (const t of types) {
      if (this.types.has(t.type)) throw new Error(`Job type ${t.type} is registered twice.`);
      this.types.set(t.type, t);
    }
  }

  knows(type: string): boolean {
    return this.types.has(type);
  }

  /** Status as users see it (a job past its lease is interrupted). */
  statusOf(job: JobRecord): JobStatus {
    return effectiveStatus(job, this.deps.now());
  }

  private lease(): string {
    return new Date(this.deps.now().getTime() + this.leaseMs).toISOString();
  }

  // ------------------------------------------------------------------------------------ start / resume / abandon

  /** The job of `type` in `scope` that is not ended (queued, running or interrupted), if any. */
  async active(type: string, scope: string): Promise<JobRecord | undefined> {
    const { jobId } = await this.jobs.latestSlot(type, scope);
    if (jobId === null) return undefined;
    const job = await this.jobs.get(jobId);
    return job !== undefined && !isEnded(job.status) ? job : undefined;
  }

  /** The newest job of `type` in `scope`, ended or not. */
  async latest(type: string, scope: string): Promise<JobRecord | undefined> {
    const { jobId } = await this.jobs.latestSlot(type, scope);
    return jobId === null ? undefined : this.jobs.get(jobId);
  }

  /** Starts a job of `type` unless one is active in the scope (then that one is returned). */
  async start<I>(type: JobKind<I>, req: StartJob<I>): Promise<StartedJob> {
    const { jobs } = this;
    const { slot, jobId: holder } = await jobs.latestSlot(type.type, req.scope);
    if (holder !== null) {
      const current = await jobs.get(holder);
      if (current !== undefined && !isEnded(current.status)) return { jobId: holder, alreadyRunning: true, status: this.statusOf(current) };
    }
    const jobId = this.newId();
    await jobs.create({
      jobId,
      type: type.type,
      scope: req.scope,
      accountId: req.accountId,
      input: toJson(type.input.parse(req.input)),
      title: req.title,
      slot: slot + 1,
      leaseUntil: this.lease(),
      ...(req.total !== undefined ? { total: req.total } : {}),
    });
    if (!(await jobs.takeSlot(type.type, req.scope, slot + 1, jobId))) {
      await jobs.delete(jobId);
      const winner = (await jobs.slotJob(type.type, req.scope, slot + 1)) ?? jobId;
      const w = await jobs.get(winner);
      return { jobId: winner, alreadyRunning: true, status: w ? this.statusOf(w) : 'queued' };
    }
    await jobs.prune(type.type, req.scope, slot + 1);
    await this.push(jobId, type.type, async (e) => {
      await this.end(jobId, 'failed', null, [`The job could not be queued: ${messageOf(e)}`], null);
    });
    return { jobId, alreadyRunning: false, status: 'queued' };
  }

  private async push(jobId: string, type: string, onFailure: (e: unknown) => Promise<void>): Promise<void> {
    const body: JobEventBody = { type, jobId };
    try {
      await this.deps.queue.push([{ body }]);
    } catch (e) {
      await onFailure(e);
      throw e;
    }
  }

  private async owned(jobId: string, scope: string): Promise<JobRecord> {
    const job = await this.jobs.get(jobId);
    if (job === undefined || job.scope !== scope) throw new NotFoundError(`There is no job ${jobId} in this project.`, { jobId });
    return job;
  }

  /** Queues an interrupted job again; it continues at its first unfinished step. */
  async resume(jobId: string, scope: string, accountId: string): Promise<StartedJob> {
    const job = await this.owned(jobId, scope);
    const status = this.statusOf(job);
    if (status !== 'interrupted') {
      throw new ConflictError(`This job is ${status}; only an interrupted job can be resumed.`, { jobId, status });
    }
    // A delivery that claimed the next run and died before starting it holds that run's number: the resumed
    // delivery (a new event) takes the number after the last one claimed.
    let attempts = job.attempts;
    while ((await this.jobs.attemptClaimant(jobId, attempts + 1)) !== undefined) attempts += 1;
    await this.jobs.update(jobId, { status: 'queued', leaseUntil: this.lease(), attempts, addMessages: [`Resume asked by ${accountId}.`] });
    await this.push(jobId, job.type, async () => {
      await this.jobs.update(jobId, { status: 'interrupted', leaseUntil: null, addMessages: ['The job could not be queued again.'] });
    });
    return { jobId, alreadyRunning: false, status: 'queued' };
  }

  /** Ends an interrupted job; the job type may undo what it wrote (bulk mapping queues its undo). */
  async abandon(jobId: string, scope: string, accountId: string): Promise<{ jobId: string; followUpJobId: string | null; message: string }> {
    const job = await this.owned(jobId, scope);
    const status = this.statusOf(job);
    if (status !== 'interrupted') {
      throw new ConflictError(`This job is ${status}; only an interrupted job can be abandoned.`, { jobId, status });
    }
    const ended = await this.end(jobId, 'abandoned', null, [`Abandoned by ${accountId}.`], accountId);
    if (!ended) throw new ConflictError('This job ended meanwhile; reload to see how.', { jobId });
    const out = await this.types.get(job.type)?.abandoned(this, job, accountId);
    if (out === undefined) return { jobId, followUpJobId: null, message: 'The job was abandoned.' };
    await this.jobs.update(jobId, { addMessages: [out.message] });
    return { jobId, followUpJobId: out.followUpJobId ?? null, message: out.message };
  }

  /** The job type's own abandon step, with its input and checkpoint read back (see defineJob). */
  async abandonSpec<I, C>(spec: JobSpec<I, C, D>, job: JobRecord, accountId: string): Promise<{ message: string; followUpJobId?: string } | undefined> {
    if (spec.onAbandon === undefined) return undefined;
    const input = spec.input.safeParse(job.input);
    if (!input.success) return undefined;
    const checkpoint = job.checkpoint === null ? null : spec.checkpoint.safeParse(job.checkpoint);
    return spec.onAbandon({ job, input: input.data, checkpoint: checkpoint !== null && checkpoint.success ? checkpoint.data : null, deps: this.services(), accountId });
  }

  /** Ends the job once: true when this call ended it (false: someone else did first). */
  async end(jobId: string, status: EndStatus, result: JsonValue | null, messages: string[], by: string | null, extra: Partial<JobOutcome> = {}): Promise<boolean> {
    const won = await this.jobs.claimEnd(jobId, status, by);
    if (!won) return false;
    const at = this.deps.now().toISOString();
    await this.jobs.update(jobId, {
      status,
      leaseUntil: null,
      endedAt: at,
      endedBy: by,
      ...(result !== null ? { result } : {}),
      ...(extra.links ? { links: extra.links } : {}),
      ...(extra.done !== undefined ? { done: extra.done } : {}),
      ...(extra.total !== undefined ? { total: extra.total } : {}),
      addMessages: messages,
    });
    return true;
  }

  // ------------------------------------------------------------------------------------ consume

  private servicesRef: D | undefined;
  /** The services steps receive (set by the composition root once they exist). */
  bind(services: D): void {
    this.servicesRef = services;
  }
  private services(): D {
    if (this.servicesRef === undefined) throw new Error('JobRunner is not bound to the app services.');
    return this.servicesRef;
  }

  /** Runs one delivery of a job event. Never throws for the job's own trouble: it answers what the queue should do. */
  async consume(body: unknown, meta: JobMeta): Promise<JobRunOutcome> {
    const parsedBody = typeof body === 'object' && body !== null ? (body as { type?: unknown; jobId?: unknown }) : {};
    const type = typeof parsedBody.type === 'string' ? this.types.get(parsedBody.type) : undefined;
    if (type === undefined) throw new ValidationError(`No job type "${String(parsedBody.type)}" is registered.`);
    if (typeof parsedBody.jobId !== 'string' || parsedBody.jobId.length === 0) throw new ValidationError(`Job ${type.type}: the event names no job.`);
    return type.run(this, parsedBody.jobId, meta);
  }

  /** One delivery of a job of `spec` (see defineJob). */
  async runSpec<I, C>(spec: JobSpec<I, C, D>, jobId: string, meta: JobMeta): Promise<JobRunOutcome> {
    const { jobs, deps } = this;
    const job = await jobs.get(jobId);
    if (job === undefined) {
      deps.log('warn', 'job event for an unknown job; dropped', { jobId, type: spec.type });
      return { kind: 'dropped' };
    }
    if (isEnded(job.status)) return { kind: 'dropped' }; // a redelivery of a job that already ended
    if (job.type !== spec.type) {
      await this.end(jobId, 'failed', null, ['The queued event does not match the job it names.'], null);
      return { kind: 'finished' };
    }
    const input = spec.input.safeParse(job.input);
    if (!input.success) {
      await this.end(jobId, 'failed', null, ['The stored request of this job is unreadable.'], null);
      return { kind: 'finished' };
    }
    let checkpoint: C;
    if (job.checkpoint === null) checkpoint = spec.initial(input.data);
    else {
      const parsed = spec.checkpoint.safeParse(job.checkpoint);
      if (!parsed.success) {
        await this.end(jobId, 'failed', null, ['The saved progress of this job is unreadable.'], null);
        return { kind: 'finished' };
      }
      checkpoint = parsed.data;
    }
    let attempt = job.attempts + 1;
    while (!(await jobs.claimAttempt(jobId, attempt, meta.eventId ?? `delivery-${attempt}`))) {
      // The queue delivers an event again only once its earlier delivery is over: when that delivery claimed this
      // run and died before starting it (the job still shows the run before), this redelivery takes the next number.
      if (meta.eventId === null || (await jobs.attemptClaimant(jobId, attempt)) !== meta.eventId) {
        deps.log('info', 'another delivery runs this job; this one stops', { jobId, attempt });
        return { kind: 'superseded' };
      }
      attempt += 1;
    }
    const stepName = spec.steps[job.step]?.name ?? 'finish';
    const started = await jobs.update(jobId, {
      status: 'running',
      attempts: attempt,
      leaseUntil: this.lease(),
      addMessages: [attempt === 1 ? 'Started.' : `Resumed (run ${attempt}) at step "${stepName}"; work saved by earlier runs is kept.`],
    });

    const save = async (patch: Parameters<JobRepository['update']>[1]): Promise<void> => {
      const now = await jobs.get(jobId);
      if (now === undefined || isEnded(now.status) || now.attempts !== attempt) throw new JobSupersededError(jobId);
      await jobs.update(jobId, { ...patch, leaseUntil: this.lease() });
    };
    const ctx: JobStepContext<I, C, D> = {
      job: started ?? job,
      input: input.data,
      checkpoint,
      deps: this.services(),
      attempt,
      progress: async (p) => {
        if (p.checkpoint !== undefined) ctx.checkpoint = p.checkpoint;
        await save({
          ...(p.done !== undefined ? { done: p.done } : {}),
          ...(p.total !== undefined ? { total: p.total } : {}),
          ...(p.checkpoint !== undefined ? { checkpoint: toJson(p.checkpoint) } : {}),
          ...(p.links ? { links: p.links } : {}),
          ...(p.message ? { addMessages: [p.message] } : {}),
        });
      },
    };

    try {
      for (let i = job.step; i < spec.steps.length; i += 1) {
        const step = spec.steps[i] as JobStep<I, C>;
        const next = await step.run(ctx);
        if (next !== undefined) ctx.checkpoint = next;
        await save({ step: i + 1, checkpoint: toJson(ctx.checkpoint) });
      }
      const outcome = await spec.finish(ctx);
      const latest = await jobs.get(jobId);
      if (latest === undefined || latest.attempts !== attempt) return { kind: 'superseded' };
      await this.end(jobId, outcome.status, outcome.result, outcome.messages, null, outcome);
      return { kind: 'finished' };
    } catch (e) {
      if (e instanceof JobSupersededError) return { kind: 'superseded' };
      const transient = isTransientError(e);
      const message = messageOf(e);
      if (transient && meta.retryCount < MAX_RETRIES) {
        const retryAfterSeconds = Math.min(MAX_RETRY_AFTER_S, 2 ** meta.retryCount);
        await this.note(jobId, attempt, `Interrupted: ${message} It will resume in ${retryAfterSeconds} s.`);
        deps.log('warn', 'job run failed; the queue will retry it', { jobId, type: spec.type, retryCount: meta.retryCount, error: message });
        return { kind: 'retry', retryAfterSeconds, reason: isAppError(e) && e.code === 'RATE_LIMITED' ? 'FUNCTION_UPSTREAM_RATE_LIMITED' : 'FUNCTION_RETRY_REQUEST' };
      }
      if (transient) {
        await this.note(jobId, attempt, `Interrupted: ${message} The queue gave up retrying; Resume continues where it stopped, Abandon ends it.`, true);
        return { kind: 'interrupted' };
      }
      await this.end(jobId, 'failed', isAppError(e) ? { error: { code: e.code, message: e.message } } : null, [message], null);
      return { kind: 'finished' };
    }
  }

  /** A message from the run that owns the job (nothing when another run took it). */
  private async note(jobId: string, attempt: number, message: string, interrupted = false): Promise<void> {
    const now = await this.jobs.get(jobId);
    if (now === undefined || isEnded(now.status) || now.attempts !== attempt) return;
    await this.jobs.update(jobId, { addMessages: [message], ...(interrupted ? { status: 'interrupted' as const, leaseUntil: null } : {}) });
  }
}
