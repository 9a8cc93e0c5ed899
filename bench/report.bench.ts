/**
 * Gap report publish at scale: a project with 10,000 issues, every one mapped to a clause, published to the
 * emulated Confluence through the app's own entry points (startPublishReport resolver, then the queued
 * 'publish-report' job), over HTTP to the emulator with 100 ms injected latency per product call.
 *   report.publish.calls.10k   product calls of the whole publish (resolver + job); bound = search pages + 6
 *   report.publish.seconds.10k wall time of the whole publish under 100 ms latency per call; bound 20
 *   report.adf.bytes.10k       size of the page body (ADF JSON); bound 5,000,000
 */
import { createHttpProductApi } from '../sandbox/http-product-api';
import type { JobStatusView } from '../src/contract/jobs';
import type { PublishReportResultView, StartPublishReportResponse } from '../src/contract/gap-report';
import type { JobEvent } from '../src/platform/job-queue';
import { InMemoryKvStore } from '../src/storage/in-memory-kv-store';
import { createApp } from '../src/wiring';
import { invokeResolver, mapEveryIssue, withSeededEmulator } from './bench-setup';
import type { Emit } from './run';

const ISSUES = 10_000;
const LATENCY_MS = 100;
const USER = '557058:sandbox-site-admin';

export async function run(emit: Emit): Promise<void> {
  await withSeededEmulator('report', ISSUES, async ({ emulator, url, info }) => {

    // Setup (not measured): map every issue of the project to one clause, a fifteenth of them per clause.
    let currentUser: string | undefined;
    const api = createHttpProductApi(url, () => currentUser);
    await mapEveryIssue(api, info.projectKey);

    const store = new InMemoryKvStore();
    const queued: JobEvent[] = [];
    const app = createApp({ api, store, queue: { push: async (events) => (queued.push(...events), 'bench-job') }, log: () => undefined });
    await app.services.settings.save(
      info.projectId,
      { confluenceSpaceKey: 'SMS', confluenceParentPageId: '65537', epicIssueTypeId: null, editorRoleId: null },
      0,
      USER,
    );
    const project = { id: info.projectId, key: info.projectKey, type: 'service_desk' };
    const invoke = <T>(functionKey: string, payload: Record<string, unknown>): Promise<T> =>
      invokeResolver<T>(app, USER, project, (u) => (currentUser = u), functionKey, payload);

    const publishOnce = async (): Promise<{ calls: number; seconds: number; result: PublishReportResultView }> => {
      const before = emulator.stats().calls;
      const t0 = process.hrtime.bigint();
      const started = await invoke<StartPublishReportResponse>('startPublishReport', {});
      // The consumer runs without a user, as in Forge.
      for (let event = queued.shift(); event !== undefined; event = queued.shift()) await app.jobConsumer({ body: event.body, jobId: started.jobId }, {});
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const calls = emulator.stats().calls - before;
      const status = await invoke<JobStatusView<PublishReportResultView>>('getJobStatus', { jobId: started.jobId });
      if (status.status !== 'done' || status.result === null) throw new Error(`publish ended ${status.status}: ${status.messages.join(' | ')}`);
      return { calls: calls, seconds, result: status.result };
    };

    emulator.setFaults({ latencyMs: LATENCY_MS });
    const first = await publishOnce();
    const again = await publishOnce();
    emulator.setFaults({});

    const pages = Math.ceil(ISSUES / 100);
    emit({
      name: 'report.publish.calls.10k',
      value: first.calls,
      unit: 'calls',
      bound: pages + 6,
      searchPagesNeeded: pages,
      searchPages: first.result.searchPages,
      republishCalls: again.calls,
      note: 'first publish (create) incl. the resolver permission check; republish (update) in republishCalls',
    });
    emit({
      name: 'report.publish.seconds.10k',
      value: Math.round(first.seconds * 100) / 100,
      unit: 's',
      bound: 20,
      latencyMsPerCall: LATENCY_MS,
      republishSeconds: Math.round(again.seconds * 100) / 100,
    });
    emit({
      name: 'report.adf.bytes.10k',
      value: first.result.bytes,
      unit: 'bytes',
      bound: 5_000_000,
      split: first.result.split,
      evidenceCount: first.result.evidenceCount,
      note: 'page body as sent: the ADF JSON escaped as a string (never smaller than the ADF JSON)',
    });
  });
}
