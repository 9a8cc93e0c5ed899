import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { paths } from './sandbox/host/host-pages';
import { startSandbox } from './sandbox/server';
(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'prof-'));
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, verbose: false });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const ready = page.frameLocator('section.app-panel iframe').getByRole('heading', { name: "Suggested from this issue's text" });
    const t0 = Date.now();
    await page.goto(`${sandbox.url}${paths.issue('SMS-1')}`);
    await ready.waitFor({ state: 'visible', timeout: 30_000 });
    times.push(Date.now() - t0);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(process.argv[2], 'median', times[4], times.join(' '));
  await browser.close(); await sandbox.close();
})();
