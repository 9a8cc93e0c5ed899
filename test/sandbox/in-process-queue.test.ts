import { currentAccountId, runAsUser, runWithoutUser } from '../../sandbox/bridge/user-context';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { FORGE_MAX_RETRIES, InProcessQueue, type QueuedEvent } from '../../sandbox/in-process-queue';

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

  it('delivers again when the consumer returns an @forge/events InvocationError, with retryContext, after retryAfter', async () => {
    const delays: number[] = [];
    const contexts: unknown[] = [];
    let calls = 0;
    const queue = new InProcessQueue({
      consumer: async (e) => {
        contexts.push(e.retryContext);
        calls += 1;
        if (calls < 3) return new InvocationError({ retryAfter: calls * 2, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { n: calls } });
        return undefined;
      },
      sleep: async (ms) => void delays.push(ms),
      retryDelayMs: (s) => s * 10,
    });
    const jobId = await queue.push([{ body: { n: 1 } }]);
    await queue.idle();
    expect(contexts).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { n: 1 } },
      { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { n: 2 } },
    ]);
    expect(delays.length).toBe(2);
    expect(delays.every((d, i) => d > 0 && d <= (i + 1) * 20)).toBe(true);
    expect(queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('gives up after 4 retries, and never retries a consumer that throws; the next events still run', async () => {
    const done: unknown[] = [];
    let asked = 0;
    const queue = new InProcessQueue({
      consumer: async (e) => {
        if (e.body.retry) {
          asked += 1;
          return new InvocationError();
        }
        if (e.body.bad) throw new Error('always');
        done.push(e.body.n);
        return undefined;
      },
      sleep: noSleep,
      retryDelayMs: () => 0,
    });
    const jobId = await queue.push([{ body: { retry: true } }, { body: { bad: true } }, { body: { n: 2 } }]);
    await queue.idle();
    expect(asked).toBe(1 + FORGE_MAX_RETRIES);
    expect(done).toEqual([2]);
    expect(queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 2 });
  });

  it('keeps queued and running events in its journal and delivers them again after a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'queue-journal-'));
    try {
      // A first process: the consumer never finishes the first event (the process "dies" mid-delivery).
      const seen: unknown[] = [];
      let started!: () => void;
      const deliveryStarted = new Promise<void>((resolve) => (started = resolve));
      const hang = (): Promise<undefined> => {
        started();
        return new Promise<undefined>(() => undefined);
      };
      const first = new InProcessQueue({ consumer: hang, journalDir: dir, sleep: noSleep });
      await first.push([{ body: { n: 1 } }, { body: { n: 2 } }]);
      await deliveryStarted;
      expect(first.size).toBe(2);
      // No close(): the second process opens the same journal as a restart after a kill would.
      const second = new InProcessQueue({ consumer: async (e) => void seen.push({ n: e.body.n, retry: e.retryContext }), journalDir: dir, sleep: noSleep });
      await second.idle();
      expect(seen).toEqual([
        { n: 1, retry: { retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryData: null } },
        { n: 2, retry: undefined },
      ]);
      await second.close();
      const third = new InProcessQueue({ consumer: async (e) => void seen.push(e.body.n), journalDir: dir, sleep: noSleep });
      await third.idle();
      expect(seen).toHaveLength(2); // delivered events are gone from the journal
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('ends a delivery that runs past the consumer time limit and delivers the event again as FUNCTION_TIME_OUT, within the retry limit', async () => {
    const seen: { n: unknown; retry: unknown }[] = [];
    let hang = 2;
    const queue = new InProcessQueue({
      consumer: async (e) => {
        seen.push({ n: e.body.n, retry: e.retryContext });
        if (hang > 0) {
          hang -= 1;
          await new Promise((resolve) => setTimeout(resolve, 200)); // longer than the limit below
        }
      },
      consumerTimeoutMs: 20,
      sleep: noSleep,
    });
    const jobId = await queue.push([{ body: { n: 1 } }]);
    await queue.idle();
    expect(seen.map((s) => s.retry)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_TIME_OUT', retryData: null },
      { retryCount: 2, retryReason: 'FUNCTION_TIME_OUT', retryData: null },
    ]);
    expect(queue.getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });

    const always = new InProcessQueue({ consumer: () => new Promise((resolve) => setTimeout(resolve, 100)), consumerTimeoutMs: 5, sleep: noSleep });
    const lost = await always.push([{ body: {} }]);
    await always.idle();
    expect(always.getStats(lost)).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });
});
