import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTrafficLog } from '../../sandbox/emulator';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { validateTraffic } from '../../sandbox/contract/openapi-validator';
import { type EpicPlanInput, buildDesiredState, epicCreateLowerBound } from '../../src/domain/epics';
import { buildServices } from '../../src/wiring';
import { createEpicSyncJob, epicSyncJob } from '../../src/consumers/epic-sync.consumer';
import type { JobEvent } from '../../src/platform/job-queue';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import type { Plan } from '../../src/domain/planning';
import type { EpicSyncResultView, JobStatusView, PreviewEpicSyncResponse } from '../../src/contract/jobs';
import { draftMissingInterfaces, setNotPlanned } from '../../src/domain/planning';
import { proposePlan } from '../../src/domain/planning/propose-plan';
import { changedPlan, defaultEpicPlanInput } from '../builders/epic-sync.builder';
import {
  type EpicHarness,
  OPS_PROJECT_ID,
  SMS_PROJECT_ID,
  expectedPicture,
  bodyRewritingApi,
  killingApi,
  pictureOf,
  startEpicHarness,
} from './epic-sync-harness';

jest.setTimeout(120_000);

const base = defaultEpicPlanInput();
const [p1, , p3] = base.phases.map((p) => p.id) as [string, string, string];

describe('EpicSyncService against the emulated Jira', () => {
  let h: EpicHarness;
  let trafficFile: string;
  beforeAll(async () => {
    trafficFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'epic-traffic-')), 'traffic.jsonl');
    h = await startEpicHarness({ trafficLogFile: trafficFile });
  });
  afterAll(async () => {
    await h.close();
    rmSync(path.dirname(trafficFile), { recursive: true, force: true });
  });
  beforeEach(() => {
    h.emulator.setFaults({ rate: 0 });
    h.emulator.reset();
  });

  const picture = async (projectId = SMS_PROJECT_ID, planId = 'main') => pictureOf(await h.service().findExisting(projectId, planId));
  const sync = (input: EpicPlanInput, projectId = SMS_PROJECT_ID) => h.service().run({ projectId, input });

  it('creates every epic and item on the first run at the lower bound of calls, each with its properties', async () => {
    const before = h.calls();
    const result = await sync(base);
    const calls = h.calls() - before;
    expect(result.failures).toEqual([]);
    expect(result.created.epics).toHaveLength(13);
    expect(result.created.items).toHaveLength(53);
    expect(result.epics.every((e) => e.key !== null)).toBe(true);
    expect(calls).toBe(epicCreateLowerBound(buildDesiredState(base)));
    expect((await picture()).lines).toEqual(expectedPicture(base));
  });

  it('makes no write at all when run again without a change', async () => {
    await sync(base);
    const stats0 = h.emulator.stats();
    const result = await sync(base);
    const stats1 = h.emulator.stats();
    expect(stats1.calls - stats0.calls).toBe(1);
    expect((stats1.byRoute['POST /rest/api/3/search/jql'] ?? 0) - (stats0.byRoute['POST /rest/api/3/search/jql'] ?? 0)).toBe(1);
    expect(result.unchanged).toBe(66);
    expect(result.created).toEqual({ epics: [], items: [] });
    expect(stats1.issues).toBe(stats0.issues);
  });

  it('retitles the epics and work items of a renamed phase', async () => {
    await sync(base);
    const renamed = changedPlan(base, (d) => {
      if (d.phases[1]) d.phases[1].name = 'Customers and suppliers';
    });
    const result = await sync(renamed);
    const phase2Epics = result.epics.filter((e) => e.phaseId === renamed.phases[1]?.id).map((e) => e.key);
    expect(phase2Epics).toHaveLength(4);
    expect(result.retitled).toEqual(expect.arrayContaining(phase2Epics));
    expect(result.retitled.length).toBeGreaterThan(phase2Epics.length);
    expect(result.created).toEqual({ epics: [], items: [] });
    expect((await picture()).lines).toEqual(expectedPicture(renamed));
  });

  it('re-parents the items of a moved process (same issues, new epic, updated properties)', async () => {
    await sync(base);
    const keysBefore = (await h.service().findExisting(SMS_PROJECT_ID, 'main'))
      .filter((i) => i.property.phaseId === p1 && i.property.subsetId === '8.6' && i.property.role === 'item')
      .map((i) => i.key)
      .sort();
    const moved = changedPlan(base, (d) => {
      if (!d.phases[0] || !d.phases[1]) return;
      d.phases[0].processes = d.phases[0].processes.filter((p) => !p.startsWith('8.6'));
      d.phases[1].processes.push('8.6.1', '8.6.2', '8.6.3');
    });
    const issuesBefore = h.emulator.stats().issues;
    const result = await sync(moved);
    expect([...result.reparented].sort()).toEqual(keysBefore);
    expect(result.created.items).toEqual([]);
    expect(h.emulator.stats().issues).toBe(issuesBefore + 1); // only the new phase-2 epic for 8.6
    expect(result.orphans).toEqual([expect.objectContaining({ role: 'epic', phaseId: p1, reason: 'subset-removed' })]);
    const after = await picture();
    for (const line of expectedPicture(moved)) expect(after.lines).toContain(line);
    expect(after.duplicates).toBe(0);
  });

  it('lists the issues of a removed phase for closing and deletes nothing', async () => {
    await sync(base);
    const issuesBefore = h.emulator.stats().issues;
    const removed = changedPlan(base, (d) => {
      d.phases = d.phases.filter((p) => p.id !== p3);
    });
    const result = await sync(removed);
    expect(result.orphans.length).toBeGreaterThan(0);
    expect(result.orphans.every((o) => o.phaseId === p3 && o.reason === 'phase-removed')).toBe(true);
    expect(h.emulator.stats().issues).toBe(issuesBefore);
    const existing = await h.service().findExisting(SMS_PROJECT_ID, 'main');
    expect(existing.filter((i) => i.property.phaseId === p3)).toHaveLength(result.orphans.length);
  });

  it('creates only what is missing when a process or a phase is added', async () => {
    await sync(base);
    const added = changedPlan(base, (d) => {
      d.phases[0]?.processes.push('8.5.1');
      d.phases.push({ id: 'consolidate', name: 'Consolidate', objectives: ['Prove it all works together.'], processes: ['8.1'] });
    });
    const result = await sync(added);
    expect(result.created.epics).toHaveLength(2);
    expect(result.created.items).toHaveLength(4);
    expect((await picture()).lines).toEqual(expectedPicture(added));
  });

  it('works in the team-managed project OPS, whose issue types are its own', async () => {
    const result = await sync(base, OPS_PROJECT_ID);
    expect(result.failures).toEqual([]);
    expect((await picture(OPS_PROJECT_ID)).lines).toEqual(expectedPicture(base));
    expect((await picture(SMS_PROJECT_ID)).issues).toBe(0);
  });

  it('resumes a run killed half-way without creating anything twice', async () => {
    for (const limit of [3, 5, 6]) {
      h.emulator.reset();
      const dying = killingApi(h.api, limit);
      await expect(h.service({}, dying).run({ projectId: SMS_PROJECT_ID, input: base })).rejects.toThrow(/killed/);
      const resumed = await sync(base);
      expect(resumed.failures).toEqual([]);
      const after = await picture();
      expect(after.duplicates).toBe(0);
      expect(after.lines).toEqual(expectedPicture(base));
    }
  });

  it('reports a permanent per-item refusal with Jira message and still creates the rest', async () => {
    // Blank the summary of the second work item of every bulk call: Jira refuses just that element.
    const api = bodyRewritingApi(h.api, (body) => {
      const second = body.issueUpdates[1];
      if (second && 'parent' in second.fields) second.fields.summary = '';
    });
    const result = await h.service({}, api).run({ projectId: SMS_PROJECT_ID, input: base });
    expect(result.created.epics).toHaveLength(13);
    expect(result.failures).toHaveLength(2); // 53 items = two bulk calls
    for (const f of result.failures) {
      expect(f).toMatchObject({ role: 'item', status: 400, transient: false });
      expect(f.messages.join(' ')).toMatch(/summary/i);
    }
    expect(result.created.items).toHaveLength(51);
    // The next run creates the two that were refused, and nothing else.
    const again = await sync(base);
    expect(again.created.items).toHaveLength(2);
    expect((await picture()).lines).toEqual(expectedPicture(base));
  });

  it('ends in exactly the fault-free state under 20% random 429/500/reset faults, seeds 1 to 100', async () => {
    const reference = expectedPicture(base);
    const mismatches: number[] = [];
    let duplicates = 0;
    let reruns = 0;
    for (let seed = 1; seed <= 100; seed += 1) {
      h.emulator.setFaults({ rate: 0 });
      h.emulator.reset();
      h.emulator.setFaults({ rate: 0.2, kinds: ['429', '500', 'reset'], seed, latencyMs: 0, retryAfterSeconds: 0 });
      let result = await sync(base).catch(() => undefined);
      // A run that still had transient failures is run again, as the queue does with the job.
      for (let i = 0; i < 3 && (result === undefined || result.failures.length > 0); i += 1) {
        reruns += 1;
        result = await sync(base).catch(() => undefined);
      }
      h.emulator.setFaults({ rate: 0 });
      const after = await picture();
      duplicates += after.duplicates;
      if (JSON.stringify(after.lines) !== JSON.stringify(reference)) mismatches.push(seed);
    }
    expect(duplicates).toBe(0);
    expect(mismatches).toEqual([]);
    expect(reruns).toBeLessThan(20);
  });

  it('sends only requests and gets only answers that match the official Jira spec', async () => {
    await sync(base);
    await sync(changedPlan(base, (d) => d.phases.pop()));
    const report = await validateTraffic(readTrafficLog(trafficFile));
    expect(report.invalid).toEqual([]);
    expect(report.requestsValidated).toBeGreaterThan(0);
  });
});

describe('epic-sync job consumer', () => {
  let h: EpicHarness;
  beforeAll(async () => {
    h = await startEpicHarness();
  });
  afterAll(() => h.close());

  it('records progress, resumes after a kill on the next delivery and finishes without duplicates', async () => {
    const store = new InMemoryKvStore();
    const pushed: JobEvent[] = [];
    const queue = { push: async (e: JobEvent[]) => String(pushed.push(...e)) };
    const quiet = () => undefined;
    const jobs = { jobs: [createEpicSyncJob()] };
    const clientOptions = { jira: { sleep: async () => undefined } };
    const dying = buildServices({ api: killingApi(h.api, 5), store, queue, log: quiet, clientOptions }, jobs);
    const { jobId } = await dying.jobs.start(epicSyncJob, {
      scope: SMS_PROJECT_ID,
      accountId: '557058:sandbox-project-admin',
      input: { projectId: SMS_PROJECT_ID, request: base, close: [] },
      title: 'Create in Jira',
    });
    const deliver = (services: typeof dying, retryCount: number) => services.jobs.consume(pushed[0]?.body, { jobId: 'q', eventId: `e${retryCount}`, retryCount });
    expect(await deliver(dying, 0)).toMatchObject({ kind: 'retry' });
    expect((await dying.jobs.jobs.get(jobId))?.status).toBe('running');

    const healthy = buildServices({ api: h.api, store, queue, log: quiet, clientOptions }, jobs);
    expect(await deliver(healthy, 1)).toEqual({ kind: 'finished' });
    const done = await healthy.jobs.jobs.get(jobId);
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect(done?.done).toBe(done?.total);
    expect(done?.messages.some((m) => m.startsWith('Resumed'))).toBe(true);
    const after = pictureOf(await h.service().findExisting(SMS_PROJECT_ID, 'main'));
    expect(after.duplicates).toBe(0);
    expect(after.lines).toEqual(expectedPicture(base));

    // A third delivery of the same event does nothing.
    const calls = h.calls();
    expect(await deliver(healthy, 2)).toEqual({ kind: 'dropped' });
    expect(h.calls()).toBe(calls);
  });
});

describe('startEpicSync and getJobStatus through the sandbox bridge', () => {
  let sandbox: Sandbox;
  let dataDir: string;
  let staticDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'epic-sandbox-'));
    staticDir = mkdtempSync(path.join(os.tmpdir(), 'epic-static-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><body></body></html>');
    sandbox = await startSandbox({ port: 0, dataDir, reset: true, staticBuildDir: staticDir, verbose: false });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  });

  async function invoke(functionKey: string, accountId: string, payload: unknown) {
    const res = await fetch(`${sandbox.url}/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey, payload, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS', accountId }),
    });
    return (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } };
  }

  const admin = '557058:sandbox-project-admin';
  /** The plan `base` was made from, saved through the savePlan resolver as the Phases tab does. */
  const plan = proposePlan('subsets');
  const payload = { includeItems: true };
  let savedVersion = 0;
  async function savePlan(p: Plan): Promise<void> {
    const saved = await invoke('savePlan', admin, { plan: p, version: savedVersion });
    if (!saved.ok) throw new Error(`savePlan failed: ${saved.error?.message ?? ''}`);
    savedVersion = saved.data?.version as number;
  }

  /** Product calls made since `before` (per-route counts), leaving out the bridge's own project lookup. */
  function appCallsSince(before: Record<string, number>): number {
    let n = 0;
    for (const [route, count] of Object.entries(sandbox.emulator.stats().byRoute)) {
      if (route === 'GET /rest/api/3/project/{projectIdOrKey}') continue;
      n += count - (before[route] ?? 0);
    }
    return n;
  }

  it('refuses users who may not change the plan', async () => {
    expect((await invoke('startEpicSync', '557058:sandbox-member', payload)).error?.code).toBe('FORBIDDEN');
    expect((await invoke('startEpicSync', '557058:sandbox-outsider', payload)).error?.code).toBe('FORBIDDEN');
  });

  it('refuses to start before a plan is saved; a plan that cannot become epics is refused when saved; nothing is queued', async () => {
    const none = await invoke('startEpicSync', admin, payload);
    expect(none.error).toMatchObject({ code: 'CONFIG_MISSING', message: expect.stringContaining('Save a plan on the Phases tab first') });
    const [first] = plan.phases;
    if (first === undefined) throw new Error('the proposal has no phases');
    // Errors block Save (and Create): a plan with two phases of one id is not saved, so there is still nothing to sync.
    const refused = await invoke('savePlan', admin, { plan: { ...plan, phases: [first, { ...first, name: 'Same id again' }] }, version: savedVersion });
    expect(refused.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Two phases share the id') });
    expect((await invoke('startEpicSync', admin, payload)).error?.code).toBe('CONFIG_MISSING');
    expect(sandbox.emulator.stats().byRoute['POST /rest/api/3/issue/bulk'] ?? 0).toBe(0);
    await savePlan(plan); // version 1: the next test saves version 2 and starts from a stale version 1
  });

  it('queues the sync of the SAVED plan, reports "n of m" progress and links every epic; a second run changes nothing', async () => {
    await savePlan(plan);
    const stale = await invoke('startEpicSync', admin, { ...payload, expectedPlanVersion: savedVersion - 1 });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('plan changed') });
    const before = { ...sandbox.emulator.stats().byRoute };
    const started = await invoke('startEpicSync', admin, { ...payload, expectedPlanVersion: savedVersion });
    expect(started.ok).toBe(true);
    const jobId = started.data?.jobId as string;
    await sandbox.queue.idle();
    const firstCalls = appCallsSince(before);
    const status = await invoke('getJobStatus', admin, { jobId });
    expect(status.data).toMatchObject({ status: 'done', done: 66, total: 66 });
    const result = status.data?.result as { epics: { key: string | null }[]; failures: unknown[] };
    expect(result.failures).toEqual([]);
    expect(result.epics.every((e) => typeof e.key === 'string')).toBe(true);
    expect(firstCalls).toBeLessThanOrEqual(epicCreateLowerBound(buildDesiredState(base)) + 3);

    const mid = { ...sandbox.emulator.stats().byRoute };
    const again = await invoke('startEpicSync', admin, payload);
    await sandbox.queue.idle();
    expect(appCallsSince(mid)).toBe(2); // one permission check (access + CREATE_ISSUES in one call) + one search in the job
    const status2 = await invoke('getJobStatus', admin, { jobId: again.data?.jobId });
    expect(status2.data).toMatchObject({ status: 'done', total: 0 });

    // Another project's page cannot read this project's job.
    const elsewhere = await fetch(`${sandbox.url}/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: 'getJobStatus', payload: { jobId }, moduleKey: 'sms-navigator-project-page', projectKey: 'OPS', accountId: admin }),
    });
    expect(((await elsewhere.json()) as { error?: { code: string } }).error?.code).toBe('NOT_FOUND');
  });

  it('previews the issues a changed plan leaves behind, closes only the confirmed ones after confirmation, then has nothing to do', async () => {
    const dropped = draftMissingInterfaces(setNotPlanned(setNotPlanned(plan, '8.4.1', 'Group finance does budgeting.'), '8.4.2', 'Not needed yet.'));
    await savePlan(dropped);
    const preview = await invoke('previewEpicSync', admin, { includeItems: true, expectedPlanVersion: savedVersion });
    if (!preview.ok) throw new Error(preview.error?.message);
    const data = preview.data as unknown as PreviewEpicSyncResponse;
    const toClose = data.preview.close.map((o) => o.key);
    expect(toClose).toHaveLength(2);
    expect(data.preview.close.every((o) => /8\.4\.[12]/.test(o.summary))).toBe(true);
    expect(data.preview.counts).toMatchObject({ createEpics: 0, createItems: 0, close: 2 });

    // Without confirmation nothing is closed.
    const plain = await invoke('startEpicSync', admin, { includeItems: true });
    await sandbox.queue.idle();
    const plainStatus = (await invoke('getJobStatus', admin, { jobId: plain.data?.jobId })).data as unknown as JobStatusView<EpicSyncResultView>;
    expect(plainStatus.result?.orphans.map((o) => o.key).sort()).toEqual([...toClose].sort());
    expect(plainStatus.result?.closed).toEqual([]);

    // Confirmed: one of the two.
    const [first, second] = toClose as [string, string];
    const closing = await invoke('startEpicSync', admin, { includeItems: true, close: [first] });
    await sandbox.queue.idle();
    const closed = (await invoke('getJobStatus', admin, { jobId: closing.data?.jobId })).data as unknown as JobStatusView<EpicSyncResultView>;
    expect(closed.status).toBe('done');
    expect(closed.result?.closed).toEqual([expect.objectContaining({ key: first, status: 'Canceled' })]);
    expect(closed.result?.orphans.map((o) => o.key)).toEqual([second]);
    // The search now finds it in a done status: no longer listed to close.
    const after = (await invoke('previewEpicSync', admin, { includeItems: true })).data as unknown as PreviewEpicSyncResponse;
    expect(after.preview.close.map((o) => o.key)).toEqual([second]);
  });
});
