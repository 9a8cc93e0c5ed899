/**
 * Shared by the sandbox integration tests (initiation, mapping, publish-report): the whole sandbox in-process
 * on a free port over a fresh temp data directory with a traffic log, the bridge's invoke as a user, and the
 * logged product traffic checked against the official OpenAPI specs. Assertions stay in the tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatViolations, validateTraffic } from '../../../sandbox/contract/openapi-validator';
import { readTrafficLog } from '../../../sandbox/emulator';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

export const ADMIN = '557058:sandbox-project-admin';
export const MEMBER = '557058:sandbox-member';
export const OUTSIDER = '557058:sandbox-outsider';

/** What the bridge answers for a resolver call. */
export interface BridgeResult<T> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

/** The product traffic logged so far, checked against the specs. */
export interface TrafficCheck {
  /** Logged product calls. */
  entries: number;
  requestsValidated: number;
  /** One line per violation; '' when every request and answer matched. */
  violations: string;
}

export interface SandboxHarness {
  /** The running sandbox; only between beforeAll and afterAll. */
  readonly sandbox: Sandbox;
  /**
   * Calls a resolver through the sandbox bridge as `accountId` on the SMS project page (or, given `issueKey`,
   * on that issue's panel). Expects HTTP 200 from the bridge.
   */
  invoke<T = Record<string, unknown>>(functionKey: string, accountId: string, payload?: unknown, issueKey?: string): Promise<BridgeResult<T>>;
  checkTraffic(): Promise<TrafficCheck>;
}

/**
 * Registers beforeAll/afterAll that start a reset sandbox in temp directories named after `name` and remove
 * them afterwards; returns the harness to use inside the tests.
 */
export function useSandboxHarness(name: string): SandboxHarness {
  let dataDir: string | undefined;
  let staticDir: string | undefined;
  let trafficFile: string | undefined;
  let running: Sandbox | undefined;

  const started = (): Sandbox => {
    if (!running) throw new Error('the sandbox is not running (use the harness inside tests)');
    return running;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    staticDir = mkdtempSync(path.join(os.tmpdir(), `${name}-static-`));
    trafficFile = path.join(dataDir, 'traffic.jsonl');
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
    running = await startSandbox({ port: 0, dataDir, reset: true, staticBuildDir: staticDir, verbose: false, trafficLogFile: trafficFile });
  });

  afterAll(async () => {
    await running?.close();
    running = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  });

  return {
    get sandbox() {
      return started();
    },
    async invoke<T>(functionKey: string, accountId: string, payload: unknown = {}, issueKey?: string): Promise<BridgeResult<T>> {
      const res = await fetch(`${started().url}/bridge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(accountId)}` },
        body: JSON.stringify({
          functionKey,
          payload,
          moduleKey: issueKey ? 'sms-navigator-issue-panel' : 'sms-navigator-project-page',
          projectKey: 'SMS',
          ...(issueKey ? { issueKey } : {}),
        }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as BridgeResult<T>;
    },
    async checkTraffic(): Promise<TrafficCheck> {
      if (!trafficFile) throw new Error('the sandbox has not started');
      const entries = readTrafficLog(trafficFile);
      const report = await validateTraffic(entries);
      return { entries: entries.length, requestsValidated: report.requestsValidated, violations: formatViolations(report.invalid) };
    },
  };
}
