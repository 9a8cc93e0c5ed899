import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileKvStore } from '../../sandbox/kvs/file-kv-store';
import { Prng } from '../../sandbox/seed/prng';

const WRITER = path.join(__dirname, 'fixtures', 'kill-writer.ts');

/** Starts the writer, waits for "ready", lets it write for `ms`, then SIGKILLs it. */
function runAndKill(dir: string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let started = -1;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m && started < 0) {
        started = Number(m[1]);
        setTimeout(() => child.kill('SIGKILL'), ms);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && started >= 0) resolve(started);
      else reject(new Error(`writer ended without being killed: ${err.slice(0, 2000)}`));
    });
  });
}

describe('sandbox state under SIGKILL', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kill-safety-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays readable and consistent after the writer is killed at random points', async () => {
    const r = new Prng(7);
    let last = 0;
    for (let round = 0; round < 5; round += 1) {
      const startedAt = await runAndKill(dir, r.int(80, 400));
      expect(startedAt).toBe(last);
      const store = new FileKvStore(dir);
      const x = (await store.get('x')) as number;
      expect(await store.get('y')).toBe(x);
      expect(await store.get('z')).toBe(-x);
      expect(x).toBeGreaterThan(last);
      const logs = await store.query('log:', { limit: 20 });
      for (const e of logs.results) expect(((e.value as { n: number }).n)).toBeLessThanOrEqual(x);
      store.close();
      last = x;
    }
  }, 60_000);
});
