import path from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { projectApp, projectPageUrl, testOnOwnSandbox } from './support';

// Screenshots of the views that are empty on the seeded demo once a plan exists (issue 15): Phases with a saved
// plan, the Create in Jira preview, Phases after the sync (the last sync kept and shown) and Evaluation with its
// phases, light and dark at 1,280 and 1,440 px, into build/artifacts/screens/. A sandbox of its own: the plan
// and the epics it writes must not change what the seeded-demo specs read.
const test = testOnOwnSandbox('sms-nav-screens-plan-');
const SCREENS = path.resolve(__dirname, '..', '..', 'build', 'artifacts', 'screens');

test.describe.configure({ mode: 'serial' });

/** Opens `route` at each width and mode, runs `prepare` on the app's frame, and keeps a full-page screenshot. */
async function shootAll(page: Page, baseURL: string, route: string, name: string, prepare: (a: FrameLocator) => Promise<void>): Promise<void> {
  for (const width of [1280, 1440]) {
    for (const mode of ['light', 'dark'] as const) {
      await page.context().addCookies([{ name: 'sandbox-theme', value: mode, url: baseURL }]);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(projectPageUrl(route));
      await prepare(projectApp(page));
      await page.waitForTimeout(800);
      await page.evaluate(() => window.scrollTo(0, 0)); // the host's top bar is fixed: shown once, at the top
      await page.screenshot({ path: path.join(SCREENS, `${name}-${width}-${mode}.png`), fullPage: true });
    }
  }
}

test('screens with a plan: Phases, the Create in Jira preview, the last sync, Evaluation', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  const a = projectApp(page);
  // Before any plan, Evaluation's empty state leads to the view that makes one (the host URL moves with it).
  await page.goto(projectPageUrl('evaluation'));
  await expect(a.getByText('No phase to evaluate yet')).toBeVisible({ timeout: 45_000 });
  await a.getByRole('button', { name: 'Go to Phases' }).click();
  await expect(a.getByRole('heading', { name: 'Phases', level: 2, exact: true })).toBeVisible();
  await expect(page).toHaveURL(projectPageUrl('phases'));
  await a.getByLabel('Approach 1: a subset of processes in each phase').check({ timeout: 45_000 });
  await a.getByRole('button', { name: 'Propose plan' }).click();
  await expect(a.getByRole('group', { name: /^Phase 1: / })).toBeVisible();
  await a.getByRole('button', { name: 'Save plan' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Plan saved (version 1).' })).toBeVisible();

  await shootAll(page, base, 'phases', 'phases-with-plan', async (f) => {
    await expect(f.getByRole('group', { name: /^Phase 1: / })).toBeVisible({ timeout: 45_000 });
  });
  await shootAll(page, base, 'phases', 'create-in-jira-preview', async (f) => {
    await f.getByRole('button', { name: 'Create in Jira…' }).click({ timeout: 45_000 });
    const dialog = f.getByRole('dialog', { name: 'Create in Jira: check the changes' });
    await expect(dialog.getByTestId('epic-sync-preview')).toContainText(/create \d+ epics and \d+ work items/);
    await dialog.getByText(/^To create \(\d+\)$/).click();
  });

  await page.context().addCookies([{ name: 'sandbox-theme', value: 'light', url: base }]);
  await page.goto(projectPageUrl('phases'));
  await a.getByRole('button', { name: 'Create in Jira…' }).click({ timeout: 45_000 });
  await a.getByRole('dialog', { name: 'Create in Jira: check the changes' }).getByRole('button', { name: /^Make \d+ changes in Jira$/ }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Last sync done' })).toBeVisible({ timeout: 60_000 });

  await shootAll(page, base, 'phases', 'phases-after-sync', async (f) => {
    await expect(f.getByTestId('last-sync')).toContainText('by Pat Project-Admin', { timeout: 45_000 });
  });
  await shootAll(page, base, 'evaluation', 'evaluation-with-plan', async (f) => {
    await expect(f.getByRole('heading', { name: 'Evaluation', level: 2, exact: true })).toBeVisible({ timeout: 45_000 });
    await expect(f.getByText('No phase to evaluate yet')).toHaveCount(0);
  });
});
