import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { readSheet } from 'read-excel-file/node';
import { ADMIN, type BridgeReply, SHOTS, invokeAsAdmin, projectApp, projectPageUrl, shot } from './support';

// The published report as a manager reads it in the sandbox's Confluence view: the SMS readiness macro (framed
// like Confluence frames a Forge macro) and the summary first, five largest gaps, what changed between two
// publishes, no internal codes; the macro in another page; the XLSX export read back and compared with the register.

test.describe.configure({ mode: 'serial' });

const INTERNAL_CODES = /not_assessed|partially_conformant|not_applicable|major_nc|minor_nc|opportunity_for_improvement|indeterminate|→/;
/** Any snake_case identifier (a result, grade, warning or rule id) left in the text a reader sees. */
const SNAKE_CASE_ID = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

async function publishAndWait(request: APIRequestContext): Promise<{ pagePath: string; pageId: string }> {
  const started = await invokeAsAdmin(request, 'startPublishReport', {});
  expect(started.ok).toBe(true);
  const jobId = started.data.jobId as string;
  for (let i = 0; i < 120; i += 1) {
    const status = await invokeAsAdmin(request, 'getJobStatus', { jobId });
    const s = status.data.status as string;
    if (s === 'done') {
      const result = status.data.result as { pagePath: string; pageId: string };
      return result;
    }
    expect(['queued', 'running']).toContain(s);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the publish did not finish');
}

test('manager report: macro and summary first, top gaps, what changed, no internal codes; exports read back', async ({ page, request, context }) => {
  test.slow(); // two publishes and the live macro
  const invoke = (functionKey: string, payload: unknown): Promise<BridgeReply> => invokeAsAdmin(request, functionKey, payload);
  const settings = await invoke('getProjectSettings', {});
  const saved = await invoke('saveProjectSettings', {
    confluenceSpaceKey: 'SMS',
    confluenceParentPageId: '65537',
    epicIssueTypeId: null,
    editorRoleId: null,
    version: settings.data.version,
  });
  expect(saved.ok).toBe(true);

  await publishAndWait(request);
  // A change between the two publishes: clause 4.2 gets a result set by a person.
  const view = await invoke('getGapReport', {});
  const clauses = view.data.clauses as { clauseId: string; result: string; version: number }[];
  const c42 = clauses.find((c) => c.clauseId === '4.2');
  expect(c42).toBeDefined();
  const next = c42?.result === 'conformant' ? 'partially_conformant' : 'conformant';
  const set = await invoke('setClauseResult', { clauseId: '4.2', result: next, expectedVersion: c42?.version ?? 0, note: 'Interested parties reviewed by the SMS board' });
  expect(set.ok).toBe(true);
  const { pagePath, pageId } = await publishAndWait(request);

  await context.addCookies([{ name: 'sandbox-user', value: encodeURIComponent(ADMIN), url: page.url() === 'about:blank' ? 'http://localhost' : page.url() }]);
  await page.goto(pagePath);
  const body = page.locator('article.page-body');

  // The macro first, then the summary.
  const first = body.locator(':scope > *').first();
  await expect(first.locator('iframe.forge-macro')).toBeAttached();
  await expect(body.locator(':scope > h2').first()).toHaveText('Summary');
  await expect(body.locator(':scope > *').nth(1)).toHaveText('Summary'); // nothing between the macro and the summary
  // The summary's readiness line compares with the previous publish.
  await expect(body.locator(':scope > *').nth(2)).toContainText(/Readiness [\d.]+ %, (up|down) [\d.]+ points? since the previous publish on \d{1,2} [A-Z][a-z]+ \d{4}|Readiness [\d.]+ %, no change since the previous publish/);
  const macro = page.frameLocator('iframe.forge-macro').first();
  await expect(macro.getByRole('heading', { name: /SMS readiness of SMS: [\d.]+ %/ })).toBeVisible({ timeout: 30_000 });
  await expect(macro.getByTestId('macro-group-chart').locator('svg').first()).toBeVisible();
  await expect(macro.getByTestId('macro-trend-chart').locator('svg').first()).toBeVisible();
  // The trend: every publish (the two here, and any an earlier spec made on the shared sandbox) and today's live
  // figure, each with its own label on the axis (equal labels would merge into one tick).
  const trendTicks = macro.getByTestId('macro-trend-chart').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect.poll(() => trendTicks.count()).toBeGreaterThanOrEqual(3);
  const tickLabels = await trendTicks.allTextContents();
  expect(new Set(tickLabels).size).toBe(tickLabels.length);
  expect(tickLabels.at(-1)).toBe('Now');

  // The five largest gaps.
  const gapsTable = body.locator('h3:has-text("The five largest gaps") + table, h3:has-text("The five largest gaps") + div table').first();
  await expect(gapsTable).toBeVisible();
  await expect(gapsTable.locator('tr')).toHaveCount(6);
  // Five clauses, each named by its number and title.
  const gapClauses = await gapsTable.locator('tr:not(:first-child) > :first-child').allTextContents();
  expect(gapClauses).toHaveLength(5);
  for (const c of gapClauses) expect(c).toMatch(/^\d+(\.\d+)* \S/);

  // What changed since the previous publish names clause 4.2.
  const changed = body.locator('h3', { hasText: 'What changed since the previous publish' });
  await expect(changed).toBeVisible();
  const delta = await body.evaluate((el) => {
    const h = [...el.querySelectorAll('h3')].find((x) => x.textContent === 'What changed since the previous publish');
    let text = '';
    for (let n = h?.nextElementSibling; n && n.tagName !== 'H2' && n.tagName !== 'H3'; n = n.nextElementSibling) text += `${n.textContent ?? ''}\n`;
    return text;
  });
  expect(delta).toMatch(/4\.2 [^\n]*: from [a-z ]+ to /);

  // Evidence as smart links: key, summary, status.
  const card = body.locator('a[data-inline-card]').filter({ has: page.locator('.card-status') }).first();
  await expect(card.locator('.card-key')).toHaveText(/^SMS-\d+$/);
  await expect(card.locator('.card-summary')).not.toBeEmpty();

  // No internal codes on the whole page, the macro included.
  // textContent: also the clause tables inside the closed expands.
  const pageText = await page.locator('body').evaluate((b) => b.textContent ?? '');
  const macroText = await macro.locator('body').evaluate((b) => b.textContent ?? '');
  for (const text of [pageText, macroText]) {
    expect(text).not.toMatch(INTERNAL_CODES);
    expect(text.match(SNAKE_CASE_ID)?.[0]).toBeUndefined();
    // Counts agree with their nouns ("1 clause", "2 clauses"), as the one plural helper words them.
    expect(text).not.toMatch(/\b1 (clauses|issues|points|levels|days)\b|\(s\)|\b1 are\b/);
  }
  expect(await page.locator('h1').count()).toBe(1); // the page title only: the body repeats no title
  await page.screenshot({ path: path.join(SHOTS, 'manager-report-page-top-light.png') });
  await shot(page, 'manager-report-page-light');

  // The "Evidence matrix" child page: the register with evidence as smart links, in words too.
  await page.getByRole('region', { name: 'Child pages' }).getByRole('link', { name: /Evidence matrix$/ }).click();
  const matrix = page.locator('article.page-body table').first();
  await expect(matrix.locator('tr').first()).toHaveText(/Clause\s*Title\s*Result\s*Set by\s*Why\s*Evidence\s*Open findings\s*Planned work/);
  expect(await matrix.locator('tr').count()).toBeGreaterThan(50);
  const matrixText = await page.locator('body').evaluate((b) => b.textContent ?? '');
  expect(matrixText).not.toMatch(INTERNAL_CODES);
  expect(matrixText.match(SNAKE_CASE_ID)?.[0]).toBeUndefined();
  await shot(page, 'manager-report-evidence-matrix-light');
  await page.goto(pagePath);

  // As the host's theme toggle sets it: for the whole site, so the macro's frame (/static-macro/) follows too.
  await context.addCookies([{ name: 'sandbox-theme', value: 'dark', domain: new URL(page.url()).hostname, path: '/' }]);
  await page.reload();
  await expect(page.frameLocator('iframe.forge-macro').first().getByTestId('macro-group-chart').locator('svg').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SHOTS, 'manager-report-page-top-dark.png') });
  await shot(page, 'manager-report-page-dark');
  await context.addCookies([{ name: 'sandbox-theme', value: 'light', domain: new URL(page.url()).hostname, path: '/' }]);

  // The macro in another page: the same extension node, placed in a new page of the space.
  const headers = { 'x-sandbox-account-id': ADMIN };
  const stored = await (await request.get(`/wiki/api/v2/pages/${pageId}?body-format=atlas_doc_format`, { headers })).json();
  const adf = JSON.parse(stored.body.atlas_doc_format.value as string) as { content: { type: string }[] };
  const node = adf.content.find((n) => n.type === 'extension');
  expect(node).toBeDefined();
  const created = await request.post('/wiki/api/v2/pages', {
    headers,
    data: {
      spaceId: stored.spaceId,
      status: 'current',
      title: 'Service review dashboard',
      body: {
        representation: 'atlas_doc_format',
        value: JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Monthly service review: where the SMS stands.' }] }, node] }),
      },
    },
  });
  expect(created.status()).toBe(200);
  const other = await created.json();
  await page.goto(`/wiki/spaces/SMS/pages/${other.id as string}`);
  await expect(page.frameLocator('iframe.forge-macro').first().getByTestId('macro-group-chart').locator('svg').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, 'manager-report-macro-in-another-page');

  // The XLSX export from the Gap report view, read back: its rows are the register.
  await page.goto(projectPageUrl('gap-report'));
  const panel = projectApp(page).getByRole('region', { name: 'Gap report', exact: true });
  const exportButton = panel.getByRole('button', { name: 'Download XLSX' });
  await expect(exportButton).toBeVisible({ timeout: 45_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(/^clause-register-SMS-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  const rows = (await readSheet(readFileSync(file))).map((r) => r.map((v) => (v === null ? '' : String(v))));
  const register = await invoke('getClauseRegister', {});
  expect(register.ok).toBe(true);
  expect(rows).toEqual(register.data.rows);
  expect((register.data.rows as string[][]).length).toBeGreaterThan(50);
  expect(JSON.stringify(rows)).not.toMatch(INTERNAL_CODES);
  const row42 = rows.find((r) => r[0] === '4.2');
  expect(row42?.[4]).toBe('Interested parties reviewed by the SMS board');

  const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download CSV' }).click()]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.split('\r\n')[0]).toBe('\uFEFF"Clause","Title","Result","Set by","Why","Evidence","Open findings","Planned work"');
});
