import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { projectApp, projectPageUrl, searchKeys, shot } from './support';

// Clause mapping in the browser: map an issue in the "ISO 20000 clauses" panel (suggestion, picker, evidence
// kind, rejection), find it with the smsClause JQL alias, bulk-map 50 issues from the project page with a
// reviewed selection and a progress bar, then undo. Screenshots go to build/artifacts/screenshots/.

const panelApp = (page: Page): FrameLocator => page.getByRole('region', { name: 'ISO 20000 clauses' }).getByTitle('ISO 20000 clauses').contentFrame();

test.describe.configure({ mode: 'serial' });

test('issue panel: accept a suggestion, add a clause, set its evidence kind, reject one; then find the issue with smsClause', async ({ page, request }) => {
  const [issueKey] = await searchKeys(request, 'project = SMS AND type = Incident AND smsClause is EMPTY ORDER BY key ASC');
  expect(issueKey).toMatch(/^SMS-\d+$/);
  await page.goto(`/browse/${issueKey}`);
  const app = panelApp(page);
  await expect(app.getByRole('heading', { name: 'No clauses mapped' })).toBeVisible();

  const suggestions = app.getByRole('list', { name: 'Suggested clauses' });
  await expect(suggestions.getByRole('listitem').first()).toBeVisible();
  await expect(suggestions.getByText(/Because of:/).first()).toBeVisible();
  await expect(suggestions.getByText(/^\d+ % likely$/).first()).toBeVisible();
  const acceptFirst = suggestions.getByRole('button', { name: /^Accept / }).first();
  const accepted = ((await acceptFirst.getAttribute('aria-label')) ?? '').replace('Accept ', '');
  await acceptFirst.click();
  const mapped = app.getByRole('list', { name: 'Mapped clauses' });
  await expect(mapped.getByRole('listitem').filter({ hasText: accepted })).toBeVisible();

  await app.getByLabel('Add a clause').fill('7.5.4');
  await app.getByLabel('Add a clause').press('Enter');
  await expect(mapped.getByRole('listitem').filter({ hasText: '7.5.4' })).toBeVisible();
  await app.getByLabel('Evidence kind for 7.5.4').click();
  await app.getByRole('option', { name: 'Procedure', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Evidence kind of 7.5.4 saved.' })).toBeVisible();

  const rejectButton = suggestions.getByRole('button', { name: /^Reject / }).first();
  const rejected = ((await rejectButton.getAttribute('aria-label')) ?? '').replace('Reject ', '');
  await rejectButton.click();
  await expect(app.getByText(`Not suggested again: ${rejected}`)).toBeVisible();
  await expect(suggestions.getByRole('button', { name: `Accept ${rejected}` })).toHaveCount(0);

  // Reload: everything was saved at once.
  await page.reload();
  await expect(panelApp(page).getByRole('listitem').filter({ hasText: '7.5.4' }).getByText('Procedure', { exact: true })).toBeVisible();
  await shot(page, 'mapping-issue-panel');

  // The panel links to the JQL search; the sandbox has no issue navigator page, so the same JQL runs against its Jira search.
  const href = await panelApp(page).getByRole('link', { name: 'Find issues mapped to 7.5.4' }).getAttribute('href');
  const jql = new URL(href ?? '', 'http://x').searchParams.get('jql');
  expect(jql).toBe('project = "SMS" AND smsClause in ("7.5.4", "7.5", "7") ORDER BY key ASC');
  expect(await searchKeys(request, jql ?? '')).toEqual([issueKey]);
  expect(await searchKeys(request, 'smsClause = "7.5.4" AND smsEvidence = "procedure"')).toEqual([issueKey]);
});

test('project page: bulk-map 50 reviewed issues with progress, then undo', async ({ page, request }) => {
  const incidents = await searchKeys(request, 'project = SMS AND type = Incident ORDER BY key ASC');
  expect(incidents.length).toBeGreaterThan(50);
  expect(await searchKeys(request, 'smsClause = "8.2.3"')).toEqual([]);

  await page.goto(projectPageUrl('clause-mapping'));
  const panel = projectApp(page).getByRole('region', { name: 'Clause mapping', exact: true });
  await panel.getByLabel('JQL (this project is added for you)').fill('type = Incident');
  await panel.getByLabel('Clause to add').fill('8.2.3');
  await panel.getByLabel('Clause to add').press('Enter');
  // The picker keeps showing the chosen clause.
  await expect(panel.getByText('8.2.3 Control of parties involved in the service lifecycle', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Preview' }).click();

  const table = panel.getByRole('table', { name: 'Issues to change' });
  await expect(table.getByRole('checkbox')).toHaveCount(incidents.length);
  await expect(panel.getByRole('button', { name: `Apply to ${incidents.length} issues` })).toBeVisible();
  // Review: leave out the last issues so that exactly 50 change.
  const leaveOut = incidents.slice(50);
  for (const key of leaveOut) await table.getByRole('checkbox', { name: `Change ${key}` }).uncheck();
  await shot(page, 'mapping-bulk-preview');
  await panel.getByRole('button', { name: 'Apply to 50 issues' }).click();

  await expect(panel.getByText('Bulk change: 50 of 50 issues — finished')).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Bulk change progress' })).toBeVisible();
  const mapped = await searchKeys(request, 'project = SMS AND smsClause = "8.2.3" ORDER BY key ASC');
  expect(mapped).toEqual(incidents.slice(0, 50));
  await panel.getByText(/^Issues per clause, every assessable clause/).click(); // the table sits in a closed <details>
  await expect(panel.getByRole('table', { name: 'Issues per clause' }).getByRole('row').filter({ hasText: '8.2.3' })).toContainText('50');
  await shot(page, 'mapping-bulk-done');

  await panel.getByRole('button', { name: 'Undo the last bulk change (50 issues)' }).click();
  await expect(panel.getByText('Undo: 50 of 50 issues — finished')).toBeVisible();
  expect(await searchKeys(request, 'smsClause = "8.2.3"')).toEqual([]);
  await expect(panel.getByRole('button', { name: /Undo the last bulk change/ })).toHaveCount(0);
  await shot(page, 'mapping-bulk-undone');
});

test('project page: "accept best suggestion" pre-selects only confident suggestions and shows each confidence', async ({ page }) => {
  await page.goto(projectPageUrl('clause-mapping'));
  const panel = projectApp(page).getByRole('region', { name: 'Clause mapping', exact: true });
  await panel.getByText('Accept the best suggestion on every unmapped issue').click();
  await panel.getByRole('button', { name: 'Preview' }).click();

  const table = panel.getByRole('table', { name: 'Issues to change' });
  await expect(table.getByRole('checkbox').first()).toBeVisible();
  const rows = await table.getByRole('checkbox').count();
  const tags = table.getByText(/^\d+ % likely$/);
  await expect(tags).toHaveCount(rows);
  const checked = await table.getByRole('checkbox', { checked: true }).count();
  expect(checked).toBeGreaterThan(0);
  expect(checked).toBeLessThan(rows);
  await expect(panel.locator('#sms-bulk-confidence-note')).toHaveText(
    `${checked} confident suggestions are selected; ${rows - checked} less certain ones are not. Check them and tick those that are right.`,
  );
  await expect(panel.getByRole('button', { name: `Apply to ${checked} issues` })).toBeVisible();
  await shot(page, 'mapping-bulk-suggestions-confidence');
  await panel.getByRole('button', { name: 'Select all' }).click();
  await expect(panel.getByRole('button', { name: `Apply to ${rows} issues` })).toBeVisible();
  await panel.getByRole('button', { name: 'Select confident' }).click();
  await expect(panel.getByRole('button', { name: `Apply to ${checked} issues` })).toBeVisible();
});
