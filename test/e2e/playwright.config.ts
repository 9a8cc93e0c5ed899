import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Browser tests: system Chromium against a fresh sandbox (`npx tsx sandbox/main.ts --reset`) on port 8181
// with its own temporary data directory. The UI must be built first (`npm run build:ui`; `npm test` does it).
const root = path.resolve(__dirname, '..', '..');
const port = Number(process.env.E2E_PORT ?? 8181);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'sms-nav-e2e-'));
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? path.join(root, 'build', 'test-results', 'playwright.json');

export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'build', 'test-results', 'e2e'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx sandbox/main.ts --reset',
    cwd: root,
    url: `http://127.0.0.1:${port}/__host/host.css`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(port), SANDBOX_DATA_DIR: dataDir },
  },
});
