/**
 * UI benchmarks of the project page (run `npm run build:ui` first):
 * - ui.bundle.initial.gzip.kb: gzipped JavaScript the project page needs before the Scope panel can show —
 *   the entry chunk with its static imports, plus the ProjectPage and ScopePanel chunks (loaded lazily but
 *   straight away) with theirs. `entryKb` gives the entry chunk + static imports alone.
 * - ui.projectpage.ready.ms: median of 5 cold loads (fresh browser context each) in headless Chromium against
 *   a sandbox started here, from navigation to the Scope subpage (a deep link) until the Scope panel's first
 *   control is visible and enabled.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { paths } from '../sandbox/host/host-pages';
import { startSandbox } from '../sandbox/server';
import type { Emit } from './run';

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'static', 'build');
const ASSETS = path.join(BUILD, 'assets');

/** Static imports of a built chunk: `import … from "./x.js"` and bare `import "./x.js"` (not dynamic import()). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  const re = /(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) out.add(path.basename(m[1] as string));
  return [...out];
}

function closure(start: string[], seen = new Set<string>()): Set<string> {
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(readFileSync(path.join(ASSETS, file), 'utf8')));
  }
  return seen;
}

const gzipKb = (files: Iterable<string>): number =>
  [...files].reduce((n, f) => n + gzipSync(readFileSync(path.join(ASSETS, f)), { level: 9 }).length, 0) / 1024;

function bundleFigures(): { initialKb: number; entryKb: number; files: number } {
  const html = readFileSync(path.join(BUILD, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (entry === undefined) throw new Error('static/build/index.html names no entry script; run npm run build:ui.');
  const preloads = [...html.matchAll(/rel="modulepreload"[^>]*href="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const entrySet = closure([entry, ...preloads]);
  const chunk = (prefix: string): string => {
    const f = readdirSync(ASSETS).find((x) => x.startsWith(`${prefix}-`) && x.endsWith('.js'));
    if (f === undefined) throw new Error(`No ${prefix} chunk in static/build/assets.`);
    return f;
  };
  const all = closure([chunk('ProjectPage'), chunk('ScopePanel')], new Set(entrySet));
  return { initialKb: gzipKb(all), entryKb: gzipKb(entrySet), files: all.size };
}

async function readyTimes(runs: number): Promise<number[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-bench-ui-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, verbose: false });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const frame = page.getByTitle('SMS Navigator project page').contentFrame();
      const ready = frame.getByRole('button', { name: 'Define the scope' }).or(frame.getByLabel('Organization', { exact: true }));
      const t0 = Date.now();
      await page.goto(`${sandbox.url}${paths.projectSubpage('SMS', 'scope')}`);
      await ready.first().waitFor({ state: 'visible', timeout: 30_000 });
      times.push(Date.now() - t0);
      await context.close();
    }
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return times;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export async function run(emit: Emit): Promise<void> {
  if (!existsSync(path.join(BUILD, 'index.html'))) throw new Error('static/build is missing: run npm run build:ui first.');
  const b = bundleFigures();
  emit({ name: 'ui.bundle.initial.gzip.kb', value: Number(b.initialKb.toFixed(1)), unit: 'KiB', bound: 250, entryKb: Number(b.entryKb.toFixed(1)), files: b.files });
  const times = await readyTimes(5);
  emit({ name: 'ui.projectpage.ready.ms', value: median(times), unit: 'ms', bound: 1500, runs: times });
}
