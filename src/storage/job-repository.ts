/**
 * Queued jobs (epic sync, report publishing, bulk mapping…), as the job runner (src/platform/job-runner.ts)
 * keeps them. Records are validated when read back.
 *
 * Keys:
 * - `job:record:<jobId>`: the job (status, progress, lease, step and checkpoint, result, messages).
 * - `job:slot:<type>:<scope>:<nnnnnn>` → jobId: the n-th job of a type in a scope. Each slot is written once,
 *   with `setIfAbsent`, so of two concurrent starts exactly one gets the next slot (single flight without a
 *   lock that must be deleted again). The slots are also the job history of the scope.
 * - `job:slothint:<type>:<scope>` → n: the newest slot known (a hint: readers probe forward from it).
 * - `job:end:<jobId>` → { status, at }: written once, with `setIfAbsent`, by whoever ends the job (the run,
 *   or a user abandoning it): the one authority on how it ended.
 * - `job:claim:<jobId>:<nnnn>` → eventId: the delivery that runs attempt n (a redelivery takes a new attempt;
 *   an older run sees the attempt change at its next checkpoint and stops).
 */
import { z } from 'zod';
import { AppError, LimitExceededError, issueDetails } from '../domain/errors';
import { KVS_LIMITS, type JsonValue, type KeyValueStore } from './kv-store';
import { jobClaimKey, jobEndKey, jobKey, jobSlotHintKey, jobSlotKey } from './keys';

export const JOB_SCHEMA_VERSION = 1;
/** Stored statuses. `interrupted` is also shown for a queued or running job whose lease has run out. */
export const JOB_STATUSES = ['queued', 'running', 'interrupted', 'done', 'failed', 'abandoned'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ENDED_STATUSES: readonly JobStatus[] = ['done', 'failed', 'abandoned'];
export type EndStatus = 'done' | 'failed' | 'abandoned';

/** At most this many messages are kept (the newest); each is clipped to MESSAGE_MAX characters. */
export const JOB_MESSAGES_MAX = 200;
const MESSAGE_MAX = 500;
/** How many jobs of a type the history of a scope keeps. */
export const JOB_HISTORY_MAX = 20;

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

export const jobLinkSchema = z.object({ label: z.string().max(200), href: z.string().max(1000) });
export type JobLink = z.infer<typeof jobLinkSchema>;

export const jobRecordSchema = z.object({
  schemaVersion: z.literal(JOB_SCHEMA_VERSION),
  jobId: z.string().min(1).max(100),
  type: z.string().min(1).max(60),
  status: z.enum(JOB_STATUSES),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  messages: z.array(z.string()),
  /** What the job produced (type-specific JSON), null until it has a result. */
  result: jsonValue.nullable(),
  /** What the job was asked to do (type-specific JSON), kept so a retried or resumed run has it. */
  input: jsonValue.nullable(),
  /** The project (or other scope) the job works on. */
  scope: z.string().nullable(),
  /** Who started it (the resolver checked this user's permissions before queueing). */
  accountId: z.string().nullable(),
  /** Number of runs (deliveries) that claimed the job. */
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Until when the current run holds the job; every progress write renews it. Null once ended. */
  leaseUntil: z.iso.datetime().nullable().default(null),
  /** Index of the next step to run, and what the finished steps left for the next ones. */
  step: z.number().int().nonnegative().default(0),
  checkpoint: jsonValue.nullable().default(null),
  /** The job's slot in its (type, scope) sequence; 0 for records written before slots existed. */
  slot: z.number().int().nonnegative().default(0),
  /** One line on what the job does ("Create 13 epics…"), for the history. */
  title: z.string().max(300).default(''),
  links: z.array(jobLinkSchema).max(20).default([]),
  endedAt: z.iso.datetime().nullable().default(null),
  /** Who ended it when it did not end by itself (abandon). */
  endedBy: z.string().nullable().default(null),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

export interface NewJob {
  jobId: string;
  type: string;
  scope?: string | null;
  accountId?: string | null;
  input?: JsonValue | null;
  total?: number;
  title?: string;
  slot?: number;
  leaseUntil?: string | null;
}

export type JobPatch = Partial<
  Pick<JobRecord, 'status' | 'done' | 'total' | 'result' | 'attempts' | 'leaseUntil' | 'step' | 'checkpoint' | 'links' | 'endedAt' | 'endedBy'>
> & {
  /** Appended to the messages. */
  addMessages?: string[];
};

const endSchema = z.object({ status: z.enum(['done', 'failed', 'abandoned']), at: z.string(), by: z.string().nullable() });
export type JobEnd = z.infer<typeof endSchema>;

const clipMessages = (messages: string[]): string[] =>
  messages.slice(-JOB_MESSAGES_MAX).map((m) => (m.length > MESSAGE_MAX ? `${m.slice(0, MESSAGE_MAX - 1)}…` : m));

/** The status a reader should see: a queued or running job whose lease ran out is interrupted. */
export function effectiveStatus(job: JobRecord, now: Date): JobStatus {
  if ((job.status === 'queued' || job.status === 'running') && job.leaseUntil !== null && Date.parse(job.leaseUntil) <= now.getTime()) {
    return 'interrupted';
  }
  return job.status;
}

export const isEnded = (status: JobStatus): boolean => ENDED_STATUSES.includes(status);

export class JobRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(job: NewJob): Promise<JobRecord> {
    const at = this.now().toISOString();
    const record: JobRecord = {
      schemaVersion: JOB_SCHEMA_VERSION,
      jobId: job.jobId,
      type: job.type,
      status: 'queued',
      done: 0,
      total: job.total ?? 0,
      messages: [],
      result: null,
      input: job.input ?? null,
      scope: job.scope ?? null,
      accountId: job.accountId ?? null,
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      leaseUntil: job.leaseUntil ?? null,
      step: 0,
      checkpoint: null,
      slot: job.slot ?? 0,
      title: (job.title ?? '').slice(0, 300),
      links: [],
      endedAt: null,
      endedBy: null,
    };
    await this.write(record);
    return record;
  }

  /** The job, with the end record applied when a run was cut off between writing the end and the record. */
  async get(jobId: string): Promise<JobRecord | undefined> {
    const raw = await this.store.get(jobKey(jobId));
    if (raw === undefined) return undefined;
    const parsed = jobRecordSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('INTERNAL', `The stored job ${jobId} is unreadable.`, {
        issues: issueDetails(parsed.error, 5),
      });
    }
    const job = parsed.data;
    if (!isEnded(job.status)) {
      const end = await this.getEnd(jobId);
      if (end !== undefined) return { ...job, status: end.status, leaseUntil: null, endedAt: end.at, endedBy: end.by };
    }
    return job;
  }

  /** Read-modify-write of one job. Undefined when the job is unknown. */
  async update(jobId: string, patch: JobPatch): Promise<JobRecord | undefined> {
    const current = await this.get(jobId);
    if (current === undefined) return undefined;
    const { addMessages, ...fields } = patch;
    const next: JobRecord = {
      ...current,
      ...fields,
      messages: addMessages && addMessages.length > 0 ? clipMessages([...current.messages, ...addMessages]) : current.messages,
      updatedAt: this.now().toISOString(),
    };
    await this.write(next);
    return next;
  }

  async delete(jobId: string): Promise<void> {
    await this.store.delete(jobKey(jobId));
  }

  // ---------------------------------------------------------------------------------------- ending

  async getEnd(jobId: string): Promise<JobEnd | undefined> {
    const parsed = endSchema.safeParse(await this.store.get(jobEndKey(jobId)));
    return parsed.success ? parsed.data : undefined;
  }

  /** Claims the end of the job; false when someone else ended it first (then `getEnd` says how). */
  async claimEnd(jobId: string, status: EndStatus, by: string | null): Promise<boolean> {
    return this.store.setIfAbsent(jobEndKey(jobId), { status, at: this.now().toISOString(), by });
  }

  /** Claims run number `attempt` of the job for one delivery; false when another delivery has it. */
  async claimAttempt(jobId: string, attempt: number, eventId: string): Promise<boolean> {
    return this.store.setIfAbsent(jobClaimKey(jobId, attempt), eventId);
  }

  /** The delivery (event id) that claimed run number `attempt` of the job, if one did. */
  async attemptClaimant(jobId: string, attempt: number): Promise<string | undefined> {
    const held = await this.store.get(jobClaimKey(jobId, attempt));
    return typeof held === 'string' ? held : undefined;
  }

  // ---------------------------------------------------------------------------------------- slots

  /** The newest taken slot of (type, scope) and its job id; slot 0 = none yet. */
  async latestSlot(type: string, scope: string): Promise<{ slot: number; jobId: string | null }> {
    const hint = await this.store.get(jobSlotHintKey(type, scope));
    let slot = typeof hint === 'number' && Number.isInteger(hint) && hint > 0 ? hint : 0;
    let jobId: string | null = null;
    if (slot > 0) {
      const held = await this.store.get(jobSlotKey(type, scope, slot));
      jobId = typeof held === 'string' ? held : null;
    }
    for (;;) {
      const next = await this.store.get(jobSlotKey(type, scope, slot + 1));
      if (typeof next !== 'string') return { slot, jobId };
      slot += 1;
      jobId = next;
    }
  }

  /** Takes slot `slot` for the job; false when another start took it first. */
  async takeSlot(type: string, scope: string, slot: number, jobId: string): Promise<boolean> {
    const won = await this.store.setIfAbsent(jobSlotKey(type, scope, slot), jobId);
    if (won) await this.store.set(jobSlotHintKey(type, scope), slot);
    return won;
  }

  async slotJob(type: string, scope: string, slot: number): Promise<string | undefined> {
    const held = await this.store.get(jobSlotKey(type, scope, slot));
    return typeof held === 'string' ? held : undefined;
  }

  /** The newest jobs of (type, scope), newest first, at most JOB_HISTORY_MAX. */
  async history(type: string, scope: string): Promise<JobRecord[]> {
    const { slot } = await this.latestSlot(type, scope);
    const out: JobRecord[] = [];
    for (let n = slot; n > 0 && n > slot - JOB_HISTORY_MAX; n -= 1) {
      const jobId = await this.slotJob(type, scope, n);
      const job = jobId === undefined ? undefined : await this.get(jobId);
      if (job !== undefined) out.push(job);
    }
    return out;
  }

  /** Drops the slot (and its job, once ended) that fell out of the history when `slot` was taken. */
  async prune(type: string, scope: string, slot: number): Promise<void> {
    const old = slot - JOB_HISTORY_MAX;
    if (old < 1) return;
    const jobId = await this.slotJob(type, scope, old);
    if (jobId === undefined) return;
    const job = await this.get(jobId);
    if (job !== undefined && !isEnded(job.status)) return;
    await this.store.delete(jobSlotKey(type, scope, old));
    if (job !== undefined) {
      await this.store.delete(jobKey(jobId));
      await this.store.delete(jobEndKey(jobId));
      for (let a = 1; a <= job.attempts; a += 1) await this.store.delete(jobClaimKey(jobId, a));
    }
  }

  private async write(record: JobRecord): Promise<void> {
    const value = record satisfies JsonValue as JsonValue;
    const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
    if (bytes > KVS_LIMITS.maxValueBytes) {
      throw new LimitExceededError(`Job ${record.jobId} would take ${bytes} bytes; storage allows ${KVS_LIMITS.maxValueBytes}.`, {
        bytes,
      });
    }
    await this.store.set(jobKey(record.jobId), value);
  }
}
