import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MANIFEST_PATH } from '../../sandbox/manifest';
import { startSandbox, type Sandbox } from '../../sandbox/server';

// The sandbox hosts the app by manifest.yml: started on a copy without the app.compatibility block, the app has no
// Confluence to call (as on Forge), whatever the site switch says. Jira works as before.
jest.setTimeout(60_000);

const ADMIN = '557058:sandbox-project-admin';
let dir: string;
let sandbox: Sandbox | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-manifest-'));
  const cut = readFileSync(MANIFEST_PATH, 'utf8').replace(/\n  compatibility:\n(?: {4}.*\n)+/, '\n');
  if (cut.includes('compatibility:')) throw new Error('the compatibility block was not cut out');
  writeFileSync(path.join(dir, 'manifest.yml'), cut);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
  sandbox = await startSandbox({
    port: 0,
    dataDir: path.join(dir, 'data'),
    reset: true,
    staticBuildDir: dir,
    verbose: false,
    confluence: 'connected',
    manifestPath: path.join(dir, 'manifest.yml'),
  });
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function invoke(functionKey: string, payload: unknown = {}) {
  const res = await fetch(`${sandbox!.url}/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` },
    body: JSON.stringify({ functionKey, payload, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }),
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };
}

describe('a sandbox whose manifest does not declare Confluence', () => {
  it('answers every Confluence call path with CONFLUENCE_NOT_CONNECTED and shows no switch', async () => {
    expect(sandbox!.confluence.reachable).toBe(false);
    expect(await invoke('getAppContext')).toMatchObject({ ok: true, data: { confluence: { connected: false } } });
    expect(await invoke('getSettingsOptions', { confluenceSpaceKey: 'SMS' })).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED' } });
    expect(await invoke('startPublishReport', { siteUrl: sandbox!.url })).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED' } });
    expect(await invoke('publishBusinessCase')).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED' } });
    // Turning the site switch on changes nothing: the manifest decides first.
    await fetch(`${sandbox!.url}/__host/confluence?to=connected`, { redirect: 'manual' });
    expect(sandbox!.confluence.reachable).toBe(false);
    const page = await (await fetch(`${sandbox!.url}/jira/software/projects/SMS/apps/sms-navigator/scope`)).text();
    expect(page).toContain('Confluence: not in manifest');
    expect(page).not.toContain('id="confluence-toggle"');
  });

  it('still reaches Jira', async () => {
    const options = await invoke('getSettingsOptions', { includeJira: true });
    expect(options).toMatchObject({ ok: true });
    expect((options.data?.issueTypes as unknown[]).length).toBeGreaterThan(0);
  });
});
