import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JobEvent, JobQueue } from '../src/platform/job-queue';
import type { JsonValue } from '../src/storage/kv-store';
import { JournalStore, jsonValueSchema } from './state/journal-store';

/** What a consumer receives, shaped like a Forge `@forge/events` AsyncEvent. */
export interface QueuedEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

/** Resolves to nothing, or to an InvocationError (as JSON: `{ _retry: true, retryOptions }`) to be retried. */
export type QueueConsumer = (event: QueuedEvent, context: unknown) => Promise<unknown>;

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}

export interface InProcessQueueOptions {
  consumer: QueueConsumer;
  queueName?: string;
  /** Retries per event after the first delivery (@forge/events: at most 4). */
  maxRetries?: number;
  /** Where queued and running events are kept (a JournalStore directory); without it the queue forgets on restart. */
  journalDir?: string;
  /** Milliseconds to wait for a retry the consumer asked for `retryAfter` seconds later (default: seconds * 1000). */
  retryDelayMs?: (retryAfterSeconds: number) => number;
  /**
   * The consumer function's time limit (the manifest's `timeoutSeconds`, at most 900 s on Forge; default 900 s).
   * A delivery that runs longer is treated as Forge treats it: the invocation is over (its late outcome is
   * ignored) and the event is delivered again as a retry with reason FUNCTION_TIME_OUT, within the retry limit.
   */
  consumerTimeoutMs?: number;
  /** Wraps each consumer run, e.g. to run it outside the invoking user's context. */
  runContext?: <T>(fn: () => T) => T;
  sleep?: (ms: number) => Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_BYTES = 200 * 1024;
/** @forge/events: an event is retried at most 4 times; retryAfter is 1..900 seconds. */
export const FORGE_MAX_RETRIES = 4;
const MAX_RETRY_AFTER_S = 900;
const TABLE = 'events';

const storedSchema = z.object({
  seq: z.number().int().nonnegative(),
  body: z.record(z.string(), jsonValueSchema),
  queueName: z.string(),
  jobId: z.string(),
  eventId: z.string(),
  retryCount: z.number().int().nonnegative(),
  retryReason: z.string().nullable(),
  retryData: jsonValueSchema.nullable(),
  /** 'running' once a delivery started: after a restart such an event is delivered again as a retry. */
  state: z.enum(['queued', 'running']),
  notBefore: z.number(),
});
type Stored = z.infer<typeof storedSchema>;

const retrySchema = z.object({
  _retry: z.literal(true),
  retryOptions: z.object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown().optional() }).loose(),
});

/** The retry a consumer's answer asks for (an InvocationError: `{ _retry: true, retryOptions }`), in seconds; undefined for none. */
export function requestedRetryAfterSeconds(answer: unknown): number | undefined {
  const retry = retrySchema.safeParse(answer);
  if (!retry.success) return undefined;
  return Math.min(MAX_RETRY_AFTER_S, Math.max(1, retry.data.retryOptions.retryAfter ?? 1));
}

const TIMED_OUT = Symbol('timed out');

/** The consumer's outcome, or TIMED_OUT after `ms` (the late outcome is dropped, as Forge drops a stopped invocation's). */
async function withinTime<T>(ms: number, run: () => Promise<T>): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref(); // the time limit alone never keeps the process alive
  });
  const work = run();
  work.catch(() => undefined); // a late failure after the deadline is not unhandled
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const keyOf = (seq: number): string => String(seq).padStart(12, '0');

/**
 * The sandbox's JobQueue, with the delivery rules of @forge/events 3:
 * - Events are kept in a journal (when `journalDir` is given) from push until they succeed or fail for good:
 *   queued and running events survive a restart or a kill, and are delivered again. An event that was running
 *   when the process died comes back as a retry (`retryContext.retryCount` + 1, reason
 *   FUNCTION_PLATFORM_UNKNOWN_ERROR), as Forge redelivers an invocation that died.
 * - A consumer that returns an InvocationError (`{ _retry: true, retryOptions }`) is delivered again after
 *   `retryAfter` seconds (1..900) with `retryContext { retryCount, retryReason, retryData }`, at most 4 times.
 * - A consumer that throws is not retried (the event counts failed): Forge retries only on request or when
 *   the platform lost the invocation, so the sandbox does not retry more than Forge would.
 * - One event is delivered at a time, in push order (a delayed retry lets the events behind it go first).
 */
export class InProcessQueue implements JobQueue {
  private readonly pending: Stored[] = [];
  private readonly stats = new Map<string, JobStats>();
  private running: Promise<void> | undefined;
  private readonly opts: Required<Omit<InProcessQueueOptions, 'log' | 'journalDir'>> & Pick<InProcessQueueOptions, 'log' | 'journalDir'>;
  private readonly journal: JournalStore | undefined;
  private seq = 0;
  private closed = false;

  constructor(opts: InProcessQueueOptions) {
    this.opts = {
      queueName: 'sms-jobs', // the queue key in manifest.yml
      maxRetries: FORGE_MAX_RETRIES,
      retryDelayMs: (s) => s * 1000,
      consumerTimeoutMs: MAX_RETRY_AFTER_S * 1000,
      runContext: (fn) => fn(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...opts,
    };
    this.journal = opts.journalDir === undefined ? undefined : JournalStore.open(opts.journalDir);
    if (this.journal !== undefined) this.recover(this.journal);
  }

  /** Events left by an earlier process: queued ones as they were, running ones as a retry (or failed past the limit). */
  private recover(journal: JournalStore): void {
    const rows = [...journal.table(TABLE).values()].flatMap((v) => {
      const parsed = storedSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
    rows.sort((a, b) => a.seq - b.seq);
    for (const row of rows) {
      this.seq = Math.max(this.seq, row.seq);
      let next: Stored | undefined = row;
      if (row.state === 'running') {
        next =
          row.retryCount >= this.opts.maxRetries
            ? undefined
            : { ...row, state: 'queued', retryCount: row.retryCount + 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryData: null };
      }
      if (next === undefined) {
        journal.commit([{ t: TABLE, k: keyOf(row.seq), del: true }]);
        this.opts.log?.('error', 'queue event lost its last retry to a restart; failed', { jobId: row.jobId });
        continue;
      }
      if (next !== row) journal.commit([{ t: TABLE, k: keyOf(next.seq), v: next as JsonValue }]);
      this.pending.push(next);
      const s = this.stats.get(next.jobId) ?? { success: 0, inProgress: 0, failed: 0 };
      s.inProgress += 1;
      this.stats.set(next.jobId, s);
    }
    if (this.pending.length > 0) {
      this.opts.log?.('info', 'queue events delivered again after a restart', { events: this.pending.length });
      this.kick();
    }
  }

  async push(events: JobEvent[]): Promise<string> {
    if (this.closed) throw new Error('The queue is closed.');
    if (events.length === 0 || events.length > MAX_EVENTS_PER_PUSH) {
      throw new Error(`A push carries 1 to ${MAX_EVENTS_PER_PUSH} events (got ${events.length}).`);
    }
    const bytes = Buffer.byteLength(JSON.stringify(events));
    if (bytes > MAX_PUSH_BYTES) throw new Error(`A push is at most ${MAX_PUSH_BYTES} bytes (got ${bytes}).`);
    const jobId = randomUUID();
    this.stats.set(jobId, { success: 0, inProgress: events.length, failed: 0 });
    const rows: Stored[] = events.map((e) => {
      this.seq += 1;
      return {
        seq: this.seq,
        body: JSON.parse(JSON.stringify(e.body)) as Record<string, JsonValue>,
        queueName: this.opts.queueName,
        jobId,
        eventId: randomUUID(),
        retryCount: 0,
        retryReason: null,
        retryData: null,
        state: 'queued',
        notBefore: 0,
      };
    });
    this.journal?.commit(rows.map((r) => ({ t: TABLE, k: keyOf(r.seq), v: r as JsonValue })));
    this.pending.push(...rows);
    this.kick();
    return jobId;
  }

  /** Counts per job, like Forge's `getJob(jobId).getStats()`. */
  getStats(jobId: string): JobStats | undefined {
    const s = this.stats.get(jobId);
    return s === undefined ? undefined : { ...s };
  }

  /** Events waiting or running (what a restart would deliver again). */
  get size(): number {
    return this.pending.length + (this.running !== undefined ? 1 : 0);
  }

  /** Resolves when every pushed event has been consumed (or given up on). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Stops taking and delivering events, waits for the delivery under way; the rest stays in the journal. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    this.journal?.close();
  }

  private kick(): void {
    if (this.running !== undefined || this.closed) return;
    this.running = this.opts
      .runContext(() => new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain()))
      .finally(() => {
        this.running = undefined;
        if (this.pending.length > 0 && !this.closed) this.kick();
      });
  }

  private next(): Stored | undefined {
    if (this.pending.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.pending.length; i += 1) {
      const a = this.pending[i] as Stored;
      const b = this.pending[best] as Stored;
      if (a.notBefore < b.notBefore || (a.notBefore === b.notBefore && a.seq < b.seq)) best = i;
    }
    return this.pending.splice(best, 1)[0];
  }

  private async drain(): Promise<void> {
    for (let event = this.next(); event !== undefined && !this.closed; event = this.next()) {
      const wait = event.notBefore - Date.now();
      if (wait > 0) await this.opts.sleep(wait);
      if (this.closed) {
        this.pending.push(event);
        return;
      }
      await this.consume(event);
    }
  }

  private write(row: Stored): void {
    this.journal?.commit([{ t: TABLE, k: keyOf(row.seq), v: row as JsonValue }]);
  }

  private finish(row: Stored, outcome: 'success' | 'failed'): void {
    this.journal?.commit([{ t: TABLE, k: keyOf(row.seq), del: true }]);
    const stats = this.stats.get(row.jobId);
    if (stats) {
      stats.inProgress -= 1;
      stats[outcome] += 1;
    }
  }

  private async consume(row: Stored): Promise<void> {
    const running: Stored = { ...row, state: 'running' };
    this.write(running);
    const event: QueuedEvent = {
      body: structuredClone(row.body),
      queueName: row.queueName,
      jobId: row.jobId,
      eventId: row.eventId,
      ...(row.retryCount > 0 ? { retryContext: { retryCount: row.retryCount, retryReason: row.retryReason ?? 'FUNCTION_RETRY_REQUEST', retryData: row.retryData } } : {}),
    };
    let answer: unknown;
    try {
      const outcome = await withinTime(this.opts.consumerTimeoutMs, () => this.opts.consumer(event, { installContext: 'sandbox' }));
      if (outcome === TIMED_OUT) {
        this.timedOut(row);
        return;
      }
      answer = outcome;
    } catch (err) {
      this.opts.log?.('error', 'queue consumer threw; the event failed (Forge retries only on request)', { jobId: row.jobId, error: String(err) });
      this.finish(row, 'failed');
      return;
    }
    const retry = retrySchema.safeParse(answer);
    if (!retry.success) {
      this.finish(row, 'success');
      return;
    }
    if (row.retryCount >= this.opts.maxRetries) {
      this.opts.log?.('error', 'queue event asked for a retry after its last one; failed', { jobId: row.jobId, retries: row.retryCount });
      this.finish(row, 'failed');
      return;
    }
    const o = retry.data.retryOptions;
    const after = Math.min(MAX_RETRY_AFTER_S, Math.max(1, o.retryAfter ?? 1));
    const again: Stored = {
      ...row,
      state: 'queued',
      retryCount: row.retryCount + 1,
      retryReason: o.retryReason ?? 'FUNCTION_RETRY_REQUEST',
      retryData: o.retryData === undefined ? null : (JSON.parse(JSON.stringify(o.retryData)) as JsonValue),
      notBefore: Date.now() + this.opts.retryDelayMs(after),
    };
    this.write(again);
    this.pending.push(again);
    this.opts.log?.('warn', 'queue consumer asked for a retry', { jobId: row.jobId, retryCount: again.retryCount, retryAfter: after });
  }

  /** The delivery ran past the consumer's time limit: Forge ends the invocation and delivers the event again. */
  private timedOut(row: Stored): void {
    if (row.retryCount >= this.opts.maxRetries) {
      this.opts.log?.('error', 'queue consumer ran past its time limit on its last retry; failed', { jobId: row.jobId });
      this.finish(row, 'failed');
      return;
    }
    const again: Stored = { ...row, state: 'queued', retryCount: row.retryCount + 1, retryReason: 'FUNCTION_TIME_OUT', retryData: null, notBefore: 0 };
    this.write(again);
    this.pending.push(again);
    this.opts.log?.('warn', 'queue consumer ran past its time limit; delivered again', { jobId: row.jobId, limitMs: this.opts.consumerTimeoutMs });
  }
}
