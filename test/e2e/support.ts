import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { freePort } from '../support/net';
import { TSX_MAIN, launchSandbox, terminate } from '../support/sandbox-process';

// Helpers shared by the browser specs: screenshots, the app's frame, the sandbox's Jira search and bridge as the
// project admin, and a sandbox of a spec's own (for specs that must not change what the others see).
const ROOT = path.resolve(__dirname, '..', '..');

/** Where the specs keep their screenshots. */
export const SHOTS = path.join(ROOT, 'build', 'artifacts', 'screenshots');
/** The sandbox's project administrator (Pat Project-Admin). */
export const ADMIN = '557058:sandbox-project-admin';

/** A full-page screenshot `SHOTS/<name>.png`, scrolled to the top first (the host's top bar is fixed: it shows once). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The app's frame on the project page. */
export const projectApp = (page: Page): FrameLocator => page.getByTitle('SMS Navigator project page').contentFrame();

/** Chooses `option` in an Atlaskit select (`field` is its labelled input), as a user does: open it, click the option. */
export async function choose(app: FrameLocator, field: Locator, option: string): Promise<void> {
  await field.click();
  await app.getByRole('option', { name: option, exact: true }).click();
}

/** The project page of SMS at Jira's URL (`/apps/{appId}/{envId}`), or one of its subpages (`…/{route}`). */
export const projectPageUrl = (route?: string): string =>
  `/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0${route === undefined ? '' : `/${route}`}`;

/** The host's project sidebar. */
export const projectSidebar = (page: Page) => page.getByRole('navigation', { name: 'Project navigation' });

/**
 * Opens a view of the project page from the project sidebar, as in Jira (the host only changes the URL; the app
 * routes with view.createHistory()), and returns the view's region in the app's frame, named by its heading.
 */
export async function openView(page: Page, title: string) {
  await projectSidebar(page).getByRole('link', { name: title, exact: true }).click();
  const region = projectApp(page).getByRole('region', { name: title, exact: true });
  await expect(region.getByRole('heading', { name: title, level: 2, exact: true })).toBeVisible();
  return region;
}

/** Runs JQL against the sandbox's Jira search as the project admin and returns the issue keys, in its order. */
export async function searchKeys(request: APIRequestContext, jql: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const res = await request.post('/rest/api/3/search/jql', {
      headers: { 'x-sandbox-account-id': ADMIN },
      data: { jql, fields: ['summary'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) },
    });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { issues: { key: string }[]; nextPageToken?: string };
    keys.push(...body.issues.map((i) => i.key));
    token = body.nextPageToken;
  } while (token);
  return keys;
}

export interface BridgeReply {
  ok: boolean;
  data: Record<string, unknown>;
}

/** Calls a resolver of the project page through the sandbox's bridge, as the project admin. */
export async function invokeAsAdmin(request: APIRequestContext, functionKey: string, payload: unknown): Promise<BridgeReply> {
  const res = await request.post('/bridge/invoke', {
    headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` },
    data: { functionKey, payload, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' },
  });
  return (await res.json()) as BridgeReply;
}

export interface OwnSandbox {
  /** `http://localhost:<port>`. */
  readonly baseURL: string;
  readonly dataDir: string;
  /** Stops the server and starts it again on the same data directory (no reset). */
  restart(): Promise<void>;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * A freshly reset sandbox of the calling spec's own, on a free port with a temporary data directory named
 * `<prefix>…`. On a failed start the data directory is removed before the error is thrown.
 */
export async function startOwnSandbox(prefix = 'sms-nav-own-'): Promise<OwnSandbox> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  let child: ChildProcess | null;
  try {
    child = await launchSandbox({ args: TSX_MAIN, port, dataDir, reset: true });
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    baseURL: `http://localhost:${port}`,
    dataDir,
    async restart() {
      await terminate(child);
      child = null;
      child = await launchSandbox({ args: TSX_MAIN, port, dataDir, reset: false });
    },
    async stop() {
      await terminate(child);
      child = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `test` for a spec that writes much to Jira and Confluence (a plan with its epics, audits, pages): the spec's
 * pages and `request` talk to a freshly reset sandbox of its own (started at its first test, stopped after
 * its last), so the specs that read the seeded demo on the shared sandbox never see what it wrote.
 */
export function testOnOwnSandbox(prefix: string) {
  let own: OwnSandbox | undefined;
  const t = test.extend({
    // Started at the first test that needs it (a test-scoped fixture is set up before beforeAll could give it).
    baseURL: async ({}, use) => {
      own ??= await startOwnSandbox(prefix);
      await use(own.baseURL);
    },
  });
  t.afterAll(async () => {
    await own?.stop();
    own = undefined;
  });
  return t;
}
