import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AXE_VIEWS, axeView } from '../../bench/axe-views';
import { SHOTS, invokeAsAdmin, openView, projectApp, projectPageUrl } from './support';

// Issue 15, the views: the gap report (summary, filters, actions first; edit on demand; evidence opens in place),
// maturity (Atlaskit selects, three level texts, shortcuts, a readable heatmap), coverage (every clause, uncovered
// first, unmapped issues linked and mapped in place), the clause picker's search, the issue glance and panel,
// and axe over every view in light and dark mode. Screenshots of each view at 1,280 and 1,440 px, light and dark.

test.describe.configure({ mode: 'serial' });

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 1440]) {
    for (const mode of ['light', 'dark'] as const) {
      await page.context().addCookies([{ name: 'sandbox-theme', value: mode, url: new URL(page.url()).origin }]);
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await page.waitForTimeout(2500);
      await page.screenshot({ path: path.join(SHOTS, `first-hour-${name}-${width}-${mode}.png`), fullPage: true });
    }
  }
  await page.context().addCookies([{ name: 'sandbox-theme', value: 'light', url: new URL(page.url()).origin }]);
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('gap report: actions and summary first, filters, results edited on demand, evidence opens in place', async ({ page }) => {
  test.slow();
  await page.goto(projectPageUrl('gap-report'));
  const panel = projectApp(page).getByRole('region', { name: 'Gap report', exact: true });
  await expect(panel.getByRole('heading', { name: 'Readiness' })).toBeVisible({ timeout: 45_000 });
  const y = async (name: string) => (await panel.getByRole('heading', { name, exact: true }).boundingBox())?.y ?? -1;
  expect(await y('Publish to Confluence')).toBeLessThan(await y('Readiness'));
  expect(await y('Readiness')).toBeLessThan(await y('Clause by clause'));
  await expect(panel.getByRole('img', { name: /^Readiness per clause group/ })).toBeVisible();

  // No result selects until one is asked for.
  await expect(panel.getByLabel(/^Result for clause/)).toHaveCount(0);
  await panel.getByRole('button', { name: 'Edit the result of clause 4.1' }).click();
  await expect(panel.getByLabel('Result for clause 4.1')).toHaveCount(1);
  await projectApp(page).getByRole('option', { name: 'Conformant', exact: true }).click();
  await expect(panel.getByText('Saved the result of clause 4.1.')).toBeVisible();
  await expect(panel.getByLabel(/^Result for clause/)).toHaveCount(0);

  // "and N more" opens the rest of the evidence in place.
  const more = panel.getByRole('button', { name: /^and \d+ more$/ }).first();
  const list = panel.locator(`[id="${(await more.getAttribute('aria-controls')) ?? ''}"]`);
  const before = await list.getByRole('listitem').count();
  const hidden = Number(/\d+/.exec((await more.textContent()) ?? '')?.[0]);
  await more.click();
  expect(await list.getByRole('listitem').count()).toBeGreaterThan(before);
  expect(await list.getByRole('listitem').count()).toBeLessThanOrEqual(before + hidden);

  // Filters: result, text.
  await panel.getByLabel('Result', { exact: true }).click();
  await projectApp(page).getByRole('option', { name: 'Nonconformant', exact: true }).click();
  await expect(panel.getByRole('row', { name: /^8\.7\.1 / })).toBeVisible();
  await expect(panel.getByRole('row', { name: /^4\.1 / })).toHaveCount(0);
  await panel.getByLabel('Result', { exact: true }).click();
  await projectApp(page).getByRole('option', { name: 'Any result', exact: true }).click();
  await panel.getByLabel('Find in clauses').fill('8.6.1');
  await expect(panel.getByRole('row', { name: /^8\.6\.1 / })).toBeVisible();
  await expect(panel.getByRole('row', { name: /^4\.1 / })).toHaveCount(0);
  await panel.getByLabel('Find in clauses').fill('');
  await screenshots(page, 'gap-report');
});

test('maturity: Atlaskit selects, three level texts, set all targets, copy levels, a heatmap that fits 1,280 px', async ({ page, request }) => {
  test.slow();
  const saved = await invokeAsAdmin(request, 'saveUnitAssessment', { unitId: '8.6.2', version: 0, elements: { process: { current: 1, target: 2, note: '', evidence: [] }, risk: { current: 2, target: 2, note: '', evidence: [] } } });
  expect(saved.ok).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(projectPageUrl());
  const region = await openView(page, 'Maturity');
  const grid = region.getByRole('grid');
  await expect(grid).toBeVisible();
  // 19 short column names, all inside the frame at 1,280 px, full names as accessible names.
  await expect(grid.getByRole('columnheader')).toHaveCount(20);
  const frameBox = await page.getByTitle('SMS Navigator project page').boundingBox();
  const last = await grid.getByRole('columnheader').last().boundingBox();
  expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual((frameBox?.x ?? 0) + (frameBox?.width ?? 0));
  await expect(grid.getByLabel('External and internal issues', { exact: true })).toBeVisible();
  await expect(grid).not.toContainText('→');
  // A cell at target says so in words.
  await expect(grid.getByRole('button', { name: /Risk: today Level II, target Level II, at target/ })).toBeVisible();
  await expect(region.getByRole('group', { name: 'Heatmap legend' })).toContainText('At target');

  await grid.getByRole('button', { name: /^Open 8\.6\.1 / }).click();
  const editor = region.getByRole('region', { name: /^Assess 8\.6\.1/ });
  await expect(editor.getByRole('list', { name: 'Levels of Process', exact: true }).getByRole('listitem')).toHaveCount(3);
  await expect(editor.locator('select')).toHaveCount(0);
  await editor.getByLabel('Set all targets to').click();
  await projectApp(page).getByRole('option', { name: 'Level III', exact: true }).click();
  await editor.getByRole('button', { name: 'Set all targets' }).click();
  await expect(editor.getByRole('group', { name: 'Process', exact: true })).toContainText('Level III');
  await expect(editor.getByText('Unsaved changes')).toBeVisible();
  // Copy the levels of 8.6.2: Process today I, target II.
  await editor.getByRole('button', { name: 'Copy levels' }).click();
  const process = editor.getByRole('group', { name: 'Process', exact: true });
  await expect(process).toContainText('Level I');
  await expect(process).toContainText('Level II');
  await screenshots(page, 'maturity');
});

test('coverage: every assessable clause, uncovered first, with a chart; unmapped issues linked, filtered, mapped in place', async ({ page }) => {
  test.slow();
  await page.goto(projectPageUrl());
  const region = await openView(page, 'Clause mapping');
  await expect(region.getByRole('img', { name: /^Clauses with a mapped issue, per clause group/ })).toBeVisible({ timeout: 30_000 });
  await region.getByText(/^Issues per clause, every assessable clause/).click();
  const rows = region.getByRole('table', { name: 'Issues per clause' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Not covered');
  const unmapped = region.getByRole('table', { name: 'Unmapped issues' });
  const link = unmapped.getByRole('link').first();
  await expect(link).toHaveAttribute('href', /\/browse\/SMS-\d+$/);
  const key = (await link.textContent()) ?? '';
  const all = await unmapped.getByRole('link').count();
  await region.getByLabel('Filter the unmapped issues').fill(key);
  await expect(unmapped.getByRole('link').first()).toHaveText(key);
  const shown = await unmapped.getByRole('link').allTextContents();
  expect(shown.every((k) => k.includes(key))).toBe(true);
  expect(shown.length).toBeLessThan(all);
  await unmapped.getByRole('button', { name: `Map ${key} to a clause` }).click();
  await region.getByLabel(`Clause for ${key}`).fill('known error');
  await region.getByLabel(`Clause for ${key}`).press('Enter');
  await expect(region.getByText(new RegExp(`^${key} mapped to 8\\.6\\.3\\.$`))).toBeVisible();

  // The bulk picker: "SLA" finds service level management, and the choice stays shown.
  await region.getByLabel('Clause to add').fill('SLA');
  await expect(projectApp(page).getByRole('option', { name: '8.3.3 Service level management' })).toBeVisible();
  await region.getByLabel('Clause to add').press('Enter');
  // The bulk picker sits above the coverage table, so the first match is the picker's shown value.
  await expect(region.getByText('8.3.3 Service level management', { exact: true }).first()).toBeVisible();
  await region.getByLabel('Filter the unmapped issues').fill('');
  await screenshots(page, 'clause-mapping');
});

test('issue view: the glance shows the clause count and the finding grade and opens the clause view; one primary Accept', async ({ page }) => {
  await page.goto('/browse/SMS-186');
  const glance = page.locator('details.app-context');
  await expect(glance).not.toHaveAttribute('open', '');
  await glance.locator('summary').click();
  const app = page.frameLocator('details.app-context iframe');
  await expect(app.getByText(/^\d+ clauses?$/)).toBeVisible();
  await expect(app.getByRole('note', { name: /^Audit finding: Major nonconformity, open/ })).toBeVisible();
  await app.getByRole('button', { name: 'Open the clause view' }).click();
  await expect(app.getByRole('heading', { name: 'Mapped clauses' })).toBeVisible();

  const panel = page.frameLocator('section.app-panel iframe');
  await expect(panel.getByRole('note', { name: /^Audit finding: Major nonconformity/ })).toBeVisible();
  const accepts = panel.getByRole('button', { name: /^Accept / });
  expect(await accepts.count()).toBeGreaterThan(1);
  const backgrounds = await accepts.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  expect(new Set(backgrounds.slice(1)).size).toBe(1);
  expect(backgrounds.slice(1)).not.toContain(backgrounds[0]);
  await screenshots(page, 'issue-view');
});

test('axe: no serious or critical violation on any view, light and dark', async ({ page, baseURL }) => {
  test.setTimeout(600_000);
  const findings = [];
  for (const mode of ['light', 'dark'] as const) {
    for (const view of AXE_VIEWS) findings.push(...(await axeView(page as never, baseURL ?? '', view, mode)));
  }
  expect(findings).toEqual([]);
});
