import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `npm test` on a machine without Chromium: where it cannot install it (not root, or no apt-get), it stops at
// once with one line saying how, before any other stage runs.
const ROOT = path.resolve(__dirname, '../..');

describe('npm test on a fresh machine', () => {
  it('stops at once with one line saying how to install Chromium when it cannot install it itself', () => {
    // PATH holds node and nothing else, so there is no apt-get: the script cannot install and must stop.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'sms-fresh-path-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = spawnSync(process.execPath, ['scripts/test.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: bin, HOME: process.env.HOME ?? '/tmp', CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    rmSync(bin, { recursive: true, force: true });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^npm test needs Chromium at \/nonexistent\/chromium .*apt-get install -y chromium fonts-dejavu-core/);
    expect(r.stdout).not.toContain('===');
  });
});
