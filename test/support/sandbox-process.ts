/**
 * A sandbox server in a process of its own (`sandbox/main.ts` under tsx, or its esbuild bundle), started on a port
 * and data directory, shared by the browser specs' own sandboxes and the crash harness. No Playwright imports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Node arguments that run `sandbox/main.ts` through tsx's CLI. */
export const TSX_MAIN: readonly string[] = [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'sandbox/main.ts'];

export interface LaunchOptions {
  /** Node arguments that run the server: TSX_MAIN, or the bundle's path (test/support/sandbox-bundle.ts). */
  args: readonly string[];
  port: number;
  dataDir: string;
  /** Discard the state and reseed (`--reset`). */
  reset: boolean;
  /** How long the server may take to answer (default 60 s). */
  timeoutMs?: number;
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Starts the server and resolves once it serves `/__host/host.css`; on failure the process is ended and the error carries its output. */
export async function launchSandbox(o: LaunchOptions): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...o.args, ...(o.reset ? ['--reset'] : [])], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(o.port), SANDBOX_DATA_DIR: o.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited(child)) throw new Error(`sandbox exited early:\n${output}`);
      try {
        if ((await fetch(`http://127.0.0.1:${o.port}/__host/host.css`)).ok) return child;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`sandbox did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) {
    await terminate(child);
    throw e;
  }
}

/** SIGKILL, as a host or a Forge invocation can die: nothing runs after it. Resolves when the process is gone. */
export async function killNow(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
export async function terminate(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timeout);
}
