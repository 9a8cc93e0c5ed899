import path from 'node:path';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { AXE_VIEWS, axeView } from '../../bench/axe-views';
import { SHOTS, invokeAsAdmin, projectApp, projectPageUrl, testOnOwnSandbox } from './support';
import { evaluatePhaseOne, planWithPhaseOne } from './steps/phase-evaluation';

// Issue 18, the audit cycle in the browser: evaluate phase 1 with one unmet objective and its action (lane 18e's
// steps); plan an audit (the process owner is refused as auditor, an independent
// one accepted) with a seeded sample; record a major nonconformity; create its corrective action, complete it and
// verify it as effective; publish the management review pack and open it in the sandbox's Confluence view.
// Screenshots light and dark under build/artifacts/screenshots (or SCREENS_18A).

const test = testOnOwnSandbox('sms-nav-audit-');
test.describe.configure({ mode: 'serial' });

const SCREENS = process.env.SCREENS_18A ?? SHOTS;
const MEMBER = '557058:sandbox-member';

async function shots(page: Page, name: string): Promise<void> {
  for (const mode of ['light', 'dark'] as const) {
    await page.context().addCookies([{ name: 'sandbox-theme', value: mode, url: new URL(page.url()).origin }]);
    await page.reload();
    await projectApp(page).getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${mode}.png`), fullPage: true });
  }
  // Back to light for what follows (taken up at the next navigation).
  await page.context().addCookies([{ name: 'sandbox-theme', value: 'light', url: new URL(page.url()).origin }]);
}

/** Types a date into an Atlaskit date picker (labelled) and confirms it. */
async function pickDate(app: FrameLocator | Locator, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const input = app.getByLabel(label, { exact: true });
  await input.click();
  await input.pressSequentially(`${m}/${d}/${y}`);
  await input.press('Enter');
}

/** Picks a Jira user in a user picker by typing part of the name. */
async function pickUser(page: Page, app: FrameLocator, label: string, name: string): Promise<void> {
  const input = app.getByLabel(label, { exact: true });
  await input.click();
  await input.pressSequentially(name.split(' ')[0] ?? name);
  await app.getByRole('option', { name }).click();
}

test('audit cycle: phase 1 evaluated, plan with a sample, a major nonconformity, its corrective action verified, the review pack published', async ({ page, request }) => {
  test.setTimeout(420_000); // the whole cycle: a plan with its epics, an evaluation, two jobs and a Confluence page
  const invoke = (functionKey: string, payload: unknown) => invokeAsAdmin(request, functionKey, payload);
  const settings = await invoke('getProjectSettings', {});
  expect((await invoke('saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: '65537', epicIssueTypeId: null, editorRoleId: null, version: settings.data.version })).ok).toBe(true);

  // The cycle starts with the evaluation of phase 1: one objective not met, its agreed action created in Jira.
  await page.goto(projectPageUrl('evaluation'));
  await expect(projectApp(page).getByRole('heading', { name: 'Evaluation', level: 2 })).toBeVisible();
  await planWithPhaseOne(request);
  await page.reload();
  expect(await evaluatePhaseOne(page)).toMatch(/^SMS-\d+$/);

  await page.goto(projectPageUrl('audit'));
  const app = projectApp(page);
  const view = app.getByRole('region', { name: 'Audit', exact: true });
  await expect(view.getByRole('heading', { name: 'Plan an audit' })).toBeVisible({ timeout: 30_000 });
  await expect(view.getByText('No audit is planned yet.', { exact: false })).toBeVisible();

  // Process owners, with the user picker: Pat owns incident management (8.6.1).
  await view.getByText(/No process owner is named yet/).click();
  await pickUser(page, app, 'Owner: 8.6.1 Incident management', 'Pat Project-Admin');
  await view.getByRole('button', { name: 'Save process owners' }).click();
  await expect(view.getByText('Process owners saved.')).toBeVisible();

  // Plan: Pat as auditor is refused (owns an audited process), Mo is accepted.
  await view.getByLabel('Title', { exact: true }).fill('Incident management Q1');
  await view.getByRole('checkbox', { name: /^8\.6\.1 / }).check();
  await pickDate(app, 'Starts', '2026-03-02');
  await pickDate(app, 'Ends', '2026-03-06');
  await pickUser(page, app, 'Auditor', 'Pat Project-Admin');
  await view.getByRole('button', { name: 'Preview the audit issue' }).click();
  await expect(view.getByText('This person owns a process in scope')).toBeVisible();
  await view.getByRole('button', { name: 'Create the audit issue' }).click();
  await expect(view.getByText('This auditor is not independent')).toBeVisible();
  await expect(view.getByText(/owns what the audit examines \(8\.6\.1/)).toBeVisible();
  await view.getByRole('button', { name: 'Back to editing' }).click();
  await pickUser(page, app, 'Auditor', 'Mo Member');
  await view.getByRole('button', { name: 'Preview the audit issue' }).click();
  await view.getByRole('button', { name: 'Create the audit issue' }).click();
  const created = view.getByRole('status').filter({ hasText: /Created audit SMS-\d+/ });
  await expect(created).toBeVisible();
  const auditKey = ((await created.textContent()) ?? '').match(/SMS-\d+/)?.[0] ?? '';
  expect(auditKey).not.toBe('');
  const programme = await invoke('getAuditProgramme', {});
  expect((programme.data.audits as { auditKey: string; plan: { auditor: string } }[]).map((a) => [a.auditKey, a.plan.auditor])).toEqual([[auditKey, MEMBER]]);

  // The sample: size 4 for 8.6.1, a seed, drawn by a job and written into the audit issue.
  const card = view.getByRole('group', { name: `Audit ${auditKey}` });
  await card.getByLabel('Sample size 8.6.1').fill('4');
  await card.getByLabel('Seed').fill('q1-2026');
  await card.getByRole('button', { name: 'Draw the sample' }).click();
  await expect(card.getByText(/Drew 4 issues over 1 clause with seed “q1-2026”/)).toBeVisible({ timeout: 60_000 });
  await expect(card.getByText('Sample: 4 issues')).toBeVisible();

  // A major nonconformity from the audit.
  await card.getByText('Record a finding from this audit').click();
  await card.getByLabel('Finding', { exact: true }).fill('Major incidents are not reviewed');
  await card.getByLabel('What was seen (objective evidence)').fill('No review record for 3 of the 4 sampled incidents.');
  await card.getByRole('button', { name: 'Preview the finding' }).click();
  await expect(card.getByText(/labelled as a major nonconformity, mapped to clause 8\.6\.1, linked to/)).toBeVisible();
  await card.getByRole('button', { name: 'Record the finding in Jira' }).click();
  const recorded = card.getByRole('status').filter({ hasText: /Recorded finding SMS-\d+/ });
  await expect(recorded).toBeVisible();
  const ncKey = ((await recorded.textContent()) ?? '').match(/SMS-\d+/)?.[0] ?? '';

  // Its corrective action: created, completed in Jira, verified as effective; the NC closes only then.
  const nc = view.getByRole('group', { name: `Nonconformity ${ncKey}` });
  await expect(nc.getByText('Needs a corrective action')).toBeVisible();
  await nc.getByText(`Add a corrective action to ${ncKey}`).click();
  await nc.getByLabel('Root cause').fill('Nobody owns the review of major incidents');
  await nc.getByLabel('Action', { exact: true }).fill('Name an owner; review every major incident within 5 days');
  await pickDate(nc, 'Due date', '2026-04-30');
  await nc.getByRole('button', { name: 'Preview the corrective action' }).click();
  await nc.getByRole('button', { name: 'Create the corrective action' }).click();
  await expect(nc.getByText('Corrective action under way')).toBeVisible();
  const ncAgain = view.getByRole('group', { name: `Nonconformity ${ncKey}` });
  await ncAgain.getByRole('button', { name: /^Mark SMS-\d+ done in Jira$/ }).click();
  await expect(ncAgain.getByText('Awaiting verification of effectiveness')).toBeVisible();
  await ncAgain.getByLabel(/How was the effectiveness of SMS-\d+ checked\?/).fill('Reviewed the next five major incidents: all reviewed in time.');
  await ncAgain.getByRole('button', { name: 'Verified: effective' }).click();
  await expect(ncAgain.getByText('Closed: action verified as effective')).toBeVisible();
  await expect(ncAgain.getByText('Verified effective')).toBeVisible();

  // Readiness against a date: figures with their JQL.
  await pickDate(app, 'Target certification audit date', '2027-06-01');
  await view.getByRole('button', { name: 'Check readiness' }).click();
  await expect(view.getByText(/days? to the audit on Jun 1, 2027\./)).toBeVisible({ timeout: 45_000 });
  await expect(view.getByText('Corrective actions not yet verified').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'audit-cycle-readiness-light.png'), fullPage: true });
  await shots(page, 'audit-cycle-closed');

  // The management review pack, published and opened in the sandbox's Confluence view.
  await page.goto(projectPageUrl('management-review'));
  const review = projectApp(page).getByRole('region', { name: 'Management review', exact: true });
  await expect(review.getByRole('heading', { name: 'Review pack' })).toBeVisible({ timeout: 30_000 });
  await review.getByRole('button', { name: 'Publish the review pack' }).click();
  const open = review.getByRole('link', { name: /^Open “Management review .*” in Confluence$/ });
  await expect(open).toBeVisible({ timeout: 60_000 });
  await review.getByLabel('What was decided, or who does what').fill('Staff the major incident review');
  await review.getByRole('button', { name: 'Record in Jira' }).click();
  await expect(review.getByRole('status').filter({ hasText: /Recorded SMS-\d+/ })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'management-review-light.png'), fullPage: true });
  const href = (await review.getByRole('link', { name: /^Management review .* \(SMS\)$/ }).first().getAttribute('href')) ?? '';
  expect(href).toMatch(/\/wiki\/spaces\/SMS\/pages\/\d+$/);
  await page.goto(href);
  await expect(page.getByRole('heading', { name: /Management review/ }).first()).toBeVisible();
  await expect(page.getByText(ncKey).first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'management-review-confluence-light.png'), fullPage: true });
});

test('axe: the Audit and Management review views have no serious or critical violation, light and dark', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const findings = [];
  for (const mode of ['light', 'dark'] as const) {
    for (const v of AXE_VIEWS.filter((x) => x.name === 'Audit' || x.name === 'Management review')) findings.push(...(await axeView(page as never, baseURL ?? '', v, mode)));
  }
  expect(AXE_VIEWS.map((v) => v.name)).toEqual(expect.arrayContaining(['Audit', 'Management review']));
  expect(findings).toEqual([]);
});

