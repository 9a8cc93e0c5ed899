import { z } from 'zod';
import type { JobQueue } from '../../src/platform/job-queue';
import { defineJob } from '../../src/platform/job-runner';
import { JOB_TYPES, RESOLVERS, createApp } from '../../src/wiring';
import { FakePermissionGateway, RecordingStore, forbiddenProductApi, noQueue, recordingLogger } from './resolver-fakes';

function appWith(jobs: Parameters<typeof createApp>[1] = {}, queue: JobQueue = noQueue) {
  const { log, lines } = recordingLogger();
  const app = createApp(
    { api: forbiddenProductApi(), store: new RecordingStore(), queue, log, permissions: new FakePermissionGateway() },
    jobs,
  );
  return { app, lines };
}

describe('createApp', () => {
  it('registers every resolver once, verb first, including the settings and context resolvers', () => {
    const keys = RESOLVERS.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['getAppContext', 'getProjectSettings', 'saveProjectSettings']));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^(get|save|set|list|start|take|propose|check|compare|suggest|preview|undo|approve|record|compute|publish|apply|delete|reject|accept|resume|abandon|search|plan|create|complete|verify)[A-Z]/);
  });

  it('rejects an unknown resolver key the way @forge/resolver does', async () => {
    const { app } = appWith();
    await expect(app.resolverHandler({ call: { functionKey: 'nope' }, context: {} }, {})).rejects.toThrow(/no definition for 'nope'/);
  });
});

describe('jobConsumer', () => {
  const seen: unknown[] = [];
  let failWith: Error | null = null;
  const echo = defineJob({
    type: 'echo',
    input: z.object({ n: z.number() }),
    checkpoint: z.object({ n: z.number() }),
    initial: (input) => ({ n: input.n }),
    steps: [
      {
        name: 'echo',
        async run(ctx) {
          if (failWith) throw failWith;
          seen.push({ n: ctx.checkpoint.n, attempt: ctx.attempt });
        },
      },
    ],
    finish: (ctx) => ({ status: 'done', result: { n: ctx.checkpoint.n }, messages: ['echoed'] }),
  });

  const pushed: unknown[] = [];
  const queue: JobQueue = { push: async (events) => String(pushed.push(...events)) };

  beforeEach(() => {
    seen.length = 0;
    pushed.length = 0;
    failWith = null;
  });

  it('registers each job type once', () => {
    const types = JOB_TYPES.map((h) => h.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('dispatches a Forge AsyncEvent to the job of its body type and runs its steps', async () => {
    const { app } = appWith({ jobs: [echo] }, queue);
    const { jobId } = await app.services.jobs.start(echo, { scope: '10000', accountId: 'u1', input: { n: 7 }, title: 'echo' });
    expect(pushed).toEqual([{ body: { type: 'echo', jobId } }]);
    await expect(app.jobConsumer({ body: { type: 'echo', jobId }, queueName: 'sms-jobs', jobId: 'q-1', eventId: 'ev-1' }, {})).resolves.toBeUndefined();
    expect(seen).toEqual([{ n: 7, attempt: 1 }]);
    expect(await app.services.jobs.jobs.get(jobId)).toMatchObject({ status: 'done', result: { n: 7 } });
  });

  it('throws for an unknown job type so the failure is visible', async () => {
    const { app, lines } = appWith({ jobs: [echo] });
    await expect(app.jobConsumer({ body: { type: 'mystery' }, jobId: 'j' }, {})).rejects.toThrow(/mystery/);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'unknown job type' }));
  });

  it('throws for an event without a body type or job id', async () => {
    const { app } = appWith({ jobs: [echo] });
    await expect(app.jobConsumer({ body: { projectId: '1' } }, {})).rejects.toThrow(/Malformed job event/);
    await expect(app.jobConsumer('not an event', {})).rejects.toThrow(/Malformed job event/);
    await expect(app.jobConsumer({ body: { type: 'echo' } }, {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(seen).toEqual([]);
  });

  it('answers a transient failure with an @forge/events InvocationError asking for a retry, and logs it', async () => {
    const { app, lines } = appWith({ jobs: [echo] }, queue);
    const { jobId } = await app.services.jobs.start(echo, { scope: '10000', accountId: 'u1', input: { n: 1 }, title: 'echo' });
    failWith = new Error('Jira down');
    const answer = await app.jobConsumer({ body: { type: 'echo', jobId }, retryContext: { retryCount: 1, retryReason: 'x', retryData: null } }, {});
    expect(answer).toEqual({ _retry: true, retryOptions: { retryAfter: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { jobId } } });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'job run failed; the queue will retry it' }));
  });

  it('refuses two job types of one name', () => {
    expect(() => appWith({ jobs: [echo, echo] })).toThrow(/registered twice/);
  });
});
