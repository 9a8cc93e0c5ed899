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

async function setConfluence(page: Page, connected: boolean): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Confluence connected' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(connected)) {
    await Promise.all([page.waitForURL(/.*/, { waitUntil: 'load' }), toggle.click()]);
  }
  await expect(page.getByRole('button', { name: 'Confluence connected' })).toHaveAttribute('aria-pressed', String(connected));
}

test.afterAll(async ({ request }) => {
  // The other specs share this sandbox: leave Confluence connected.
  await request.get('/__host/confluence?to=connected');
});

test('disconnected: Gap report and Initiation explain it, offer no publish, and no job can be started', async ({ page, request }) => {
  // A space for reports, so that only the missing connection stands in the way.
  const settings = await invokeAsAdmin(request, 'getProjectSettings', {});
  if (settings.data.confluenceSpaceKey !== 'SMS') {
    expect((await invokeAsAdmin(request, 'saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: settings.data.version })).ok).toBe(true);
  }
  const pagesBefore = ((await (await request.get('/__sandbox/stats')).json()) as { pages: number }).pages;

  await page.goto(projectPageUrl('gap-report'));
  await setConfluence(page, false);
  const invoked = recordInvokes(page);
  const gap = projectApp(page).getByRole('region', { name: 'Gap report', exact: true });
  const publish = gap.getByRole('region', { name: 'Publish to Confluence' });
  await expect(publish.getByText(LINE)).toBeVisible();
  await expect(publish.getByRole('button', { name: 'Publish to Confluence' })).toHaveCount(0);
  await expect(publish.getByLabel('Also keep a dated snapshot page')).toHaveCount(0);
  // The rest of the view works: the preview needs no Confluence.
  await publish.getByRole('button', { name: 'Preview' }).click();
  await expect(publish.getByRole('region', { name: 'Report preview' })).toBeVisible();
  await shot(page, 'confluence-disconnected-gap-report-light');
  await publish.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-publish-section-light.png') });

  const initiation = await openView(page, 'Initiation');
  const card = initiation.getByRole('group', { name: 'Business case page' });
  await expect(card.getByText(LINE)).toBeVisible();
  await expect(card.getByRole('button', { name: /Publish business case/ })).toHaveCount(0);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'confluence-disconnected-initiation-light');
  await card.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-business-case-light.png') });

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await openView(page, 'Gap report');
  await expect(publish.getByText(LINE)).toBeVisible();
  await shot(page, 'confluence-disconnected-gap-report-dark');
  await publish.screenshot({ path: path.join(SHOTS, 'confluence-disconnected-publish-section-dark.png') });
  await page.getByRole('button', { name: 'Dark theme' }).click();

  // The settings page: the same line once; the space and page are shown read-only and no save is offered (the
  // server would refuse it with the typed error: resolver tests); the Jira choices still load.
  await projectSidebar(page).getByRole('link', { name: 'Project settings' }).click();
  const settingsApp = page.getByTitle('SMS Navigator settings').contentFrame();
  await expect(settingsApp.getByRole('heading', { name: 'SMS Navigator settings' })).toBeVisible();
  await expect(settingsApp.getByText(LINE)).toHaveCount(1);
  await expect(settingsApp.getByLabel('Confluence space key')).not.toBeEditable();
  await expect(settingsApp.getByLabel('Editor project role ID').locator('option').first()).toHaveText('No editor role: only project administrators');
  await expect(settingsApp.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await shot(page, 'confluence-disconnected-settings-light');

  // Nothing that publishes was invoked from the page; a direct call is refused before any job exists.
  expect(invoked.filter((k) => k === 'startPublishReport' || k === 'publishBusinessCase')).toEqual([]);
  const started = await invokeAsAdmin(request, 'startPublishReport', { siteUrl: 'http://localhost' });
  expect(started).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED', message: LINE } });
  expect(started.data).toBeUndefined();
  const businessCase = await invokeAsAdmin(request, 'publishBusinessCase', {});
  expect(businessCase).toMatchObject({ ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED' } });
  expect(((await (await request.get('/__sandbox/stats')).json()) as { pages: number }).pages).toBe(pagesBefore);
});

test('connected again: publishing the business case works', async ({ page }) => {
  await page.goto(projectPageUrl('initiation'));
  await setConfluence(page, true);
  const card = projectApp(page).getByRole('region', { name: 'Initiation', exact: true }).getByRole('group', { name: 'Business case page' });
  await expect(card.getByText(LINE)).toHaveCount(0);
  await card.getByRole('button', { name: 'Publish business case' }).click();
  await expect(projectApp(page).getByText(/(Created|Updated) the page “Business case/)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('link', { name: /Business case/ })).toBeVisible();
});
