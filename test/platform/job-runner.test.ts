import { z } from 'zod';
import { ForbiddenError } from '../../src/domain/errors';
import type { JobEvent, JobQueue } from '../../src/platform/job-queue';
import { JOB_LEASE_MS, MAX_RETRIES, defineJob, type JobRunOutcome } from '../../src/platform/job-runner';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { JOB_HISTORY_MAX } from '../../src/storage/job-repository';
import { buildServices } from '../../src/wiring';
import { FakePermissionGateway, forbiddenProductApi } from '../resolvers/resolver-fakes';

/** A job of three steps that counts, per step, how often it wrote (the "product" it writes to is `writes`). */
function counterJob(writes: string[], hooks: { failAt?: (step: string, attempt: number) => Error | undefined | Promise<Error | undefined> } = {}) {
  return defineJob<{ items: string[] }, { written: string[] }, unknown>({
    type: 'counter',
    input: z.object({ items: z.array(z.string()) }),
    checkpoint: z.object({ written: z.array(z.string()) }),
    initial: () => ({ written: [] }),
    steps: ['a', 'b', 'c'].map((name) => ({
      name,
      async run(ctx) {
        const written = [...ctx.checkpoint.written];
        for (const item of ctx.input.items) {
          const key = `${name}:${item}`;
          if (written.includes(key)) continue;
          const err = await hooks.failAt?.(key, ctx.attempt);
          if (err) throw err;
          writes.push(key);
          written.push(key);
          await ctx.progress({ done: written.length, total: ctx.input.items.length * 3, checkpoint: { written } });
        }
        return { written };
      },
    })),
    finish: (ctx) => ({ status: 'done', result: { written: ctx.checkpoint.written.length }, messages: ['Counted.'] }),
    onAbandon: async ({ checkpoint }) => ({ message: `Undid ${checkpoint?.written.length ?? 0} write(s).` }),
  });
}

function setup(jobTypes: ReturnType<typeof counterJob>[], opts: { pushFails?: boolean } = {}) {
  const store = new InMemoryKvStore();
  let clock = new Date('2026-05-01T10:00:00.000Z');
  const pushed: JobEvent[] = [];
  const queue: JobQueue = {
    push: async (events) => {
      if (opts.pushFails) throw new Error('queue unavailable');
      pushed.push(...events);
      return `q-${pushed.length}`;
    },
  };
  const services = buildServices(
    { api: forbiddenProductApi(), store, queue, now: () => clock, log: () => undefined, permissions: new FakePermissionGateway() },
    { jobs: jobTypes },
  );
  const deliver = (n: number, retryCount = 0): Promise<JobRunOutcome> =>
    services.jobs.consume(pushed[n]?.body, { jobId: `q-${n}`, eventId: `ev-${n}-${retryCount}`, retryCount });
  return { store, services, runner: services.jobs, pushed, deliver, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

const start = { scope: '10000', accountId: 'u1', input: { items: ['x', 'y'] }, title: 'Count' };

describe('JobRunner', () => {
  it('starts one job per type and scope even when two starts race; the second gets the first', async () => {
    const writes: string[] = [];
    const job = counterJob(writes);
    const { runner, pushed } = setup([job]);
    const [a, b] = await Promise.all([runner.start(job, start), runner.start(job, start)]);
    expect(a.jobId).toBe(b.jobId);
    expect([a.alreadyRunning, b.alreadyRunning].sort()).toEqual([false, true]);
    expect(pushed).toHaveLength(1);
    expect(await runner.start(job, { ...start, scope: '10001' })).toMatchObject({ alreadyRunning: false });
  });

  it('runs the steps in order, then ends done; a redelivery of an ended job writes nothing', async () => {
    const writes: string[] = [];
    const job = counterJob(writes);
    const { runner, deliver } = setup([job]);
    const { jobId } = await runner.start(job, start);
    expect(await deliver(0)).toEqual({ kind: 'finished' });
    expect(writes).toEqual(['a:x', 'a:y', 'b:x', 'b:y', 'c:x', 'c:y']);
    expect(await runner.jobs.get(jobId)).toMatchObject({ status: 'done', step: 3, done: 6, total: 6, result: { written: 6 }, leaseUntil: null });
    expect(await deliver(0, 1)).toEqual({ kind: 'dropped' });
    expect(writes).toHaveLength(6);
    expect(await runner.start(job, start)).toMatchObject({ alreadyRunning: false });
  });

  it('a job that cannot be queued is ended failed, so it blocks no later start', async () => {
    const job = counterJob([]);
    const { runner } = setup([job], { pushFails: true });
    await expect(runner.start(job, start)).rejects.toThrow('queue unavailable');
    const latest = await runner.latest('counter', '10000');
    expect(latest).toMatchObject({ status: 'failed' });
    expect(latest?.messages.join(' ')).toMatch(/could not be queued/);
    expect(await runner.active('counter', '10000')).toBeUndefined();
  });

  it('shows a job whose lease ran out as interrupted; Resume continues at the checkpoint without repeating a write', async () => {
    const writes: string[] = [];
    let crash = true;
    const job = counterJob(writes, {
      failAt: (key) => {
        if (crash && key === 'b:y') {
          crash = false;
          return new Error('process killed'); // stands in for a run that died: nothing after this point ran
        }
        return undefined;
      },
    });
    const { runner, deliver, advance, pushed } = setup([job]);
    const { jobId } = await runner.start(job, start);
    // A run that died is a retry the queue asks for; past MAX_RETRIES the job is left interrupted.
    expect(await deliver(0, MAX_RETRIES)).toEqual({ kind: 'interrupted' });
    expect(runner.statusOf((await runner.jobs.get(jobId))!)).toBe('interrupted');
    expect(writes).toEqual(['a:x', 'a:y', 'b:x']);
    await expect(runner.start(job, start)).resolves.toMatchObject({ jobId, alreadyRunning: true, status: 'interrupted' });

    await runner.resume(jobId, '10000', 'u2');
    expect(pushed).toHaveLength(2);
    advance(1000);
    expect(await deliver(1)).toEqual({ kind: 'finished' });
    expect(writes).toEqual(['a:x', 'a:y', 'b:x', 'b:y', 'c:x', 'c:y']);
    const done = await runner.jobs.get(jobId);
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect(done?.messages.some((m) => m.startsWith('Resumed (run 2) at step "b"'))).toBe(true);
  });

  it('lets nothing stay running past its lease, and only an interrupted job be resumed or abandoned', async () => {
    const job = counterJob([]);
    const { runner, advance } = setup([job]);
    const { jobId } = await runner.start(job, start);
    await expect(runner.abandon(jobId, '10000', 'u1')).rejects.toMatchObject({ code: 'CONFLICT' });
    advance(JOB_LEASE_MS + 1);
    expect(runner.statusOf((await runner.jobs.get(jobId))!)).toBe('interrupted');
    await expect(runner.resume(jobId, '99999', 'u1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const out = await runner.abandon(jobId, '10000', 'u1');
    expect(out).toMatchObject({ jobId, message: 'Undid 0 write(s).' });
    expect(await runner.jobs.get(jobId)).toMatchObject({ status: 'abandoned', endedBy: 'u1' });
    await expect(runner.resume(jobId, '10000', 'u1')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('asks the queue to retry transient trouble with a growing retryAfter, and fails permanent trouble with the reason', async () => {
    const writes: string[] = [];
    let error: Error | undefined = new Error('socket hang up');
    const job = counterJob(writes, { failAt: () => error });
    const { runner, deliver } = setup([job]);
    const { jobId } = await runner.start(job, start);
    expect(await deliver(0, 0)).toEqual({ kind: 'retry', retryAfterSeconds: 1, reason: 'FUNCTION_RETRY_REQUEST' });
    expect(await deliver(0, 3)).toEqual({ kind: 'retry', retryAfterSeconds: 8, reason: 'FUNCTION_RETRY_REQUEST' });
    error = new ForbiddenError('The app may not edit these issues.');
    expect(await deliver(0, 4)).toEqual({ kind: 'finished' });
    const failed = await runner.jobs.get(jobId);
    expect(failed).toMatchObject({ status: 'failed', result: { error: { code: 'FORBIDDEN' } } });
    expect(failed?.messages).toContain('The app may not edit these issues.');
  });

  it('of two simultaneous deliveries of one job, one runs it and the other stands down', async () => {
    const writes: string[] = [];
    const job = counterJob(writes);
    const { runner, deliver } = setup([job]);
    const { jobId } = await runner.start(job, start);
    const outcomes = await Promise.all([deliver(0), deliver(0, 1)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['finished', 'superseded']);
    expect(await runner.jobs.get(jobId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(writes).toEqual(['a:x', 'a:y', 'b:x', 'b:y', 'c:x', 'c:y']);
  });

  it('runs a job whose delivery claimed its run and died before starting it, when the queue delivers that event again', async () => {
    const writes: string[] = [];
    const job = counterJob(writes);
    const { runner, services, pushed } = setup([job]);
    const { jobId } = await runner.start(job, start);
    // The first delivery of the event claimed run 1 and was killed before it wrote anything else.
    expect(await runner.jobs.claimAttempt(jobId, 1, 'ev-a')).toBe(true);
    expect(await runner.jobs.get(jobId)).toMatchObject({ status: 'queued', attempts: 0 });
    // Another event still stands down: only the same event, delivered again, may take the job on.
    expect(await services.jobs.consume(pushed[0]?.body, { jobId: 'q-0', eventId: 'ev-b', retryCount: 0 })).toEqual({ kind: 'superseded' });
    expect(writes).toEqual([]);
    expect(await services.jobs.consume(pushed[0]?.body, { jobId: 'q-0', eventId: 'ev-a', retryCount: 1 })).toEqual({ kind: 'finished' });
    expect(await runner.jobs.get(jobId)).toMatchObject({ status: 'done', attempts: 2 });
    expect(writes).toEqual(['a:x', 'a:y', 'b:x', 'b:y', 'c:x', 'c:y']);
  });

  it('resumes a job whose last delivery claimed its run and died before starting it', async () => {
    const writes: string[] = [];
    const job = counterJob(writes);
    const { runner, deliver, advance, pushed } = setup([job]);
    const { jobId } = await runner.start(job, start);
    expect(await runner.jobs.claimAttempt(jobId, 1, 'ev-lost')).toBe(true); // its event was lost with it
    advance(JOB_LEASE_MS + 1);
    expect(runner.statusOf((await runner.jobs.get(jobId))!)).toBe('interrupted');
    await runner.resume(jobId, '10000', 'u1');
    expect(pushed).toHaveLength(2);
    expect(await deliver(1)).toEqual({ kind: 'finished' });
    expect(await runner.jobs.get(jobId)).toMatchObject({ status: 'done', attempts: 2 });
    expect(writes).toEqual(['a:x', 'a:y', 'b:x', 'b:y', 'c:x', 'c:y']);
  });

  it('stops an older run at its next checkpoint once a redelivery took the job over', async () => {
    const writes: string[] = [];
    let redelivered: JobRunOutcome | undefined;
    const holder: { ctx?: ReturnType<typeof setup> } = {};
    const job = counterJob(writes, {
      failAt: async (key, attempt) => {
        if (key === 'b:x' && attempt === 1 && redelivered === undefined && holder.ctx) {
          redelivered = await holder.ctx.deliver(0, 1); // the queue took run 1 for dead and delivered again; run 2 finishes the job
        }
        return undefined;
      },
    });
    const ctx = setup([job]);
    holder.ctx = ctx;
    const { jobId } = await ctx.runner.start(job, start);
    expect(await ctx.deliver(0)).toEqual({ kind: 'superseded' });
    expect(redelivered).toEqual({ kind: 'finished' });
    expect(await ctx.runner.jobs.get(jobId)).toMatchObject({ status: 'done', attempts: 2 });
    // run 1 wrote its in-flight item once more, then stopped at the checkpoint that followed it
    expect(writes).toEqual(['a:x', 'a:y', 'b:x', 'b:y', 'c:x', 'c:y', 'b:x']);
  });

  it(`keeps the last ${JOB_HISTORY_MAX} jobs of a type as the history, newest first`, async () => {
    const job = counterJob([]);
    const { runner, deliver } = setup([job]);
    for (let i = 0; i < JOB_HISTORY_MAX + 3; i += 1) {
      await runner.start(job, { ...start, title: `Count ${i}` });
      await deliver(i);
    }
    const history = await runner.jobs.history('counter', '10000');
    expect(history).toHaveLength(JOB_HISTORY_MAX);
    expect(history[0]?.title).toBe(`Count ${JOB_HISTORY_MAX + 2}`);
    expect(history.every((h) => h.status === 'done')).toBe(true);
  });
});
