/**
 * `npm run bench`: every benchmark prints one JSON object per line:
 *   {"name": ..., "value": ..., "unit": ..., "bound": ..., "better": "lower"|"higher"}
 * bound is the figure the issue asks for. Product API calls are counted, timings are given under injected
 * latency or as medians; nothing here fails on timing. Each bench module exports `run(emit)`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  bound: number;
  better?: 'lower' | 'higher';
  [extra: string]: unknown;
}

export type Emit = (line: BenchLine) => void;

const emit: Emit = (line) => {
  process.stdout.write(`${JSON.stringify({ better: 'lower', ...line })}\n`);
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { run?: (e: Emit) => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run(emit)`);
    await mod.run(emit);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
