/**
 * Jobs under the product rate limits Jira enforces since March 2026 (sandbox/emulator/rate-limits.ts: the
 * hourly points quota of the app, 65,000 points, and the per-issue write limit, 20 writes per 2 s and 100 per
 * 30 s), at 100 ms injected latency per product call.
 *   ratelimit.publish10k.failures  gap report publish of a 10,000-issue project; bound 0
 *   ratelimit.bulk1000.failures    bulk mapping of 1,000 issues; bound 0
 * Each line carries `rate429` (429 answers the job met) and `reasons` (by RateLimit-Reason).
 *
 * The scene: the app's Tier 1 pool is shared by every installation, so when the job starts the hour is nearly
 * spent by others (150 points left for the publish, whose reads cost about 320 since it reads a large project clause
 * by clause (GapReportService.collectForReport) with 4 reads in flight; the virtual clock adds up waits that would
 * overlap in real time, so one of them gives up and the job asks the queue for a redelivery (an InvocationError),
 * which the harness honours as Forge does; 4 for the bulk mapping job,
 * whose bulk writes and task reads cost about 10: its reads were made by the preview), ten minutes before the hour. The job runs out mid-way, meets 429 with
 * Retry-After up to the next hour, waits it out (its invocation may run 900 s) and finishes. Should a wait not fit
 * in the invocation, the consumer throws and the event is delivered again after the Retry-After, as Forge
 * redelivers a failed event (up to 3 redeliveries): a job counts as failed only when it never reaches "done".
 * Time: one VirtualClock is the emulator's rate-limit clock and the app's retry clock, so waits for a quota
 * reset take no real time; latency and work are real.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify from 'fastify';
import { createEmulator, type Emulator } from '../sandbox/emulator';
import { createHttpProductApi } from '../sandbox/http-product-api';
import { VirtualClock } from '../sandbox/virtual-clock';
import { requestedRetryAfterSeconds } from '../sandbox/in-process-queue';
import { isAppError } from '../src/domain/errors';
import type { JobEvent } from '../src/platform/job-queue';
import { InMemoryKvStore } from '../src/storage/in-memory-kv-store';
import { createApp, type App } from '../src/wiring';
import { invokeResolver, mapEveryIssue } from './bench-setup';
import type { Emit } from './run';

const LATENCY_MS = 100;
const USER = '557058:sandbox-site-admin';
const QUOTA = 65_000;
/** Ten minutes before the hour. */
const START = Date.UTC(2026, 10, 20, 12, 50);
const RESOLVER_BUDGET_MS = 25_000;
const CONSUMER_BUDGET_MS = 900_000;
const REDELIVERIES = 3;
/** Points of the hour left when the job starts: the publish reads ~320 (clause by clause); the bulk job (its reads
 *  were done by the preview resolver) writes in a handful of bulk requests and task reads, about 10 points. */
const PUBLISH_POINTS_LEFT = 150;
const BULK_POINTS_LEFT = 4;

interface Scene {
  emulator: Emulator;
  clock: VirtualClock;
  app: App;
  queued: JobEvent[];
  project: { id: string; key: string };
  invoke<T>(functionKey: string, payload: Record<string, unknown>): Promise<T>;
  /** Delivers every queued event like Forge (consumer budget, redelivery after a failure); returns deliveries. */
  drain(): Promise<number>;
  close(): Promise<void>;
}

async function scene(issues: number, projectKey: string, mapEvery: boolean): Promise<Scene> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ratelimit-bench-'));
  const clock = new VirtualClock(START);
  const emulator = await createEmulator({ dataDir: dir, reset: true, rateLimitClock: clock, rateLimits: false });
  const server = fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
  await emulator.register(server);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  const info = emulator.seedLargeProject(issues, { key: projectKey });
  let currentUser: string | undefined;
  const api = createHttpProductApi(url, () => currentUser, fetch, clock);
  if (mapEvery) await mapEveryIssue(api, info.projectKey); // setup, limits off
  const queued: JobEvent[] = [];
  const app = createApp({ api, store: new InMemoryKvStore(), queue: { push: async (events) => (queued.push(...events), 'bench-job') }, log: () => undefined });
  const project = { id: info.projectId, key: info.projectKey, type: 'software' };
  return {
    emulator,
    clock,
    app,
    queued,
    project,
    async invoke<T>(functionKey: string, payload: Record<string, unknown>): Promise<T> {
      clock.beginInvocation(RESOLVER_BUDGET_MS);
      return invokeResolver<T>(app, USER, project, (u) => (currentUser = u), functionKey, payload);
    },
    async drain(): Promise<number> {
      let deliveries = 0;
      for (let event = queued.shift(); event !== undefined; event = queued.shift()) {
        for (let retry = 0; retry <= REDELIVERIES; retry += 1) {
          deliveries += 1;
          clock.beginInvocation(CONSUMER_BUDGET_MS);
          try {
            const answer = await app.jobConsumer(
              { body: event.body, jobId: 'bench-job', eventId: `event-${deliveries}`, ...(retry > 0 ? { retryContext: { retryCount: retry } } : {}) },
              {},
            );
            // A consumer that returns an InvocationError asks Forge to deliver the event again after retryAfter.
            const retryAfter = requestedRetryAfterSeconds(answer);
            if (retryAfter === undefined) break;
            await clock.sleep(retryAfter * 1000);
          } catch (e) {
            const wait = isAppError(e) && typeof e.details?.retryAfterMs === 'number' ? e.details.retryAfterMs : 60_000;
            await clock.sleep(wait);
          }
        }
      }
      return deliveries;
    },
    async close(): Promise<void> {
      await server.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the queued job with `pointsLeft` points of the hour left at 100 ms per call, then reads its final status
 * (limits and latency off again) and returns the figures every line carries.
 */
async function measureJob(s: Scene, pointsLeft: number, finalStatus: () => Promise<string | undefined>): Promise<Record<string, unknown> & { value: number }> {
  s.emulator.setRateLimits({ spentPoints: { jira: QUOTA - pointsLeft } });
  const skipped0 = s.clock.skippedMs;
  const t0 = process.hrtime.bigint();
  const deliveries = await s.drain();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const limited = s.emulator.stats().rateLimits.limited;
  s.emulator.setFaults({});
  s.emulator.setRateLimits({});
  const status = await finalStatus();
  return {
    value: status === 'done' ? 0 : 1,
    unit: 'jobs',
    bound: 0,
    rate429: Object.values(limited).reduce((a, b) => a + b, 0),
    reasons: limited,
    jobs: 1,
    finalStatus: status ?? 'missing',
    deliveries,
    waitedVirtualSeconds: Math.round((s.clock.skippedMs - skipped0) / 1000),
    realSeconds: Math.round(seconds * 10) / 10,
    latencyMsPerCall: LATENCY_MS,
    pointsLeftAtStart: pointsLeft,
  };
}

export async function run(emit: Emit): Promise<void> {
  // Publish of a 10,000-issue project.
  {
    const s = await scene(10_000, 'BIG', true);
    try {
      s.emulator.setRateLimits({});
      await s.app.services.settings.save(s.project.id, { confluenceSpaceKey: 'SMS', confluenceParentPageId: '65537', epicIssueTypeId: null, editorRoleId: null }, 0, USER);
      s.emulator.setFaults({ latencyMs: LATENCY_MS });
      const started = await s.invoke<{ jobId: string }>('startPublishReport', {});
      const figures = await measureJob(s, PUBLISH_POINTS_LEFT, async () => (await s.invoke<{ status: string }>('getJobStatus', { jobId: started.jobId })).status);
      emit({ name: 'ratelimit.publish10k.failures', unit: 'jobs', bound: 0, ...figures });
    } finally {
      await s.close();
    }
  }
  // Bulk mapping of 1,000 issues.
  {
    const s = await scene(1_000, 'BULK', false);
    try {
      s.emulator.setRateLimits({});
      s.emulator.setFaults({ latencyMs: LATENCY_MS });
      const preview = await s.invoke<{ previewId: string; items: { issueId: string }[] }>('previewBulkMapping', {
        source: 'jql',
        jql: 'key is not EMPTY',
        clauses: [{ clauseId: '8.1', kind: 'record' }],
      });
      const started = await s.invoke<{ jobId: string }>('startBulkMapping', { previewId: preview.previewId, issueIds: preview.items.map((i) => i.issueId) });
      let written = 0;
      const figures = await measureJob(s, BULK_POINTS_LEFT, async () => {
        const job = (await s.invoke<{ job: { status: string; done: number } | null }>('getBulkMappingStatus', { jobId: started.jobId })).job;
        written = job?.done ?? 0;
        return job?.status;
      });
      emit({ name: 'ratelimit.bulk1000.failures', unit: 'jobs', bound: 0, ...figures, issuesWritten: written });
    } finally {
      await s.close();
    }
  }
}
