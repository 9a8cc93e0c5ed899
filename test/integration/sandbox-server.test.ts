import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server';

// The whole sandbox in-process on a free port: host pages, the bridge, the app built by createApp, the
// emulated products and the file-backed storage, across a restart on the same data directory.
jest.setTimeout(60_000);

const ADMIN = '557058:sandbox-project-admin';
const OUTSIDER = '557058:sandbox-outsider';
const MEMBER = '557058:sandbox-member';

let dataDir: string;
let staticDir: string;
let sandbox: Sandbox | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-sandbox-'));
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-static-'));
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/app-abcdefgh.js"></script></head><body><div id="root"></div></body></html>',
  );
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

const start = (reset: boolean) => startSandbox({ port: 0, dataDir, reset, staticBuildDir: staticDir, verbose: false });

async function invoke(functionKey: string, accountId: string, payload: unknown = {}, moduleKey = 'sms-navigator-project-settings') {
  const res = await fetch(`${sandbox!.url}/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(accountId)}` },
    body: JSON.stringify({ functionKey, payload, moduleKey, projectKey: 'SMS' }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } } };
}

describe('startSandbox', () => {
  it('answers getAppContext for a project admin with edit rights, and FORBIDDEN for an outsider', async () => {
    sandbox = await start(true);
    const admin = await invoke('getAppContext', ADMIN);
    expect(admin.status).toBe(200);
    expect(admin.body.ok).toBe(true);
    expect(admin.body.data).toMatchObject({
      project: { id: '10000', key: 'SMS' },
      user: { accountId: ADMIN },
      permissions: { canRead: true, canEdit: true, isProjectAdmin: true },
    });

    const member = await invoke('getAppContext', MEMBER);
    expect(member.body.data).toMatchObject({ permissions: { canRead: true, canEdit: false } });

    const outsider = await invoke('getAppContext', OUTSIDER);
    expect(outsider.status).toBe(200);
    expect(outsider.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets a project admin save settings and refuses the member', async () => {
    const fields = { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: '10002' };
    const saved = await invoke('saveProjectSettings', ADMIN, { ...fields, version: 0 });
    expect(saved.body).toMatchObject({ ok: true, data: { ...fields, version: 1, updatedBy: ADMIN } });
    const refused = await invoke('saveProjectSettings', MEMBER, { ...fields, confluenceSpaceKey: 'OTHER', version: 1 });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('serves the host pages and the UI with the bridge stand-in injected', async () => {
    const root = await fetch(`${sandbox!.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    const appUrl = '/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0';
    expect(root.headers.get('location')).toBe(appUrl);
    // The sandbox's short link leads to Jira's URL, a subpage keeping its route.
    const short = await fetch(`${sandbox!.url}/jira/software/projects/SMS/apps/sms-navigator/gap-report`, { redirect: 'manual' });
    expect(short.headers.get('location')).toBe(`${appUrl}/gap-report`);

    const page = await fetch(`${sandbox!.url}${appUrl}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toContain(`sandbox-user=${encodeURIComponent(ADMIN)}`);
    expect(html).toContain('title="SMS Navigator project page"');
    expect(html).toContain('/static/index.html?moduleKey=sms-navigator-project-page&amp;projectKey=SMS');

    const index = await (await fetch(`${sandbox!.url}/static/index.html?moduleKey=x`)).text();
    expect(index.indexOf('/__bridge/bridge-client.js')).toBeLessThan(index.indexOf('./assets/app-abcdefgh.js'));
    expect(index).not.toContain('sandbox-view-context'); // no such module: the bridge asks, and gets the error
    // A real frame gets its view context written in (Jira knows it when it frames the module), for the cookie's user.
    const framed = await (
      await fetch(`${sandbox!.url}/static/index.html?moduleKey=sms-navigator-issue-panel&projectKey=OPS&issueKey=SMS-1`, { headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` } })
    ).text();
    const block = /<script type="application\/json" id="sandbox-view-context">([^<]*)<\/script>/.exec(framed)?.[1];
    expect(JSON.parse(block ?? 'null')).toMatchObject({ accountId: ADMIN, moduleKey: 'sms-navigator-issue-panel', extension: { issue: { key: 'SMS-1' }, project: { key: 'SMS' } } });
    expect((await fetch(`${sandbox!.url}/static/..%2fpackage.json`)).status).toBe(404);

    const issue = await fetch(`${sandbox!.url}/browse/SMS-1`, { headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` } });
    expect(issue.status).toBe(200);
    const issueHtml = await issue.text();
    expect(issueHtml).toContain('title="ISO 20000 clauses"');
    // The issue panel is framed from its own resource (manifest `issue`), which the host serves at /static-issue/.
    expect(issueHtml).toContain('/static-issue/index.html?moduleKey=sms-navigator-issue-panel&amp;projectKey=SMS&amp;issueKey=SMS-1');
    const hidden = await fetch(`${sandbox!.url}/browse/SMS-1`, { headers: { cookie: `sandbox-user=${encodeURIComponent(OUTSIDER)}` } });
    expect(hidden.status).toBe(404);
  });

  it('opens a subpage URL, and an undeclared route, on the app like Jira (the app picks its default view)', async () => {
    const appUrl = '/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0';
    const sub = await fetch(`${sandbox!.url}${appUrl}/maturity`);
    expect(sub.status).toBe(200);
    expect(await sub.text()).toMatch(/<a href="[^"]*\/maturity" data-app-route="maturity" aria-current="page">Maturity<\/a>/);
    const unknown = await fetch(`${sandbox!.url}${appUrl}/no-such-page`);
    expect(unknown.status).toBe(200);
    const html = await unknown.text();
    expect(html).toContain('title="SMS Navigator project page"');
    expect(html).toContain('data-app-route="initiation"');
    expect(html).not.toMatch(/data-app-route="[^"]*" aria-current/);
  });

  it('switches Confluence off and on from the top bar; off, the app cannot publish and says so', async () => {
    const off = await fetch(`${sandbox!.url}/__host/confluence?to=disconnected&back=%2Fbrowse%2FSMS-1`, { redirect: 'manual' });
    expect(off.headers.get('location')).toBe('/browse/SMS-1');
    expect(sandbox!.confluence.reachable).toBe(false);
    const ctx = await invoke('getAppContext', ADMIN, {}, 'sms-navigator-project-page');
    expect(ctx.body).toMatchObject({ ok: true, data: { confluence: { connected: false } } });
    const publish = await invoke('startPublishReport', ADMIN, { siteUrl: sandbox!.url }, 'sms-navigator-project-page');
    expect(publish.body).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED' } });
    await fetch(`${sandbox!.url}/__host/confluence?to=connected`, { redirect: 'manual' });
    expect(sandbox!.confluence.reachable).toBe(true);
    expect((await fetch(`${sandbox!.url}/__host/confluence?to=maybe`, { redirect: 'manual' })).status).toBe(400);
  });

  it('keeps saved settings across a restart on the same data directory', async () => {
    await sandbox!.close();
    sandbox = await start(false);
    const read = await invoke('getProjectSettings', ADMIN);
    expect(read.body).toMatchObject({ ok: true, data: { confluenceSpaceKey: 'SMS', editorRoleId: '10002', version: 1 } });
  });

  it('forgets them after a reset', async () => {
    await sandbox!.close();
    sandbox = await start(true);
    const read = await invoke('getProjectSettings', ADMIN);
    expect(read.body).toMatchObject({ ok: true, data: { configured: false, version: 0 } });
  });
});
