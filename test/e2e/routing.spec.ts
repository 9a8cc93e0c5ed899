import { expect, test } from '@playwright/test';
import { openView, projectApp, projectPageUrl, projectSidebar, shot } from './support';

// The project page's subpages (manifest `pages:`) as Jira has them: the sidebar lists them and only changes the
// URL; the app routes with view.createHistory(). Deep links, reload and back/forward land on the right view, and a
// route the app does not know opens the default view.

const SUBPAGES = [
  ['Initiation', 'initiation'],
  ['Scope', 'scope'],
  ['Maturity', 'maturity'],
  ['Phases', 'phases'],
  ['Clause mapping', 'clause-mapping'],
  ['Gap report', 'gap-report'],
  ['Evaluation', 'evaluation'],
  ['Audit', 'audit'],
  ['Management review', 'management-review'],
] as const;

test.describe.configure({ mode: 'serial' });

test('the sidebar lists the subpages in the order of the work, under the app', async ({ page }) => {
  await page.goto(projectPageUrl());
  const links = projectSidebar(page).getByRole('list', { name: 'SMS Navigator' }).getByRole('link');
  await expect(links).toHaveText(SUBPAGES.map(([title]) => title));
  for (const [i, [, route]] of SUBPAGES.entries()) await expect(links.nth(i)).toHaveAttribute('href', projectPageUrl(route));
});

// One small test per subpage: its deep link, then the next subpage from the sidebar.
for (const [i, [title, route]] of SUBPAGES.entries()) {
  const [nextTitle, nextRoute] = SUBPAGES[(i + 1) % SUBPAGES.length] ?? SUBPAGES[0];
  test(`${title}: opens by deep link, and ${nextTitle} from the sidebar`, async ({ page }) => {
    await page.goto(projectPageUrl(route));
    await expect(projectApp(page).getByRole('heading', { name: title, level: 2, exact: true })).toBeVisible();
    await expect(projectSidebar(page).getByRole('link', { name: title, exact: true })).toHaveAttribute('aria-current', 'page');
    const next = await openView(page, nextTitle);
    await expect(page).toHaveURL(projectPageUrl(nextRoute));
    await expect(projectSidebar(page).getByRole('link', { name: nextTitle, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(next.getByRole('heading').nth(1)).toBeVisible();
  });
}

test('a reload keeps the view of the URL', async ({ page }) => {
  await page.goto(projectPageUrl('gap-report'));
  await expect(projectApp(page).getByRole('heading', { name: 'Gap report', level: 2, exact: true })).toBeVisible();
  await page.reload();
  await expect(projectApp(page).getByRole('heading', { name: 'Gap report', level: 2, exact: true })).toBeVisible();
  await expect(page).toHaveURL(projectPageUrl('gap-report'));
});

test('browser back and forward move between the views opened from the sidebar, without reloading the page', async ({ page }) => {
  test.slow(); // three views and three history moves in one flow
  await page.goto(projectPageUrl('scope'));
  const app = projectApp(page);
  await expect(app.getByRole('heading', { name: 'Scope', level: 2, exact: true })).toBeVisible();
  // A marker on the host page: it survives only if no navigation reloads the page.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

  await openView(page, 'Maturity');
  await openView(page, 'Gap report');
  await expect(page).toHaveURL(projectPageUrl('gap-report'));

  await page.goBack();
  await expect(page).toHaveURL(projectPageUrl('maturity'));
  await expect(app.getByRole('heading', { name: 'Maturity', level: 2, exact: true })).toBeVisible();
  await expect(projectSidebar(page).getByRole('link', { name: 'Maturity', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(page).toHaveURL(projectPageUrl('scope'));
  await expect(app.getByRole('heading', { name: 'Scope', level: 2, exact: true })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(projectPageUrl('maturity'));
  await expect(app.getByRole('heading', { name: 'Maturity', level: 2, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await shot(page, 'routing-maturity-after-back-forward');
});

test('a subpage URL the app does not route opens the default view, as in Jira', async ({ page }) => {
  await page.goto(projectPageUrl('no-such-page'));
  const app = projectApp(page);
  await expect(app.getByRole('heading', { name: 'Initiation', level: 2, exact: true })).toBeVisible();
  await expect(page).toHaveURL(projectPageUrl('no-such-page'));
  await expect(projectSidebar(page).locator('a[aria-current="page"]')).toHaveCount(0);
});
