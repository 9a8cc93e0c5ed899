/**
 * The sandbox as `npm start` runs it: sandbox/main.ts in a Node process of its own. The browser timings use it
 * rather than an in-process sandbox, because playwright-core drives the browser from the bench's own event loop:
 * in one process, every request of the page under test would wait behind Playwright's protocol traffic, which
 * no user's sandbox does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface SandboxProcess {
  url: string;
  close(): Promise<void>;
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-bench-sandbox-'));
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['sandbox/main.ts', '--reset'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SANDBOX_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The sandbox did not start within 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /sandbox(?: \([^)]*\))? on (http:\/\/[^\s]+)/.exec(output);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The sandbox stopped before it started:\n${output}`));
    });
  });
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
