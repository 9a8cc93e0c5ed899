import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { buildJiraSeed } from '../../sandbox/seed/jira-seed';
import { CONFIDENT_SUGGESTION } from '../../src/domain/mapping/suggest-confidence';
import { projectApp, projectPageUrl, searchKeys, shot } from './support';

/** What each demo issue is about (the sandbox seed the site starts from). */
const DEMO_INTENDED = buildJiraSeed().intended;

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
  // Ordered by confidence, most likely first.
  const likely = (await suggestions.getByText(/^\d+ % likely$/).allTextContents()).map((t) => Number.parseInt(t, 10));
  expect(likely).toEqual([...likely].sort((a, b) => b - a));
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

test('project page: "accept best suggestion" pre-selects only confident suggestions, all of them right, and shows each confidence', async ({ page }) => {
  await page.goto(projectPageUrl('clause-mapping'));
  const panel = projectApp(page).getByRole('region', { name: 'Clause mapping', exact: true });
  await panel.getByText('Accept the best suggestion on every unmapped issue').click();
  await panel.getByRole('button', { name: 'Preview' }).click();

  const table = panel.getByRole('table', { name: 'Issues to change' });
  await expect(table.getByRole('checkbox').first()).toBeVisible();
  const rows = await table.getByRole('checkbox').count();
  const tags = table.getByText(/^\d+ % likely$/);
  await expect(tags).toHaveCount(rows);
  // Each row as shown: issue key, the clause it would add, its confidence, whether it is ticked.
  const shown = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.querySelectorAll('td')[1]?.textContent ?? '',
      added: tr.querySelector('strong')?.textContent ?? '',
      likely: Number.parseInt(/(\d+) % likely/.exec(tr.textContent ?? '')?.[1] ?? '-1', 10),
      ticked: tr.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked === true,
    })),
  );
  expect(shown).toHaveLength(rows);
  // Pre-ticked exactly when confident.
  for (const r of shown) expect({ key: r.key, ticked: r.ticked }).toEqual({ key: r.key, ticked: r.likely >= CONFIDENT_SUGGESTION * 100 });
  // The demo's issues say what they are about (sandbox seed): every pre-ticked suggestion is one of those clauses,
  // and the wrong best suggestions are all left unticked.
  const right = (r: { key: string; added: string }): boolean => (DEMO_INTENDED[r.key] ?? []).some((c) => r.added === c || r.added.startsWith(`${c}.`));
  const ticked = shown.filter((r) => r.ticked);
  const wrong = shown.filter((r) => !right(r));
  expect(ticked.length).toBeGreaterThan(rows / 2);
  expect(ticked.length).toBeLessThan(rows);
  expect(ticked.filter((r) => !right(r))).toEqual([]);
  expect(wrong.length).toBeGreaterThan(0);
  expect(wrong.filter((r) => r.ticked)).toEqual([]);

  const checked = ticked.length;
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
