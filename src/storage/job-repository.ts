/**
 * Progress of queued jobs (epic sync, report publishing, bulk mapping…), one record per job under
 * `job:record:<jobId>`, plus an "active job" pointer per (type, scope) so that a second start can find the
 * job already running instead of racing it. Records are validated when read back.
 */
import { z } from 'zod';
import { AppError, LimitExceededError } from '../domain/errors';
import { KVS_LIMITS, type JsonValue, type KeyValueStore } from './kv-store';
import { activeJobKey, jobKey } from './keys';

export const JOB_SCHEMA_VERSION = 1;
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** At most this many messages are kept (the newest); each is clipped to MESSAGE_MAX characters. */
export const JOB_MESSAGES_MAX = 200;
const MESSAGE_MAX = 500;

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

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
  /** Number of times a consumer started the job. */
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type JobRecord = z.infer<typeof jobRecordSchema>;

export interface NewJob {
  jobId: string;
  type: string;
  scope?: string | null;
  accountId?: string | null;
  input?: JsonValue | null;
  total?: number;
}

export type JobPatch = Partial<Pick<JobRecord, 'status' | 'done' | 'total' | 'result' | 'attempts'>> & {
  /** Appended to the messages. */
  addMessages?: string[];
};

const clipMessages = (messages: string[]): string[] =>
  messages.slice(-JOB_MESSAGES_MAX).map((m) => (m.length > MESSAGE_MAX ? `${m.slice(0, MESSAGE_MAX - 1)}…` : m));

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
    };
    await this.write(record);
    return record;
  }

  async get(jobId: string): Promise<JobRecord | undefined> {
    const raw = await this.store.get(jobKey(jobId));
    if (raw === undefined) return undefined;
    const parsed = jobRecordSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('INTERNAL', `The stored job ${jobId} is unreadable.`, {
        issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    return parsed.data;
  }

  /** Read-modify-write of one job (jobs have a single writer: their consumer). Undefined when the job is unknown. */
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

  /** The job of `type` last marked active for `scope`, if any (it may have finished since). */
  async getActive(type: string, scope: string): Promise<JobRecord | undefined> {
    const jobId = await this.store.get(activeJobKey(type, scope));
    return typeof jobId === 'string' ? this.get(jobId) : undefined;
  }

  async setActive(type: string, scope: string, jobId: string): Promise<void> {
    await this.store.set(activeJobKey(type, scope), jobId);
  }

  /** Writes the job record and the active pointer together. */
  async createActive(job: NewJob & { scope: string }): Promise<JobRecord> {
    const record = await this.create(job);
    await this.setActive(job.type, job.scope, job.jobId);
    return record;
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
