import { currentAccountId, runAsUser, runWithoutUser } from '../../sandbox/bridge/user-context';
import { InProcessQueue, type QueuedEvent } from '../../sandbox/in-process-queue';

const noSleep = async (): Promise<void> => undefined;

describe('InProcessQueue', () => {
  it('returns a job id and consumes the events asynchronously, in push order', async () => {
    const seen: unknown[] = [];
    const queue = new InProcessQueue({ consumer: async (e) => void seen.push(e.body.n), sleep: noSleep });
    const first = await queue.push([{ body: { n: 1 } }, { body: { n: 2 } }]);
    const second = await queue.push([{ body: { n: 3 } }]);
    expect(seen).toEqual([]); // nothing runs inside push
    await queue.idle();
    expect(seen).toEqual([1, 2, 3]);
    expect(first).not.toEqual(second);
    expect(queue.getStats(first)).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('hands the consumer a Forge-shaped event with the job id', async () => {
    const events: QueuedEvent[] = [];
    const queue = new InProcessQueue({ consumer: async (e) => void events.push(e), sleep: noSleep, queueName: 'sms-jobs' });
    const jobId = await queue.push([{ body: { type: 'demo' } }]);
    await queue.idle();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ body: { type: 'demo' }, jobId, queueName: 'sms-jobs' });
    expect(events[0]?.retryContext).toBeUndefined();
  });

  it('retries a consumer that throws, with a retry count and backoff, until it succeeds', async () => {
    const delays: number[] = [];
    const retryCounts: (number | undefined)[] = [];
    let calls = 0;
    const queue = new InProcessQueue({
      consumer: async (e) => {
        retryCounts.push(e.retryContext?.retryCount);
        calls += 1;
        if (calls < 3) throw new Error('transient');
      },
      sleep: async (ms) => void delays.push(ms),
      backoffMs: (n) => n * 10,
    });
    const jobId = await queue.push([{ body: { n: 1 } }]);
    await queue.idle();
    expect(retryCounts).toEqual([undefined, 1, 2]);
    expect(delays).toEqual([10, 20]);
    expect(queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('gives up after maxAttempts, counts the event failed and goes on with the next', async () => {
    const done: unknown[] = [];
    const queue = new InProcessQueue({
      consumer: async (e) => {
        if (e.body.bad) throw new Error('always');
        done.push(e.body.n);
      },
      sleep: noSleep,
      maxAttempts: 3,
    });
    const jobId = await queue.push([{ body: { bad: true } }, { body: { n: 2 } }]);
    await queue.idle();
    expect(done).toEqual([2]);
    expect(queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 1 });
  });

  it('refuses an empty push and one over 50 events, like Forge', async () => {
    const queue = new InProcessQueue({ consumer: async () => undefined });
    await expect(queue.push([])).rejects.toThrow(/1 to 50/);
    await expect(queue.push(Array.from({ length: 51 }, (_, n) => ({ body: { n } })))).rejects.toThrow(/1 to 50/);
  });

  it('runs the consumer outside the pushing user\'s context when given runWithoutUser', async () => {
    const users: (string | undefined)[] = [];
    const queue = new InProcessQueue({ consumer: async () => void users.push(currentAccountId()), runContext: runWithoutUser, sleep: noSleep });
    await runAsUser('557058:sandbox-member', async () => {
      expect(currentAccountId()).toBe('557058:sandbox-member');
      await queue.push([{ body: {} }]);
    });
    await queue.idle();
    expect(users).toEqual([undefined]);
  });
});
