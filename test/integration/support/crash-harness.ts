/**
 * Crash runs of the queued jobs, shared by `npm test` (test/integration/jobs-crash.test.ts, a few runs) and
 * `npm run bench` (bench/jobs-crash.bench.ts, 20 runs per job type).
 *
 * The sandbox server (`sandbox/main.ts`, bundled once by esbuild and run by node itself: SIGKILL reaches the
 * server and not a wrapper, and a restart compiles no TypeScript) is started on a temp data directory. Each run
 * starts a job through the bridge as the project admin, SIGKILLs the server after a random delay within the job's fault-free duration, restarts it on the same data (the
 * durable queue delivers the event again), and waits for the job. A job that ends `interrupted` is resumed
 * (it counts as resumable, not stuck). Then the state is compared with what a fault-free run leaves:
 * - epic sync with items: the plan's epics and work items (identity, summary, parent, mapping), no duplicate;
 * - bulk mapping apply: every selected issue holds the previewed mapping, no clause twice;
 * - bulk undo: every issue holds exactly its mapping from before the apply;
 * - report publish: exactly one page with the report's title in the space.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHttpProductApi } from '../../../sandbox/http-product-api';
import { Prng } from '../../../sandbox/seed/prng';
import { epicPlanInputFromPlan, type EpicPlanInput } from '../../../src/domain/epics';
import type { Plan } from '../../../src/domain/planning';
import { proposePlan } from '../../../src/domain/planning/propose-plan';
import { JiraClient } from '../../../src/jira/jira-client';
import { EpicSyncService } from '../../../src/services/epic-sync.service';
import { JOB_LEASE_MS } from '../../../src/platform/job-runner';
import { EMPTY_MAPPING_VALUE } from '../../../src/domain/mapping/mapping-property';
import { SMS_PROJECT_ID, expectedPicture, pictureOf } from '../epic-sync-harness';
import { freePort } from '../../support/net';
import { bundleSandboxServer } from '../../support/sandbox-bundle';
import { killNow, launchSandbox, terminate } from '../../support/sandbox-process';

const ADMIN = '557058:sandbox-project-admin';
const MAPPING_KEY = 'sms-navigator-mapping';
const ENDED = new Set(['done', 'failed', 'abandoned']);

export type CrashJobType = 'epic-sync' | 'bulk-apply' | 'bulk-undo' | 'report-publish';

export interface CrashRun {
  type: CrashJobType;
  run: number;
  killAfterMs: number;
  /** Milliseconds from the job's start to its end (kill and restart included). */
  ms: number;
  /** How the job ended after the restart (done / failed / abandoned), or its status when it did not. */
  ended: string;
  resumed: boolean;
  stuck: boolean;
  duplicates: number;
  mismatches: number;
  detail: string;
}

export interface CrashSummary {
  runs: number;
  stuck: number;
  duplicates: number;
  mismatches: number;
  restarts: number;
  /** Milliseconds from SIGKILL to the restarted server answering, one per restart. */
  restartMs: number[];
  seconds: number;
  results: CrashRun[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One sandbox server process on a data directory of its own, killed and restarted at will. */
class SandboxProcess {
  private child: ChildProcess | undefined;
  restarts = 0;
  /** Milliseconds from each restart's SIGKILL to the restarted server answering. */
  readonly restartMs: number[] = [];
  constructor(
    readonly bundle: string,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(reset: boolean): Promise<void> {
    this.child = await launchSandbox({ args: [this.bundle], port: this.port, dataDir: this.dataDir, reset, timeoutMs: 120_000 });
  }

  /** SIGKILL, as a host or a Forge invocation can die: nothing runs after it. */
  async kill(): Promise<void> {
    await killNow(this.child);
  }

  async restart(): Promise<void> {
    const t0 = Date.now();
    await this.kill();
    this.restarts += 1;
    await this.start(false);
    this.restartMs.push(Date.now() - t0);
  }

  async stop(): Promise<void> {
    await terminate(this.child);
  }

  async invoke<T = Record<string, unknown>>(functionKey: string, payload: unknown): Promise<{ ok: boolean; data: T; error?: { code: string; message: string } }> {
    const res = await fetch(`${this.url}/bridge/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` },
      body: JSON.stringify({ functionKey, payload, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }),
    });
    return (await res.json()) as { ok: boolean; data: T; error?: { code: string; message: string } };
  }

  async rest<T>(method: string, p: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${p}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-sandbox-account-id': ADMIN },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status}`);
    return (await res.json()) as T;
  }
}

interface JobStatus {
  status: string;
  result: unknown;
  messages: string[];
}

/**
 * Waits for the job to end; an interrupted job is resumed once. Stuck: neither ended nor interrupted in time.
 * "In time" is the job's lease plus a margin, not a fixed figure: a kill that lands before the queue journalled the
 * event loses the invocation (as Forge can), and the job then shows queued until its lease runs out and it reads
 * interrupted. On a loaded machine that kill window is wider, so a shorter wait would call a lost invocation stuck.
 */
async function settle(sb: SandboxProcess, jobId: string, timeoutMs = JOB_LEASE_MS + 60_000): Promise<{ status: JobStatus; resumed: boolean; stuck: boolean }> {
  let resumed = false;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await sb.invoke<JobStatus>('getJobStatus', { jobId });
    if (!r.ok) throw new Error(`getJobStatus: ${r.error?.message ?? 'failed'}`);
    if (ENDED.has(r.data.status)) return { status: r.data, resumed, stuck: false };
    if (r.data.status === 'interrupted' && !resumed) {
      resumed = true;
      const again = await sb.invoke('resumeJob', { jobId });
      if (!again.ok) throw new Error(`resumeJob: ${again.error?.message ?? 'failed'}`);
    } else if (Date.now() > deadline) {
      return { status: r.data, resumed, stuck: true };
    }
    await sleep(150);
  }
}

/** Runs `start`, kills the server after `killAfterMs`, restarts it and waits for the job. */
async function crashRun(sb: SandboxProcess, killAfterMs: number, start: () => Promise<string>): Promise<{ jobId: string; ms: number; status: JobStatus; resumed: boolean; stuck: boolean }> {
  const t0 = Date.now();
  const jobId = await start();
  await sleep(killAfterMs);
  await sb.restart();
  const settled = await settle(sb, jobId);
  return { jobId, ms: Date.now() - t0, ...settled };
}

async function timed(sb: SandboxProcess, start: () => Promise<string>): Promise<{ ms: number; status: JobStatus }> {
  const t0 = Date.now();
  const jobId = await start();
  const { status } = await settle(sb, jobId);
  return { ms: Date.now() - t0, status };
}

// ------------------------------------------------------------------------------------ epic sync

function planForRun(base: Plan, run: number): Plan {
  return { ...base, phases: base.phases.map((p) => ({ ...p, id: `${p.id}-run${run}z`, name: `${p.name} (run ${run})` })) };
}

async function epicPicture(sb: SandboxProcess, input: EpicPlanInput, run: number): Promise<{ missing: number; extra: number; duplicates: number }> {
  const jira = new JiraClient(createHttpProductApi(sb.url, () => ADMIN));
  const service = new EpicSyncService({ jira, jiraOnce: jira });
  const picture = pictureOf(await service.findExisting(SMS_PROJECT_ID, 'main'));
  const mine = picture.lines.filter((l) => l.includes(`-run${run}z`));
  const want = expectedPicture(input);
  const have = new Set(picture.lines);
  const missing = want.filter((l) => !have.has(l)).length;
  const wanted = new Set(want);
  const extra = mine.filter((l) => !wanted.has(l)).length;
  return { missing, extra, duplicates: picture.duplicates };
}

async function epicSyncRuns(sb: SandboxProcess, runs: number, prng: Prng, out: CrashRun[]): Promise<void> {
  const base = proposePlan('subsets');
  const save = async (plan: Plan): Promise<void> => {
    const current = await sb.invoke<{ version: number }>('getPlan', {});
    const version = current.ok ? current.data.version : 0;
    const saved = await sb.invoke('savePlan', { plan, version });
    if (!saved.ok) throw new Error(`savePlan: ${saved.error?.message ?? ''}`);
  };
  const start = async (): Promise<string> => {
    const r = await sb.invoke<{ jobId: string }>('startEpicSync', { includeItems: true });
    if (!r.ok) throw new Error(`startEpicSync: ${r.error?.message ?? ''}`);
    return r.data.jobId;
  };
  await save(planForRun(base, 0));
  const baseline = await timed(sb, start);
  for (let run = 1; run <= runs; run += 1) {
    const plan = planForRun(base, run);
    await save(plan);
    const killAfterMs = prng.int(0, Math.max(50, baseline.ms));
    const r = await crashRun(sb, killAfterMs, start);
    const pic = await epicPicture(sb, epicPlanInputFromPlan('main', plan, true), run);
    out.push({
      type: 'epic-sync',
      run,
      killAfterMs,
      ms: r.ms,
      ended: r.status.status,
      resumed: r.resumed,
      stuck: r.stuck,
      duplicates: pic.duplicates,
      mismatches: r.status.status === 'done' && pic.missing === 0 && pic.extra === 0 ? 0 : 1,
      detail: `missing ${pic.missing}, extra ${pic.extra}`,
    });
  }
}

// ------------------------------------------------------------------------------------ bulk mapping

async function mappings(sb: SandboxProcess): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  let token: string | undefined;
  do {
    const page = await sb.rest<{ issues: { id: string; properties?: Record<string, unknown> }[]; nextPageToken?: string }>('POST', '/rest/api/3/search/jql', {
      jql: 'project = "SMS" ORDER BY key ASC',
      fields: ['summary'],
      properties: [MAPPING_KEY],
      maxResults: 100,
      ...(token ? { nextPageToken: token } : {}),
    });
    for (const i of page.issues) out.set(i.id, i.properties?.[MAPPING_KEY]);
    token = page.nextPageToken;
  } while (token);
  return out;
}

const clausesOf = (v: unknown): string[] =>
  v && typeof v === 'object' && Array.isArray((v as { clauses?: unknown }).clauses) ? ((v as { clauses: unknown[] }).clauses.filter((c) => typeof c === 'string') as string[]) : [];

const sameBefore = (before: unknown, now: unknown): boolean =>
  before === undefined ? now === undefined || JSON.stringify(now) === JSON.stringify(EMPTY_MAPPING_VALUE) : JSON.stringify(before) === JSON.stringify(now);

/** Clauses a run adds to every issue: distinct per run so each apply changes every issue. */
const RUN_CLAUSES = ['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '9.1', '9.2', '9.3', '10.1', '10.2'];

async function bulkRuns(sb: SandboxProcess, runs: number, prng: Prng, out: CrashRun[]): Promise<void> {
  const preview = async (clauseId: string): Promise<{ previewId: string; items: { issueId: string; after: { clauseId: string }[] }[] }> => {
    const r = await sb.invoke<{ previewId: string; items: { issueId: string; after: { clauseId: string }[] }[] }>('previewBulkMapping', {
      source: 'jql',
      jql: 'key is not EMPTY',
      clauses: [{ clauseId, kind: 'record' }],
    });
    if (!r.ok) throw new Error(`previewBulkMapping: ${r.error?.message ?? ''}`);
    return r.data;
  };
  const apply = (p: { previewId: string; items: { issueId: string }[] }) => async (): Promise<string> => {
    const r = await sb.invoke<{ jobId: string }>('startBulkMapping', { previewId: p.previewId, issueIds: p.items.map((i) => i.issueId) });
    if (!r.ok) throw new Error(`startBulkMapping: ${r.error?.message ?? ''}`);
    return r.data.jobId;
  };
  const undo = async (): Promise<string> => {
    const r = await sb.invoke<{ jobId: string }>('undoBulkMapping', {});
    if (!r.ok) throw new Error(`undoBulkMapping: ${r.error?.message ?? ''}`);
    return r.data.jobId;
  };
  // Fault-free timings of one apply and one undo.
  const first = await preview(RUN_CLAUSES[0] as string);
  const applyBase = await timed(sb, apply(first));
  const undoBase = await timed(sb, undo);
  for (let run = 1; run <= runs; run += 1) {
    const before = await mappings(sb);
    const p = await preview(RUN_CLAUSES[run % RUN_CLAUSES.length] as string);
    const killApply = prng.int(0, Math.max(50, applyBase.ms));
    const a = await crashRun(sb, killApply, apply(p));
    const afterApply = await mappings(sb);
    let mism = 0;
    let dup = 0;
    for (const item of p.items) {
      const now = clausesOf(afterApply.get(item.issueId));
      if (new Set(now).size !== now.length) dup += 1;
      const want = item.after.map((m) => m.clauseId);
      if (JSON.stringify([...now].sort()) !== JSON.stringify([...want].sort())) mism += 1;
    }
    out.push({ type: 'bulk-apply', run, killAfterMs: killApply, ms: a.ms, ended: a.status.status, resumed: a.resumed, stuck: a.stuck, duplicates: dup, mismatches: a.status.status === 'done' && mism === 0 ? 0 : 1, detail: `${mism} of ${p.items.length} issues differ` });

    const killUndo = prng.int(0, Math.max(50, undoBase.ms));
    const u = await crashRun(sb, killUndo, undo);
    const afterUndo = await mappings(sb);
    let differ = 0;
    for (const [id, value] of before) if (!sameBefore(value, afterUndo.get(id))) differ += 1;
    out.push({ type: 'bulk-undo', run, killAfterMs: killUndo, ms: u.ms, ended: u.status.status, resumed: u.resumed, stuck: u.stuck, duplicates: 0, mismatches: u.status.status === 'done' && differ === 0 ? 0 : 1, detail: `${differ} issues differ from before the apply` });
  }
}

// ------------------------------------------------------------------------------------ report publish

async function pagesTitled(sb: SandboxProcess, title: string): Promise<number> {
  const spaces = await sb.rest<{ results: { id: string }[] }>('GET', '/wiki/api/v2/spaces?keys=SMS');
  const spaceId = spaces.results[0]?.id ?? '';
  const pages = await sb.rest<{ results: { title: string }[] }>('GET', `/wiki/api/v2/pages?space-id=${spaceId}&title=${encodeURIComponent(title)}&limit=250`);
  return pages.results.filter((p) => p.title === title).length;
}

async function publishRuns(sb: SandboxProcess, runs: number, prng: Prng, out: CrashRun[]): Promise<void> {
  const settings = await sb.invoke<{ version: number }>('getProjectSettings', {});
  const saved = await sb.invoke('saveProjectSettings', {
    confluenceSpaceKey: 'SMS',
    confluenceParentPageId: '65537',
    epicIssueTypeId: null,
    editorRoleId: null,
    version: settings.ok ? settings.data.version : 0,
  });
  if (!saved.ok) throw new Error(`saveProjectSettings: ${saved.error?.message ?? ''}`);
  const start = async (): Promise<string> => {
    const r = await sb.invoke<{ jobId: string }>('startPublishReport', { siteUrl: sb.url });
    if (!r.ok) throw new Error(`startPublishReport: ${r.error?.message ?? ''}`);
    return r.data.jobId;
  };
  // Run 1 is the first publish (the page is created); the fault-free timing comes from a separate sandbox-less
  // estimate: the first run's kill is drawn within 1.5 s, later ones within the measured publish time.
  let window = 1500;
  for (let run = 1; run <= runs; run += 1) {
    const killAfterMs = prng.int(0, window);
    const r = await crashRun(sb, killAfterMs, start);
    const title = (r.status.result as { title?: string } | null)?.title ?? '';
    const pages = title === '' ? 0 : await pagesTitled(sb, title);
    out.push({
      type: 'report-publish',
      run,
      killAfterMs,
      ms: r.ms,
      ended: r.status.status,
      resumed: r.resumed,
      stuck: r.stuck,
      duplicates: Math.max(0, pages - 1),
      mismatches: r.status.status === 'done' && pages === 1 ? 0 : 1,
      detail: `${pages} page(s) titled "${title}"`,
    });
    if (run === 1) window = Math.max(50, (await timed(sb, start)).ms);
  }
}

// ------------------------------------------------------------------------------------ entry

/** Runs `runs` crash runs of every job type (bulk undo runs pair with the applies) and sums them up. */
export async function runJobCrashes(runs: number, seed = 13, kinds: readonly ('epic-sync' | 'bulk' | 'report-publish')[] = ['epic-sync', 'bulk', 'report-publish']): Promise<CrashSummary> {
  const t0 = Date.now();
  const prng = new Prng(seed);
  const results: CrashRun[] = [];
  let restarts = 0;
  const restartMs: number[] = [];
  const bundle = await bundleSandboxServer();
  for (const kind of kinds) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `jobs-crash-${kind}-`));
    const sb = new SandboxProcess(bundle, dataDir, await freePort());
    try {
      await sb.start(true);
      if (kind === 'epic-sync') await epicSyncRuns(sb, runs, prng, results);
      else if (kind === 'bulk') await bulkRuns(sb, runs, prng, results);
      else await publishRuns(sb, runs, prng, results);
    } finally {
      restarts += sb.restarts;
      restartMs.push(...sb.restartMs);
      await sb.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return {
    runs: results.length,
    stuck: results.filter((r) => r.stuck).length,
    duplicates: results.reduce((n, r) => n + r.duplicates, 0),
    mismatches: results.reduce((n, r) => n + r.mismatches, 0),
    restarts,
    restartMs,
    seconds: (Date.now() - t0) / 1000,
    results,
  };
}
