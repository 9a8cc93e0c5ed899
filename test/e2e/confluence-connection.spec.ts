import path from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';
import { SHOTS, invokeAsAdmin, openView, projectApp, projectPageUrl, projectSidebar, shot } from './support';

// Confluence is an optional app of SMS Navigator. With the site's Confluence switch off (the sandbox's top bar,
// as a site admin who has not connected it), the Gap report and Initiation views say so in one line, offer no
// publish action and start no job; switched on, publishing works.

const LINE = "Confluence isn't connected to this Jira site — a site admin can connect it under Apps > Manage apps > SMS Navigator.";

test.describe.configure({ mode: 'serial' });

/** The resolvers the page's frames invoke, in order. */
function recordInvokes(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (req: Request) => {
    if (!req.url().endsWith('/bridge/invoke')) return;
    const body = req.postDataJSON() as { functionKey?: string } | null;
    if (body?.functionKey) keys.push(body.functionKey);
  });
  return keys;
}

/** Flips the top bar's switch (a site admin connecting or disconnecting Confluence) until it shows `connected`. */
async function setConfluence(page: Page, connected: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Confluence connected' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(connected)) {
    await Promise.all([page.waitForURL(/.*/, { waitUntil: 'load' }), toggle.click()]);
  }
  await expect(page.getByRole('button', { name: 'Confluence connected' })).toHaveAttribute('aria-pressed', String(connected));
}

const pageCount = async (page: Page): Promise<number> => ((await (await page.request.get('/__sandbox/stats')).json()) as { pages: number }).pages;

let pagesBefore = 0;

test.beforeAll(async ({ request }) => {
  // A space for reports, so that only the missing connection stands in the way.
  const settings = await invokeAsAdmin(request, 'getProjectSettings', {});
  if (settings.data.confluenceSpaceKey !== 'SMS') {
    const saved = await invokeAsAdmin(request, 'saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: settings.data.version });
    expect(saved.ok).toBe(true);
  }
});

test.afterAll(async ({ request }) => {
  // The other specs share this sandbox: leave Confluence connected.
  await request.get('/__host/confluence?to=connected');
});

test('disconnected with the top-bar switch, the Gap report says so in one line and offers no publish; the preview works', async ({ page }) => {
  await page.goto(projectPageUrl('gap-report'));
  await setConfluence(page, false);
  pagesBefore = await pageCount(page);
  const invoked = recordInvokes(page);
  const publish = projectApp(page).getByRole('region', { name: 'Gap report', exact: true }).getByRole('region', { name: 'Publish to Confluence' });
  await expect(publish.getByText(LINE)).toBeVisible();
  await expect(publish.getByRole('button', { name: 'Publish to Confluence' })).toHaveCount(0);
  await expect(publish.getByLabel('Also keep a dated snapshot page')).toHaveCount(0);
  await publish.getByRole('button', { name: 'Preview' }).click();
  await expect(publish.getByRole('region', { name: 'Report preview' })).toBeVisible();
  await shot(page, 'confluence-disconnected-gap-report-light');
  await publish.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-publish-section-light.png') });
  expect(invoked.filter((k) => k === 'startPublishReport' || k === 'publishBusinessCase')).toEqual([]);
});

test('disconnected, the Initiation view says so where it would publish the business case, in light and dark', async ({ page }) => {
  await page.goto(projectPageUrl('initiation'));
  const invoked = recordInvokes(page);
  const card = projectApp(page).getByRole('region', { name: 'Initiation', exact: true }).getByRole('group', { name: 'Business case page' });
  await expect(card.getByText(LINE)).toBeVisible();
  await expect(card.getByRole('button', { name: /Publish business case/ })).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'confluence-disconnected-initiation-light');
  await card.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-business-case-light.png') });

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(card.getByText(LINE)).toBeVisible();
  await card.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-business-case-dark.png') });
  const publish = (await openView(page, 'Gap report')).getByRole('region', { name: 'Publish to Confluence' });
  await expect(publish.getByText(LINE)).toBeVisible();
  await publish.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-publish-section-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(invoked.filter((k) => k === 'startPublishReport' || k === 'publishBusinessCase')).toEqual([]);
});

test('disconnected, the settings page says so once, shows the Confluence fields as unavailable, and saves the Jira settings', async ({ page }) => {
  await page.goto(projectPageUrl('scope'));
  await projectSidebar(page).getByRole('link', { name: 'Project settings' }).click();
  const settingsApp = page.getByTitle('SMS Navigator settings').contentFrame();
  await expect(settingsApp.getByRole('heading', { name: 'SMS Navigator settings' })).toBeVisible();
  await expect(settingsApp.getByText(LINE)).toHaveCount(1);
  await expect(settingsApp.getByLabel('Confluence space', { exact: true })).not.toBeEditable();
  await expect(settingsApp.getByTestId('settings-confluenceSpaceKey-help')).toContainText('Unavailable while Confluence is not connected');
  await expect(settingsApp.getByText('No editor role: only project administrators')).toBeVisible();
  await settingsApp.getByLabel('Editor project role', { exact: true }).click();
  await settingsApp.getByRole('option', { name: 'Administrators', exact: true }).click();
  await settingsApp.getByRole('button', { name: 'Save settings' }).click();
  await expect(settingsApp.getByRole('status').filter({ hasText: 'Settings saved' })).toContainText('The Confluence space and page were kept as they were.');
  await shot(page, 'confluence-disconnected-settings-light');
});

test('disconnected, a direct publish call is refused before any job exists, and no page was written', async ({ page }) => {
  const started = await invokeAsAdmin(page.request, 'startPublishReport', { siteUrl: 'http://localhost' });
  expect(started).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED', message: LINE } });
  expect(started.data).toBeUndefined();
  const businessCase = await invokeAsAdmin(page.request, 'publishBusinessCase', {});
  expect(businessCase).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED' } });
  expect(await pageCount(page)).toBe(pagesBefore);
});

test('connected again: publishing the business case works', async ({ page }) => {
  await page.goto(projectPageUrl('initiation'));
  await setConfluence(page, true);
  const card = projectApp(page).getByRole('region', { name: 'Initiation', exact: true }).getByRole('group', { name: 'Business case page' });
  await expect(card.getByText(LINE)).toHaveCount(0);
  // Publish waits for a saved, non-empty business case: write one element and save it first.
  const panel = projectApp(page).getByRole('region', { name: 'Initiation', exact: true });
  await panel.getByLabel('a) Business needs and drivers', { exact: true }).fill('Customers want faster restores.');
  await panel.getByRole('button', { name: 'Save business case' }).click();
  await expect(panel.getByText(/Business case saved \(version \d+\)/)).toBeVisible();
  await card.getByRole('button', { name: 'Publish business case' }).click();
  await expect(projectApp(page).getByText(/(Created|Updated) the page “Business case/)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('link', { name: /Business case/ })).toBeVisible();
});
