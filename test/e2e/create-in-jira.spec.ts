import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHOTS, projectApp, projectPageUrl, startOwnSandbox, type OwnSandbox } from './support';

// "Create in Jira" end to end, against a sandbox of its own (so the epics it creates do not change what the
// other specs see): propose and save an Approach 1 plan, create its epics, follow the progress to the epic
// links, see that a second run has nothing to change (its preview says so), and open an epic in the sandbox's issue view.

test.describe.configure({ mode: 'serial' });

let sandbox: OwnSandbox;
test.beforeAll(async () => {
  sandbox = await startOwnSandbox('sms-nav-cij-');
});
test.afterAll(async () => {
  // Unset when the start failed (startOwnSandbox cleaned up after itself).
  if (sandbox !== undefined) await sandbox.stop();
});

test('create in Jira: the saved Approach 1 plan becomes linked epics after confirming the preview; a second run has nothing to change', async ({ page }) => {
  await page.goto(`${sandbox.baseURL}${projectPageUrl('phases')}`);
  await expect(projectApp(page).getByRole('heading', { name: 'Phases', level: 2, exact: true })).toBeVisible();
  const a = projectApp(page);
  await expect(a.getByRole('heading', { name: 'No phases yet' })).toBeVisible();
  const create = a.getByRole('button', { name: 'Create in Jira…', exact: true });
  await expect(create).toBeDisabled();
  await expect(a.getByText('Save a plan first: the epics are made from the saved plan.')).toBeVisible();

  // Propose an Approach 1 plan: still nothing saved, so still disabled.
  await a.getByLabel('Approach 1: a subset of processes in each phase').check();
  await a.getByRole('button', { name: 'Propose plan' }).click();
  await expect(a.getByRole('group', { name: /^Phase 1: / })).toBeVisible();
  await expect(create).toBeDisabled();
  await a.getByRole('button', { name: 'Save plan' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Plan saved (version 1).' })).toBeVisible();
  await expect(create).toBeEnabled();

  // Unsaved edits disable it again, with the reason; undoing the edit enables it (in the expanded phase editor).
  const toggle = a.getByRole('group', { name: /^Phase 1: / }).getByRole('button', { name: /^Phase 1: / });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const name = a.getByRole('group', { name: /^Phase 1: / }).getByLabel('Phase name');
  const original = await name.inputValue();
  await name.fill(`${original} (draft)`);
  await expect(create).toBeDisabled();
  await expect(a.getByText('Save your changes first: the epics follow the saved plan, not the edits on screen.')).toBeVisible();
  await name.fill(original);
  await expect(create).toBeEnabled();

  // First run: a preview to confirm, then the result with one link per epic.
  await create.click();
  const dialog = a.getByRole('dialog', { name: 'Create in Jira: check the changes' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /^Make \d+ changes in Jira$/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(a.getByRole('status').filter({ hasText: 'Last sync done' })).toBeVisible();
  await expect(a.getByText(/^Created \d+ epics? and \d+ work items?/)).toBeVisible();
  const epics = a.getByRole('list', { name: 'Epics of the plan' });
  const links = epics.getByRole('link');
  const epicCount = await epics.getByRole('listitem').count();
  expect(epicCount).toBeGreaterThan(0);
  await expect(links).toHaveCount(epicCount);
  for (const text of await links.allTextContents()) expect(text).toMatch(/^SMS-\d+$/);
  await expect(epics.getByText('(not created)')).toHaveCount(0);
  await expect(a.getByRole('list', { name: 'Failures' })).toHaveCount(0);
  // The whole page is several screens long: keep the section itself, readable.
  const section = a.getByRole('region', { name: 'Create in Jira' });
  await section.screenshot({ path: path.join(SHOTS, 'phases-create-in-jira.png') });

  // Second run with the same saved plan: nothing to change, the same epics.
  const firstKeys = await links.allTextContents();
  await create.click();
  const again = a.getByRole('dialog', { name: 'Jira already matches the plan' });
  await expect(again.getByRole('button', { name: 'Nothing to do' })).toBeDisabled();
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(links).toHaveText(firstKeys);
  await section.screenshot({ path: path.join(SHOTS, 'phases-create-in-jira-rerun.png') });

  // Open the first epic: the sandbox's issue view at /browse/KEY.
  const [firstKey] = firstKeys;
  const firstSummary = ((await epics.getByRole('listitem').first().textContent()) ?? '').replace(firstKey ?? '', '').trim();
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/browse/${firstKey}$`));
  await expect(page.locator('#issue-summary')).toHaveText(firstSummary);
});
