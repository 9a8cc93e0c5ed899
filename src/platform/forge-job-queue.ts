import { Queue } from '@forge/events';
import { LimitExceededError, ValidationError } from '../domain/errors';
import type { JobEvent, JobQueue } from './job-queue';

export const JOB_QUEUE_KEY = 'sms-jobs';
export const QUEUE_LIMITS = { maxEventsPerPush: 50, maxPushBytes: 200 * 1024 } as const;

/** The part of `@forge/events` Queue this adapter uses. */
export interface QueueLike {
  push(events: { body: Record<string, unknown> }[]): Promise<{ jobId: string }>;
}

/** JobQueue over the Forge queue `sms-jobs` (consumed by the `job-consumer` function). */
export class ForgeJobQueue implements JobQueue {
  constructor(private readonly queue: QueueLike = new Queue({ key: JOB_QUEUE_KEY })) {}

  async push(events: JobEvent[]): Promise<string> {
    if (events.length === 0) throw new ValidationError('Nothing to queue: no events were given.');
    if (events.length > QUEUE_LIMITS.maxEventsPerPush) {
      throw new LimitExceededError(
        `A queue push holds at most ${QUEUE_LIMITS.maxEventsPerPush} events; this one has ${events.length}.`,
        { events: events.length },
      );
    }
    const bytes = Buffer.byteLength(JSON.stringify(events.map((e) => ({ body: e.body }))), 'utf8');
    if (bytes > QUEUE_LIMITS.maxPushBytes) {
      throw new LimitExceededError(`A queue push is at most ${QUEUE_LIMITS.maxPushBytes} bytes; this one has ${bytes}.`, {
        bytes,
      });
    }
    const result = await this.queue.push(events.map((e) => ({ body: e.body })));
    return result.jobId;
  }
}
