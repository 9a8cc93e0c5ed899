import { randomUUID } from 'node:crypto';
import type { JobEvent, JobQueue } from '../src/platform/job-queue';

/** What a consumer receives, shaped like a Forge `@forge/events` AsyncEvent. */
export interface QueuedEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

export type QueueConsumer = (event: QueuedEvent, context: unknown) => Promise<void>;

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}

export interface InProcessQueueOptions {
  consumer: QueueConsumer;
  queueName?: string;
  /** Attempts per event, the first included (Forge retries a thrown consumer; default 4). */
  maxAttempts?: number;
  /** Delay before retry n (1-based). Default 100 ms * 2^(n-1). */
  backoffMs?: (retry: number) => number;
  /** Wraps each consumer run, e.g. to run it outside the invoking user's context. */
  runContext?: <T>(fn: () => T) => T;
  sleep?: (ms: number) => Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_BYTES = 200 * 1024;

/**
 * The sandbox's JobQueue: runs the app's consumer in this process, one event at a time in push order,
 * retrying a consumer that throws a few times with backoff (as Forge does), then counting the event failed.
 */
export class InProcessQueue implements JobQueue {
  private readonly pending: QueuedEvent[] = [];
  private readonly stats = new Map<string, JobStats>();
  private running: Promise<void> | undefined;
  private readonly opts: Required<Omit<InProcessQueueOptions, 'log'>> & Pick<InProcessQueueOptions, 'log'>;
  private closed = false;

  constructor(opts: InProcessQueueOptions) {
    this.opts = {
      queueName: 'sms-jobs', // the queue key in manifest.yml
      maxAttempts: 4,
      backoffMs: (n) => 100 * 2 ** (n - 1),
      runContext: (fn) => fn(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...opts,
    };
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
    for (const e of events) {
      this.pending.push({
        body: structuredClone(e.body),
        queueName: this.opts.queueName,
        jobId,
        eventId: randomUUID(),
      });
    }
    this.kick();
    return jobId;
  }

  /** Counts per job, like Forge's `getJob(jobId).getStats()`. */
  getStats(jobId: string): JobStats | undefined {
    const s = this.stats.get(jobId);
    return s === undefined ? undefined : { ...s };
  }

  /** Resolves when every pushed event has been consumed (or given up on). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Stops taking new events and waits for the ones already queued. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private kick(): void {
    if (this.running !== undefined) return;
    this.running = this.opts.runContext(() =>
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain()),
    ).finally(() => {
      this.running = undefined;
      if (this.pending.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    for (let event = this.pending.shift(); event !== undefined; event = this.pending.shift()) {
      await this.consume(event);
    }
  }

  private async consume(event: QueuedEvent): Promise<void> {
    const stats = this.stats.get(event.jobId);
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.opts.maxAttempts; attempt += 1) {
      const delivered: QueuedEvent =
        attempt === 1
          ? event
          : { ...event, retryContext: { retryCount: attempt - 1, retryReason: 'FUNCTION_UNHANDLED_ERROR', retryData: null } };
      try {
        await this.opts.consumer(delivered, { installContext: 'sandbox' });
        if (stats) {
          stats.inProgress -= 1;
          stats.success += 1;
        }
        return;
      } catch (err) {
        lastError = err;
        this.opts.log?.('warn', 'queue consumer threw', { jobId: event.jobId, attempt, error: String(err) });
        if (attempt < this.opts.maxAttempts) await this.opts.sleep(this.opts.backoffMs(attempt));
      }
    }
    if (stats) {
      stats.inProgress -= 1;
      stats.failed += 1;
    }
    this.opts.log?.('error', 'queue event failed after all attempts', { jobId: event.jobId, error: String(lastError) });
  }
}
