import { expect, test, type Locator } from '@playwright/test';
import { ADMIN, choose, invokeAsAdmin, projectApp, projectPageUrl, shot } from './support';

// Initiation flow in the browser: write and approve the business case, define three KPIs (manual, JQL count,
// JQL duration), record two measurements, compute the Jira ones, publish, and open the page in the sandbox's
// Confluence view. Screenshots are kept under build/artifacts/screenshots.

const ELEMENTS: [string, string][] = [
  ['a) Business needs and drivers', 'Customers complain about slow incident handling; a tender asks for ISO/IEC 20000-1.'],
  ['b) Short- and long-term outcomes', 'Short term: faster restores. Long term: certification and fewer repeat incidents.'],
  ['c) Proposed scope', 'Email, VPN and payroll services for all internal customers at the head office.'],
  ['d) Steps towards the outcomes', 'Baseline, incident and change first, then the rest of clause 8.'],
  ['e) Constraints and assumptions', 'No new tooling budget this year; Jira stays the work tracker.'],
  ['f) Costs', 'About 120 person-days internally and 15 000 EUR for external coaching.'],
  ['g) Risk assessment', 'Staff turnover and competing projects; mitigated by a named deputy per process.'],
  ['h) Resources', 'One process owner per process, a part-time SMS manager, Jira and Confluence.'],
  ['i) Evaluating costs and benefits', 'Compare the KPIs below at the baseline and after each phase.'],
  ['j) Conformity assessment recommendation', 'Certification audit after the second phase.'],
  ['k) Timeframes and schedule', 'Twelve months in three phases.'],
  ['l) Impact on customers and other parties', 'Customers get clearer service levels; suppliers get review meetings.'],
  ['m) Terms of reference', 'The project may change processes within the scope; policy changes go to the board.'],
  ['n) Sponsorship and governance', 'Sponsor: the CIO. Monthly steering meeting.'],
];

async function kpiCard(panel: Locator, name: string): Promise<Locator> {
  const card = panel.getByRole('group', { name: `KPI ${name}` });
  await expect(card).toBeVisible();
  return card;
}

test('initiation: business case approved, three KPIs measured, published and shown in Confluence', async ({ page, request }) => {
  test.setTimeout(120_000);
  const invoke = (functionKey: string, payload: unknown) => invokeAsAdmin(request, functionKey, payload);
  const settings = await invoke('getProjectSettings', {});
  if (settings.data.configured !== true) {
    const saved = await invoke('saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: settings.data.version });
    expect(saved.ok).toBe(true);
  }

  // Initiation is the first subpage: the project page opens on it.
  await page.goto(projectPageUrl());
  const app = projectApp(page);
  const panel = app.getByRole('region', { name: 'Initiation', exact: true });
  await expect(panel.getByRole('heading', { name: 'Business case', exact: true })).toBeVisible();

  // 1. Business case: every element, saved, then approved by the sponsor.
  await expect(panel.getByRole('button', { name: 'Approve as sponsor' })).toBeDisabled();
  for (const [label, value] of ELEMENTS) await panel.getByLabel(label, { exact: true }).fill(value);
  // The sponsor is a Jira user picked by name; here the project admin, who then approves.
  await panel.getByLabel('Sponsor', { exact: true }).pressSequentially('Pat');
  await app.getByRole('option', { name: 'Pat Project-Admin' }).click();
  await panel.getByRole('button', { name: 'Save business case' }).click();
  await expect(panel.getByText(/Business case saved \(version \d+\)/)).toBeVisible();
  await expect(panel.getByText('14 of 14 elements written')).toBeVisible();
  await panel.getByRole('button', { name: 'Approve as sponsor' }).click();
  await expect(panel.getByText(/Business case approved/)).toBeVisible();
  const summary = panel.getByRole('group', { name: 'Initiation summary' });
  await expect(summary.getByText('Management support obtained')).toBeVisible();
  // People are shown by their Jira display name (the account id stays in the tooltip).
  await expect(panel.getByRole('group', { name: 'Sponsor approval' }).getByText(/^by Pat Project-Admin on /)).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Sponsor approval' }).getByText(ADMIN)).toHaveCount(0);
  await shot(page, 'initiation-business-case');

  // 2. Three KPIs: manual, JQL count, JQL duration (two from the suggestions, one typed in). One section at a time.
  await panel.getByRole('navigation', { name: 'Initiation sections' }).getByRole('button', { name: 'Baseline and KPIs' }).click();
  await panel.getByLabel('Baseline findings').getByLabel('d) Breaches of agreements').fill('Eleven SLA breaches last quarter.');
  await choose(app, panel.getByLabel('Add a suggested KPI'), 'Customer satisfaction');
  await choose(app, panel.getByLabel('Add a suggested KPI'), 'Service down time');
  await panel.getByRole('button', { name: 'Add KPI' }).click();
  const fresh = await kpiCard(panel, 'New KPI');
  await fresh.getByLabel('KPI name').fill('Breaches of commitments');
  await choose(app, (await kpiCard(panel, 'Breaches of commitments')).getByLabel('Source'), 'Count of a JQL query');
  const breaches = await kpiCard(panel, 'Breaches of commitments');
  await breaches.getByLabel('Unit').fill('breaches');
  await choose(app, breaches.getByLabel('Better when'), 'Lower is better');
  await breaches.getByLabel('JQL').fill('labels = "sla-breach"');
  await breaches.getByLabel('Target').fill('0');
  const csat = await kpiCard(panel, 'Customer satisfaction');
  await csat.getByLabel('Baseline').fill('70');
  await csat.getByLabel('Target').fill('85');
  const downtime = await kpiCard(panel, 'Service down time');
  await expect(downtime.getByText('Created', { exact: true })).toBeVisible(); // the From date the suggestion brings
  await downtime.getByLabel('Target').fill('24');
  await panel.getByRole('button', { name: 'Save baseline and KPIs' }).click();
  await expect(panel.getByText(/Baseline and KPIs saved/)).toBeVisible();

  // 3. Two measurements of the manual KPI; the Jira ones computed.
  await csat.getByLabel('Measured value of Customer satisfaction').fill('72');
  await csat.getByLabel('Note on the measurement of Customer satisfaction').fill('Q1 survey');
  await csat.getByRole('button', { name: 'Record measurement' }).click();
  await expect(panel.getByText('Measurement recorded.')).toBeVisible();
  await expect(csat.getByLabel('Measured value of Customer satisfaction')).toHaveValue('');
  await csat.getByLabel('Measured value of Customer satisfaction').fill('78');
  await csat.getByLabel('Note on the measurement of Customer satisfaction').fill('Q2 survey');
  await csat.getByRole('button', { name: 'Record measurement' }).click();
  await expect(csat.getByRole('table', { name: 'Measurements of Customer satisfaction' }).getByRole('row')).toHaveCount(3);
  await expect(csat.getByText('53% of the way')).toBeVisible();

  await breaches.getByRole('button', { name: 'Compute from Jira' }).click();
  await expect(panel.getByText(/Computed from Jira: \d+ \(\d+ issues found by project = "SMS" AND \(labels = "sla-breach"\)\)/)).toBeVisible();
  await downtime.getByRole('button', { name: 'Compute from Jira' }).click();
  await expect(downtime.getByRole('table', { name: 'Measurements of Service down time' }).getByText(/Computed from Jira: median Created → Resolved over \d+ of \d+ issues/)).toBeVisible();
  await breaches.scrollIntoViewIfNeeded();
  await shot(page, 'initiation-kpis');

  // 4. Publish, then open the page in the sandbox's Confluence view.
  await panel.getByRole('button', { name: 'Publish business case' }).click();
  // Another spec of the shared sandbox may have published the page first: then this publish updates it in place.
  await expect(panel.getByText(/(Created the page “Business case: Service Management” \(version 1\)|Updated the page “Business case: Service Management” \(version \d+\))/)).toBeVisible({ timeout: 30_000 });
  const link = panel.getByRole('link', { name: 'Business case: Service Management' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/wiki\/spaces\/SMS\/pages\/\d+$/);

  await page.goto(href as string);
  await expect(page.getByRole('heading', { name: 'Business case: Service Management' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Business case (TS 20000-5 5.3.1)' })).toBeVisible();
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/by Pat Project-Admin on \d{1,2} [A-Z][a-z]+ \d{4}/).first()).toBeVisible();
  await expect(page.getByText('Customers complain about slow incident handling', { exact: false })).toBeVisible();
  const kpiTable = page.getByRole('table').filter({ hasText: 'Customer satisfaction' });
  await expect(kpiTable.getByRole('row', { name: /^Customer satisfaction %/ })).toContainText('78');
  await expect(kpiTable.getByRole('row', { name: /^Breaches of commitments breaches/ })).toContainText('labels = "sla-breach"');
  await expect(page.getByRole('heading', { name: 'Challenge register (TS 20000-5 clause 6)' })).toBeVisible();
  await shot(page, 'initiation-business-case-confluence');
});
