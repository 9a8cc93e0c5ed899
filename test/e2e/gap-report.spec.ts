import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SHOTS, invokeAsAdmin, projectApp, projectPageUrl, shot } from './support';

// Gap report flow in the browser: open the Gap report tab, set a clause result, filter, preview, publish,
// then open the published page in the sandbox's Confluence view. Screenshots kept under build/artifacts/screenshots.

test.describe.configure({ mode: 'serial' });

test('gap report: set a result, preview, publish, and open the page in Confluence', async ({ page, request }) => {
  test.slow(); // the analysis of every mapped issue, a publish job and the Confluence page
  // Settings (space SMS under its home page), as the project administrator through the bridge.
  const invoke = (functionKey: string, payload: unknown) => invokeAsAdmin(request, functionKey, payload);
  const settings = await invoke('getProjectSettings', {});
  const saved = await invoke('saveProjectSettings', {
    confluenceSpaceKey: 'SMS',
    confluenceParentPageId: '65537',
    epicIssueTypeId: null,
    editorRoleId: null,
    version: settings.data.version,
  });
  expect(saved.ok).toBe(true);

  await page.goto(projectPageUrl('gap-report'));
  const panel = projectApp(page).getByRole('region', { name: 'Gap report', exact: true });
  // The analysis reads every mapped issue first: allow it the time a loaded machine needs.
  await expect(panel.getByRole('heading', { name: 'Readiness' })).toBeVisible({ timeout: 45_000 });
  await expect(panel.getByRole('table', { name: 'Clauses with result, evidence, implementation work, findings and warnings' })).toBeVisible();
  await expect(panel.getByText('Readiness =', { exact: false }).first()).toBeAttached();

  // Set a clause result: its row's Edit button opens Jira's select for that row.
  await panel.getByRole('button', { name: 'Edit the result of clause 4.1' }).click();
  await projectApp(page).getByRole('option', { name: 'Conformant', exact: true }).click();
  await expect(panel.getByText('Saved the result of clause 4.1.')).toBeVisible();
  const row41 = panel.getByRole('row', { name: /4\.1 Understanding the organization/ });
  await expect(row41.getByText('set', { exact: true })).toBeVisible();
  await expect(row41).toContainText('by Pat Project-Admin');
  await expect(row41.getByText(/Marked conformant, but no Jira issue is mapped/)).toBeVisible();

  // Filters: one group, only clauses with warnings.
  await panel.getByRole('combobox', { name: 'Clause group' }).click();
  await projectApp(page).getByRole('option', { name: /^8 / }).click();
  await expect(panel.getByRole('row', { name: /^8\.6\.1 / })).toBeVisible();
  await expect(panel.getByRole('row', { name: /^4\.1 / })).toHaveCount(0);
  await panel.getByLabel('Only clauses with warnings').check();

  // Audit findings (seeded: an open major nonconformity on 8.7.1), with the label convention above the table.
  await expect(panel.getByRole('note', { name: 'How audit findings are read' })).toContainText('sms-major-nc');
  const row871 = panel.getByRole('row', { name: /^8\.7\.1 / });
  await expect(row871.getByText('Major nonconformity')).toBeVisible();
  await expect(row871.locator('span', { hasText: /^Nonconformant$/ }).first()).toBeVisible();
  await expect(row871.getByText(/1 open nonconformity \(1 major, 0 minor\)/)).toBeVisible();
  await expect(row871.getByRole('link', { name: /^SMS-\d+$/ })).toHaveAttribute('href', /\/browse\/SMS-\d+$/);
  await row871.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'gap-report-findings.png') });

  await panel.getByRole('combobox', { name: 'Clause group' }).click();
  await projectApp(page).getByRole('option', { name: 'All clauses (4 to 10)' }).click();
  await shot(page, 'gap-report-tab');

  // Preview, then publish as a queued job.
  await panel.getByRole('button', { name: 'Preview' }).click();
  const preview = panel.getByRole('region', { name: 'Report preview' });
  await expect(preview.getByRole('heading', { name: 'Clause by clause' })).toBeVisible();
  await shot(page, 'gap-report-preview');

  await panel.getByRole('button', { name: 'Publish to Confluence' }).click();
  await expect(panel.getByText('Published', { exact: true })).toBeVisible({ timeout: 30_000 });
  const link = panel.getByRole('link', { name: 'Open the page in Confluence' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/wiki\/spaces\/SMS\/pages\/\d+$/);
  await expect(panel.getByText(/Last published .* by Pat Project-Admin as version 1/)).toBeVisible();

  // The page in the sandbox's Confluence view.
  await page.goto(href as string);
  await expect(page.getByRole('heading', { name: /gap report/i }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Clause by clause' })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  // The clause tables sit in closed expands (the summary comes first): open them all, as a reader would one by one.
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await expect(page.getByText('8.6.1').first()).toBeVisible();
  await expect(page.getByText('Major nonconformity').first()).toBeVisible();
  await shot(page, 'gap-report-confluence-page');
});
