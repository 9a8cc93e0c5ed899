import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type BrowserContext, type FrameLocator, type Page, expect } from '@playwright/test';
import { ADMIN, SHOTS, shot, testOnOwnSandbox } from './support';

// The "SMS readiness" macro inserted and configured in the sandbox's Confluence editor, as in Confluence: the
// configuration (the app's resource framed with entryPoint = config) opens on insert, lists only the projects the
// editor may browse, and its view.submit stores the project in the page's extension node; the page then shows the
// readiness of that project, and "Edit" opens the configuration prefilled. An unconfigured macro says how to
// choose a project. Axe on the configuration; screenshots light and dark.

const test = testOnOwnSandbox('sms-nav-macro-');
test.describe.configure({ mode: 'serial' });

const OUTSIDER = '557058:sandbox-outsider';
const asAdmin = { 'x-sandbox-account-id': ADMIN };

async function signIn(context: BrowserContext, baseURL: string, accountId: string): Promise<void> {
  await context.addCookies([{ name: 'sandbox-user', value: encodeURIComponent(accountId), url: baseURL }]);
}

async function theme(context: BrowserContext, baseURL: string, mode: 'light' | 'dark'): Promise<void> {
  await context.addCookies([{ name: 'sandbox-theme', value: mode, url: baseURL }]);
}

/** A new page in the SMS space with one paragraph, made through the REST API as the project admin. */
async function newPage(request: APIRequestContext, title: string): Promise<string> {
  const spaces = (await (await request.get('/wiki/api/v2/spaces?keys=SMS', { headers: asAdmin })).json()) as { results: { id: string }[] };
  const res = await request.post('/wiki/api/v2/pages', {
    headers: asAdmin,
    data: {
      spaceId: spaces.results[0]?.id,
      status: 'current',
      title,
      body: { representation: 'atlas_doc_format', value: JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Weekly service review.' }] }] }) },
    },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/** The app's macro nodes stored in the page (what Confluence keeps for a Forge macro). */
async function storedMacros(request: APIRequestContext, pageId: string): Promise<{ localId: string; guestParams: unknown }[]> {
  const page = (await (await request.get(`/wiki/api/v2/pages/${pageId}?body-format=atlas_doc_format`, { headers: asAdmin })).json()) as { body: { atlas_doc_format: { value: string } } };
  const doc = JSON.parse(page.body.atlas_doc_format.value) as { content: { type: string; attrs?: { localId: string; parameters: { guestParams: unknown } } }[] };
  return doc.content.filter((n) => n.type === 'extension').map((n) => ({ localId: n.attrs?.localId ?? '', guestParams: n.attrs?.parameters.guestParams }));
}

const configDialog = (page: Page) => page.getByRole('dialog', { name: 'SMS readiness' });
const configFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title="SMS readiness configuration"]');
const macroFrame = (page: Page): FrameLocator => page.frameLocator('iframe.forge-macro').first();

let pageId = '';
let editorUrl = '';

test('insert the macro: the configuration opens, lists only browsable projects; saved, the page shows that project', async ({ page, request, context, baseURL }) => {
  test.slow(); // a sandbox of its own, the macro's charts
  const base = baseURL ?? '';
  await signIn(context, base, ADMIN);
  pageId = await newPage(request, 'Service review'); // a sandbox of its own: the title is free
  await page.goto(`/wiki/spaces/SMS/pages/${pageId}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  editorUrl = `/wiki/spaces/SMS/pages/edit-v2/${pageId}`;
  await expect(page).toHaveURL(editorUrl);

  await page.getByRole('toolbar', { name: 'Editor' }).getByRole('button', { name: 'Insert macro' }).click();
  await page.getByRole('dialog', { name: 'Insert a macro' }).getByRole('button', { name: 'SMS readiness' }).click();

  // Inserted and opened at once (openOnInsert); the page holds the macro, not configured yet.
  await expect(configDialog(page)).toBeVisible();
  const field = configFrame(page).getByLabel('Jira project');
  await expect(field).toBeVisible({ timeout: 30_000 });
  const stored = await storedMacros(request, pageId);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.guestParams).toEqual({});

  // The picker lists what Jira's project search gives the editor, and nothing else.
  const search = (await (await request.get('/rest/api/3/project/search?maxResults=50&orderBy=key', { headers: asAdmin })).json()) as { values: { key: string; name: string }[] };
  await field.click();
  const options = configFrame(page).getByRole('option');
  await expect(options).toHaveCount(search.values.length);
  expect(await options.allTextContents()).toEqual(search.values.map((p) => `${p.name} (${p.key})`));
  await field.press('Escape');

  // Cancel (view.close): nothing saved; the macro in the page says how to choose a project.
  await configFrame(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(configDialog(page)).toBeHidden();
  await expect(macroFrame(page).getByText('names no Jira project yet')).toBeVisible({ timeout: 30_000 });
  await expect(macroFrame(page).getByText('edit the page, then select Edit on this macro')).toBeVisible();
  await shot(page, 'macro-unconfigured-editor-light');

  // Edit, pick the demo project, save (view.submit): the dialog closes and the page shows the project's readiness.
  await page.getByRole('button', { name: 'Edit the SMS readiness macro' }).click();
  await expect(field).toBeVisible({ timeout: 30_000 });
  await field.click();
  const sms = search.values.find((p) => p.key === 'SMS');
  await configFrame(page).getByRole('option', { name: `${sms?.name ?? ''} (SMS)` }).click();
  await configFrame(page).getByRole('button', { name: 'Save' }).click();
  await expect(configDialog(page)).toBeHidden();
  await expect(macroFrame(page).getByRole('heading', { name: /^SMS readiness of SMS: [\d.]+ %$/ })).toBeVisible({ timeout: 30_000 });
  await expect(macroFrame(page).getByTestId('macro-group-chart').locator('svg').first()).toBeVisible();
  const saved = await storedMacros(request, pageId);
  expect(saved).toHaveLength(1);
  expect(saved[0]?.guestParams).toEqual({ projectId: expect.any(String), projectKey: 'SMS' });

  // Edit again: the configuration shows the saved project.
  await page.getByRole('button', { name: 'Edit the SMS readiness macro' }).click();
  await expect(configFrame(page).getByText(`${sms?.name ?? ''} (SMS)`)).toBeVisible({ timeout: 30_000 });
  await configFrame(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(configDialog(page)).toBeHidden();
});

test('axe on the configuration, light and dark; screenshots of it and of the macro in the page', async ({ page, context, baseURL }) => {
  test.slow();
  const base = baseURL ?? '';
  await signIn(context, base, ADMIN);
  for (const mode of ['light', 'dark'] as const) {
    await theme(context, base, mode);
    await page.goto(editorUrl);
    await page.getByRole('button', { name: 'Edit the SMS readiness macro' }).click();
    await expect(configFrame(page).getByText(/\(SMS\)$/)).toBeVisible({ timeout: 30_000 });
    const result = await new AxeBuilder({ page }).include('#macro-config').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${mode}: ${v.id} ${v.nodes[0]?.target.join(' ') ?? ''}`)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `macro-config-${mode}.png`) });
    await configFrame(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(configDialog(page)).toBeHidden();
    await expect(macroFrame(page).getByTestId('macro-group-chart').locator('svg').first()).toBeVisible();

    // The editor page itself (toolbar, the macro's Edit action, the framed macro).
    const editor = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(editor.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${mode} editor: ${v.id} ${v.nodes[0]?.target.join(' ') ?? ''}`)).toEqual([]);

    await page.goto(`/wiki/spaces/SMS/pages/${pageId}`);
    await expect(macroFrame(page).getByTestId('macro-group-chart').locator('svg').first()).toBeVisible({ timeout: 30_000 });
    await shot(page, `macro-configured-page-${mode}`);
  }
  await theme(context, base, 'light');
});

test('no more than Forge: only the configuration frame submits; Confluence decides who may change the page', async ({ page, request, context, baseURL }) => {
  const base = baseURL ?? '';
  await signIn(context, base, ADMIN);
  await page.goto(`/wiki/spaces/SMS/pages/${pageId}`);
  await expect(macroFrame(page).getByTestId('macro-group-chart').locator('svg').first()).toBeVisible({ timeout: 30_000 });
  // The macro's view frame is not submittable (@forge/bridge: "this resource's view is not submittable").
  const frame = page.frames().find((f) => f.url().includes('/static-macro/'));
  expect(frame).toBeDefined();
  const answer = await frame?.evaluate(() =>
    (window as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('submit', { config: { projectId: '1', projectKey: 'OPS' } }),
  );
  expect(answer).toBe(false);

  const [macro] = await storedMacros(request, pageId);
  const url = `/__host/confluence/pages/${pageId}/macros/${macro?.localId ?? ''}/config`;
  // Forge refuses a config that is not an object.
  const notObject = await request.put(url, { headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` }, data: { config: 'OPS' } });
  expect(notObject.status()).toBe(400);
  // Someone who may not edit the page cannot change its macro (Confluence's answer, through its REST API).
  const outsider = await request.put(url, { headers: { cookie: `sandbox-user=${encodeURIComponent(OUTSIDER)}` }, data: { config: { projectId: '1', projectKey: 'OPS' } } });
  expect(outsider.status()).toBe(403);
  // Nor insert one (the same refusal, from Confluence's REST API).
  const insert = await request.post(`/__host/confluence/pages/${pageId}/macros`, { headers: { cookie: `sandbox-user=${encodeURIComponent(OUTSIDER)}` }, data: {} });
  expect(insert.status()).toBe(403);
  expect(await storedMacros(request, pageId)).toHaveLength(1);
  // Like Confluence, the page offers Edit only to someone who may update it: the outsider reads the page (and the
  // macro) with no Edit link, and the editor's address answers that they may not edit.
  await signIn(context, base, OUTSIDER);
  await page.goto(`/wiki/spaces/SMS/pages/${pageId}`);
  await expect(page.locator('article.page-body')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(page.locator('a[href*="/edit-v2/"]')).toHaveCount(0);
  const editor = await page.goto(`/wiki/spaces/SMS/pages/edit-v2/${pageId}`);
  expect(editor?.status()).toBe(403);
  await expect(page.getByText('You do not have permission to edit this page.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Insert macro' })).toHaveCount(0);
  await signIn(context, base, ADMIN);
  await page.goto(`/wiki/spaces/SMS/pages/${pageId}`);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
  // A form posted from another site (not JSON) is refused before anything is read.
  const form = await request.post(`/__host/confluence/pages/${pageId}/macros`, { headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` }, form: { any: 'thing' } });
  expect(form.status()).toBe(415);
  expect(await storedMacros(request, pageId)).toHaveLength(1);
  expect((await storedMacros(request, pageId))[0]?.guestParams).toEqual(macro?.guestParams);
});
