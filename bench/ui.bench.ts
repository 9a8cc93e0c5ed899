/**
 * UI benchmarks of the project page (run `npm run build:ui` first):
 * - ui.bundle.initial.gzip.kb: gzipped JavaScript the project page needs before the Scope panel can show —
 *   the entry chunk with its static imports, plus the ProjectPage and ScopePanel chunks (loaded lazily but
 *   straight away) with theirs. `entryKb` gives the entry chunk + static imports alone.
 * - ui.projectpage.ready.ms: median of 15 cold loads (fresh browser context each, after one uncounted load) in
 *   headless Chromium against a sandbox started here, from navigation to the Scope subpage (a deep link) until the
 *   animation frame that paints the Scope panel's first control visible and enabled, as the page sees it (readyTimes).
 * - ui.issuepanel.initial.gzip.kb: gzipped JavaScript the issue panel needs before it can show: the `issue`
 *   resource's entry chunk (static/build-issue), which carries the panel, with its static imports and modulepreloads.
 * - ui.issuepanel.ready.ms: median of 15 cold loads of an issue (/browse/SMS-1) until the frame that paints the clause
 *   panel's suggestions heading with the suggestions under it.
 * - ui.axe.serious: serious and critical axe-core violations over every view (bench/axe-views.ts), light and dark.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { paths, UI_RESOURCES } from '../sandbox/host/host-pages';
import { startSandbox } from '../sandbox/server';
import { AXE_VIEWS, axeView, type AxeFinding } from './axe-views';
import { startSandboxProcess } from './sandbox-process';
import type { Emit } from './run';

const ROOT = path.resolve(__dirname, '..');
/** The `main` resource (project page, settings) and the `issue` resource (issue panel, glance). */
const BUILD = path.join(ROOT, 'static', UI_RESOURCES.main.dir);
const ISSUE_BUILD = path.join(ROOT, 'static', UI_RESOURCES.issue.dir);

/** Static imports of a built chunk: `import … from "./x.js"` and bare `import "./x.js"` (not dynamic import()). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  const re = /(?:\bfrom\s*|\bimport\s*)["'](\.\/[^"']+\.js)["']/g;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) out.add(path.basename(m[1] as string));
  return [...out];
}

/** The chunks `start` pulls in statically, in a resource's build folder. */
function closure(build: string, start: string[], seen = new Set<string>()): Set<string> {
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(readFileSync(path.join(build, 'assets', file), 'utf8')));
  }
  return seen;
}

const gzipKb = (build: string, files: Iterable<string>): number =>
  [...files].reduce((n, f) => n + gzipSync(readFileSync(path.join(build, 'assets', f)), { level: 9 }).length, 0) / 1024;

/** What a resource's index.html loads before anything is lazy: every module script and modulepreload, with their imports. */
function entryClosure(build: string): Set<string> {
  const html = readFileSync(path.join(build, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  if (scripts.length === 0) throw new Error(`${path.relative(ROOT, build)}/index.html names no entry script; run npm run build:ui.`);
  const preloads = [...html.matchAll(/rel="modulepreload"[^>]*href="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  return closure(build, [...scripts, ...preloads]);
}

function chunkFile(build: string, prefix: string): string {
  const f = readdirSync(path.join(build, 'assets')).find((x) => x.startsWith(`${prefix}-`) && x.endsWith('.js'));
  if (f === undefined) throw new Error(`No ${prefix} chunk in ${path.relative(ROOT, build)}/assets.`);
  return f;
}

/** The issue resource's entry carries the panel itself. */
const issuePanelKb = (): number => gzipKb(ISSUE_BUILD, entryClosure(ISSUE_BUILD));

function bundleFigures(): { initialKb: number; entryKb: number; files: number } {
  const entrySet = entryClosure(BUILD);
  const all = closure(BUILD, [chunkFile(BUILD, 'ProjectPage'), chunkFile(BUILD, 'ScopePanel')], new Set(entrySet));
  return { initialKb: gzipKb(BUILD, all), entryKb: gzipKb(BUILD, entrySet), files: all.size };
}

/**
 * When a view is ready, as the page itself sees it. An init script in the module's frame checks the view's ready
 * condition whenever the frame's DOM changes, from the moment its document starts, and logs the wall-clock time
 * (Date.now(), the bench's own clock) of the animation frame that paints the change that made it hold.
 * Playwright's locators are not used for the timing: their polling backs off to one try every 500 ms (and injects
 * its selector engine into the frame while the app is still loading), so they report the first poll after the
 * view showed, not the view.
 * A locator then checks, untimed, that the view really shows what the condition looked for. The sandbox runs in its
 * own process, as `npm start` runs it (sandbox-process.ts).
 */
interface ReadyProbe {
  /** The module's frame, by its moduleKey query parameter (the host page and other frames never report). */
  moduleKey: string;
  /** A JavaScript expression over `document` (and the helper `shown(el)`), true once the view is ready. */
  condition: string;
  /** Untimed: the view, as a user reads it, after the probe reported. */
  check: (page: Page) => Promise<void>;
}

const READY = 'sms-bench-ready:';
/** Counted cold loads per ready figure: this 2-core machine's speed drifts from minute to minute, and a median of
 * 15 moves less with it than one of 9. */
const READY_RUNS = 15;

function probeScript(probe: ReadyProbe): string {
  // Checked when the frame's DOM changes (not on every frame: a probe that polls costs the page it measures), and
  // reported at the next animation frame, the one that paints the change.
  return `(function () {
  if (new URLSearchParams(location.search).get('moduleKey') !== ${JSON.stringify(probe.moduleKey)}) return;
  function shown(el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; }
  var done = false;
  var observer = new MutationObserver(check);
  function check() {
    if (done || !(${probe.condition})) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(function () { console.log(${JSON.stringify(READY)} + Date.now() + ' ' + Math.round(performance.now())); });
  }
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;
}

/**
 * Milliseconds from page.goto(url) to the frame that paints the view ready (the figure), and from the module's
 * frame starting to load to the same moment (the app's own part, after the host page framed it); a fresh context
 * per run.
 */
async function readyTimes(url: string, probe: ReadyProbe, runs: number): Promise<{ times: number[]; inFrame: number[] }> {
  const sandbox = await startSandboxProcess();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const times: number[] = [];
  const inFrame: number[] = [];
  try {
    // One load first, not counted: the sandbox's first answers compile its server code (tsx), as a running sandbox
    // did long ago. Every counted load is a cold browser (a fresh context: no cache, no compiled code).
    for (let i = -1; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addInitScript(probeScript(probe));
      const page = await context.newPage();
      const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(READY), timeout: 30_000 });
      const t0 = Date.now();
      await page.goto(`${sandbox.url}${url}`);
      const [at, sinceFrame] = (await reported).text().slice(READY.length).split(' ').map(Number) as [number, number];
      await probe.check(page);
      if (i >= 0) {
        times.push(at - t0);
        inFrame.push(sinceFrame);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
  return { times, inFrame };
}

/** The Scope subpage (a deep link): its first control visible and enabled (a new project shows "Define the scope"). */
const PROJECT_PAGE_READY: ReadyProbe = {
  moduleKey: 'sms-navigator-project-page',
  condition: `Array.from(document.querySelectorAll('button')).some(function (b) { return b.textContent.trim() === 'Define the scope' && !b.disabled && shown(b); })
    || Array.from(document.querySelectorAll('label')).some(function (l) { var c = l.htmlFor && document.getElementById(l.htmlFor); return l.textContent.trim() === 'Organization' && c && !c.disabled && shown(c); })`,
  check: async (page) => {
    const frame = page.getByTitle('SMS Navigator project page').contentFrame();
    await frame.getByRole('button', { name: 'Define the scope' }).or(frame.getByLabel('Organization', { exact: true })).first().waitFor({ state: 'visible', timeout: 5_000 });
  },
};

/** An issue's clause panel: its suggestions heading shown, with the suggestions under it (or the words that there are none). */
const ISSUE_PANEL_READY: ReadyProbe = {
  moduleKey: 'sms-navigator-issue-panel',
  condition: `Array.from(document.querySelectorAll('h2')).some(function (h) {
      if (h.textContent !== "Suggested from this issue's text" || !shown(h)) return false;
      var list = document.querySelector('ul[aria-label="Suggested clauses"] li');
      return (list !== null && shown(list)) || Array.from(h.parentElement.querySelectorAll('p')).some(function (p) { return p.textContent.indexOf('No suggestions') === 0; });
    })`,
  check: async (page) => {
    await page.frameLocator('section.app-panel iframe').getByRole('heading', { name: "Suggested from this issue's text" }).waitFor({ state: 'visible', timeout: 5_000 });
  },
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** axe over every view in light and dark mode, on a sandbox of its own. */
export async function axeFindings(): Promise<AxeFinding[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-bench-axe-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, verbose: false });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const out: AxeFinding[] = [];
  try {
    for (const mode of ['light', 'dark'] as const) {
      for (const view of AXE_VIEWS) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        out.push(...(await axeView(await context.newPage(), sandbox.url, view, mode)));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

export async function run(emit: Emit): Promise<void> {
  if (!existsSync(path.join(BUILD, 'index.html')) || !existsSync(path.join(ISSUE_BUILD, 'index.html'))) throw new Error('static/build or static/build-issue is missing: run npm run build:ui first.');
  const b = bundleFigures();
  emit({ name: 'ui.bundle.initial.gzip.kb', value: Number(b.initialKb.toFixed(1)), unit: 'KiB', bound: 250, entryKb: Number(b.entryKb.toFixed(1)), files: b.files });
  const page = await readyTimes(paths.projectSubpage('SMS', 'scope'), PROJECT_PAGE_READY, READY_RUNS);
  emit({ name: 'ui.projectpage.ready.ms', value: median(page.times), unit: 'ms', bound: 1500, runs: page.times, inFrameMs: median(page.inFrame) });
  emit({ name: 'ui.issuepanel.initial.gzip.kb', value: Number(issuePanelKb().toFixed(1)), unit: 'KiB', bound: 120 });
  const issue = await readyTimes(paths.issue('SMS-1'), ISSUE_PANEL_READY, READY_RUNS);
  emit({ name: 'ui.issuepanel.ready.ms', value: median(issue.times), unit: 'ms', bound: 800, runs: issue.times, inFrameMs: median(issue.inFrame) });
  const axe = await axeFindings();
  emit({ name: 'ui.axe.serious', value: axe.reduce((n, f) => n + f.nodes, 0), unit: 'nodes', bound: 0, views: AXE_VIEWS.length * 2, rules: [...new Set(axe.map((f) => `${f.view}/${f.mode}: ${f.id}`))] });
}
