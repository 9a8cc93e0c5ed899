import { z } from 'zod';
import { defineJobHandler } from '../../src/platform/job-handler';
import { JOB_HANDLERS, RESOLVERS, createApp } from '../../src/wiring';
import { FakePermissionGateway, RecordingStore, forbiddenProductApi, noQueue, recordingLogger } from './resolver-fakes';

function appWith(jobs: Parameters<typeof createApp>[1] = {}) {
  const { log, lines } = recordingLogger();
  const app = createApp(
    { api: forbiddenProductApi(), store: new RecordingStore(), queue: noQueue, log, permissions: new FakePermissionGateway() },
    jobs,
  );
  return { app, lines };
}

describe('createApp', () => {
  it('registers every resolver once, verb first, including the settings and context resolvers', () => {
    const keys = RESOLVERS.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['getAppContext', 'getProjectSettings', 'saveProjectSettings']));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^(get|save|set|list|start|take|propose|check|compare|suggest|preview|undo|approve|record|compute|publish|apply|delete|reject|accept)[A-Z]/);
  });

  it('rejects an unknown resolver key the way @forge/resolver does', async () => {
    const { app } = appWith();
    await expect(app.resolverHandler({ call: { functionKey: 'nope' }, context: {} }, {})).rejects.toThrow(/no definition for 'nope'/);
  });
});

describe('jobConsumer', () => {
  const seen: unknown[] = [];
  const echo = defineJobHandler({
    type: 'echo',
    body: z.object({ type: z.literal('echo'), projectId: z.string() }),
    async handle(body, _deps, meta) {
      seen.push({ body, meta });
    },
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it('registers each job type once', () => {
    const types = JOB_HANDLERS.map((h) => h.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('dispatches a Forge AsyncEvent to the handler of its body type with the delivery facts', async () => {
    const { app } = appWith({ jobs: [echo] });
    await app.jobConsumer(
      { body: { type: 'echo', projectId: '10000' }, queueName: 'sms-jobs', jobId: 'job-1', eventId: 'ev-1', retryContext: { retryCount: 2, retryReason: 'x', retryData: null } },
      {},
    );
    expect(seen).toEqual([{ body: { type: 'echo', projectId: '10000' }, meta: { jobId: 'job-1', eventId: 'ev-1', retryCount: 2 } }]);
  });

  it('throws for an unknown job type so the failure is visible', async () => {
    const { app, lines } = appWith({ jobs: [echo] });
    await expect(app.jobConsumer({ body: { type: 'mystery' }, jobId: 'j' }, {})).rejects.toThrow(/mystery/);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'unknown job type' }));
  });

  it('throws for an event without a body type', async () => {
    const { app } = appWith({ jobs: [echo] });
    await expect(app.jobConsumer({ body: { projectId: '1' } }, {})).rejects.toThrow(/Malformed job event/);
    await expect(app.jobConsumer('not an event', {})).rejects.toThrow(/Malformed job event/);
  });

  it('throws VALIDATION_FAILED when the body does not match the handler schema, without running it', async () => {
    const { app } = appWith({ jobs: [echo] });
    await expect(app.jobConsumer({ body: { type: 'echo', projectId: 7 } }, {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(seen).toEqual([]);
  });

  it('rethrows a failing handler so the queue retries it, and logs it', async () => {
    const failing = defineJobHandler({
      type: 'fail',
      body: z.object({ type: z.literal('fail') }),
      async handle() {
        throw new Error('Jira down');
      },
    });
    const { app, lines } = appWith({ jobs: [failing] });
    await expect(app.jobConsumer({ body: { type: 'fail' } }, {})).rejects.toThrow('Jira down');
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'job fail failed; the queue will retry it' }));
  });

  it('refuses two handlers for one job type', () => {
    expect(() => appWith({ jobs: [echo, echo] })).toThrow(/registered twice/);
  });
});
