import { expect, test, type Page } from '@playwright/test';
import { ADMIN, searchKeys, shot } from './support';

// The sandbox's issue navigator (/issues/?jql=…), where the app's JQL links land: the smsClause alias finds the
// seeded mapped issues, a new JQL runs with Enter or the Search button, results page 50 at a time, errors read
// like Jira's, and the search runs as the chosen sandbox user. Screenshots go to build/artifacts/screenshots/.
const MAPPING = 'sms-navigator-mapping';

const results = (page: Page) => page.getByRole('table', { name: 'Search results' });
/** Issue keys shown in the results table, top to bottom. */
const shownKeys = async (page: Page): Promise<string[]> =>
  (await results(page).getByRole('row').locator('td:first-child').allTextContents()).map((t) => t.trim());

test.describe.configure({ mode: 'serial' });

test('the smsClause alias finds the seeded mapped issues; a new JQL runs with Enter or Search; pages of 50', async ({ page, request }) => {
  const mapped = await searchKeys(request, 'smsClause = "8.6.1"');
  expect(mapped.length).toBeGreaterThan(0);

  await page.goto('/issues/?jql=smsClause%20%3D%20%228.6.1%22');
  await expect(page.getByRole('heading', { name: 'Issues', level: 1 })).toBeVisible();
  await expect(page.getByLabel('JQL')).toHaveValue('smsClause = "8.6.1"');
  await expect(page.getByRole('status')).toHaveText(`1–${mapped.length} of ${mapped.length} issues`);
  expect(await shownKeys(page)).toEqual(mapped);
  await expect(results(page).getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('Incident');
  await shot(page, 'issue-search');

  // Another clause, typed and submitted with Enter.
  const problems = await searchKeys(request, 'smsClause = "8.6.3" ORDER BY key ASC');
  expect(problems.length).toBeGreaterThan(0);
  await page.getByLabel('JQL').fill('smsClause = "8.6.3" ORDER BY key ASC');
  await page.getByLabel('JQL').press('Enter');
  await expect(page).toHaveURL(/\/issues\/\?jql=smsClause/);
  await expect(page.getByRole('status')).toHaveText(`1–${problems.length} of ${problems.length} issue${problems.length === 1 ? '' : 's'}`);
  expect(await shownKeys(page)).toEqual(problems);

  // The whole project with the Search button: 50 a page, Next and Previous.
  const all = await searchKeys(request, 'project = SMS ORDER BY key ASC');
  expect(all.length).toBeGreaterThan(100);
  await page.getByLabel('JQL').fill('project = SMS ORDER BY key ASC');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('status')).toHaveText(`1–50 of ${all.length} issues`);
  expect(await shownKeys(page)).toEqual(all.slice(0, 50));
  const pager = page.getByRole('navigation', { name: 'Pages of results' });
  await pager.getByRole('link', { name: 'Next' }).click();
  await expect(page.getByRole('status')).toHaveText(`51–100 of ${all.length} issues`);
  expect(await shownKeys(page)).toEqual(all.slice(50, 100));
  await pager.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('status')).toHaveText(`1–50 of ${all.length} issues`);

  // A key opens the issue.
  await results(page).getByRole('link', { name: all[0] ?? '', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/browse/${all[0] ?? ''}$`));
  await expect(page.getByRole('heading', { name: 'Description' })).toBeVisible();
});

test('an issue mapped a moment ago is found with the alias, and the sidebar links Issues to the navigator', async ({ page, request }) => {
  const [key] = await searchKeys(request, 'project = SMS AND type = "Service Request" AND smsClause is EMPTY ORDER BY key DESC');
  expect(key).toMatch(/^SMS-\d+$/);
  const url = `/rest/api/3/issue/${key ?? ''}/properties/${MAPPING}`;
  const put = await request.put(url, { headers: { 'x-sandbox-account-id': ADMIN }, data: { clauses: ['7.6'], kinds: ['procedure'], phases: [] } });
  expect([200, 201]).toContain(put.status());
  try {
    await page.goto('/jira/software/projects/SMS/apps/sms-navigator');
    await page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: 'Issues' }).click();
    await expect(page.getByLabel('JQL')).toHaveValue('project = SMS');
    await page.getByLabel('JQL').fill('project = SMS AND smsClause = "7.6" AND smsEvidence = "procedure"');
    await page.getByLabel('JQL').press('Enter');
    expect(await shownKeys(page)).toEqual([key]);
    await expect(page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: 'Issues' })).toHaveAttribute('aria-current', 'page');
  } finally {
    await request.delete(url, { headers: { 'x-sandbox-account-id': ADMIN } });
  }
});

test("JQL errors read like Jira's, and the search runs as the chosen user", async ({ page }) => {
  await page.goto('/issues/?jql=project%20%3D%20SMS%20AND');
  await expect(page.getByRole('alert')).toContainText("We couldn't run this search.");
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByLabel('JQL')).toHaveValue('project = SMS AND');

  await page.goto('/issues/?jql=smsClause%20%3D%20%228.6.1%22');
  await Promise.all([page.waitForURL(/\/issues\//, { waitUntil: 'load' }), page.getByLabel('User').selectOption({ label: 'Olu Outsider (outsider)' })]);
  await expect(page.getByLabel('User').locator('option:checked')).toHaveText('Olu Outsider (outsider)');
  await expect(page.getByRole('status')).toHaveText('No issues were found to match your search.');
  await page.getByLabel('JQL').fill('project = SMS');
  await page.getByLabel('JQL').press('Enter');
  await expect(page.getByRole('alert')).toContainText("The value 'SMS' does not exist for the field 'project'.");

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await shot(page, 'issue-search-error-dark');
});
