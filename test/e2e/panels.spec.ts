import path from 'node:path';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { SHOTS, openView, projectApp, projectPageUrl, shot, startOwnSandbox, type OwnSandbox } from './support';

// Scope, Maturity and Phases panels end to end, against a sandbox this spec starts itself (so it can stop it
// and start it again on the same data directory): fill in a scope, assess two processes, make a plan in
// each approach, restart the server and read everything back. Screenshots of each panel, light and dark.

/** Opens a view from the host's project sidebar (the app routes it) and returns the app's frame. */
async function openTab(page: Page, name: string): Promise<FrameLocator> {
  await openView(page, name);
  return projectApp(page);
}

/** Opens a phase card's editor with its disclosure button (the card shows a summary until then). */
async function expandPhase(phase: Locator, n: number): Promise<void> {
  const toggle = phase.getByRole('button', { name: new RegExp(`^Phase ${n}: `) });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

test.describe.configure({ mode: 'serial' });

let sandbox: OwnSandbox;

test.beforeAll(async () => {
  sandbox = await startOwnSandbox('sms-nav-panels-');
});

test.afterAll(async () => {
  // Unset when the start failed (startOwnSandbox cleaned up after itself).
  if (sandbox !== undefined) await sandbox.stop();
});

test('scope: fill in every section, see the 8.2.3 warning, save two versions and read the diff', async ({ page }) => {
  test.slow(); // every section filled in, two versions saved and compared
  await page.goto(`${sandbox.baseURL}${projectPageUrl('scope')}`);
  const a = projectApp(page);
  await expect(a.getByRole('heading', { name: 'No scope yet' })).toBeVisible();
  await a.getByRole('button', { name: 'Define the scope' }).click();

  await a.getByLabel('Organization', { exact: true }).fill('Example Ltd IT');
  await a.getByRole('button', { name: 'Add service' }).click();
  const service = a.getByRole('group', { name: /^Service 1/ });
  await service.getByLabel('Name').fill('Payroll');
  await service.getByLabel('Customers').fill('HR, Finance');
  await a.getByRole('button', { name: 'Add organizational unit' }).click();
  await a.getByRole('group', { name: /^Organizational unit 1/ }).getByLabel('Name').fill('Service desk');
  await a.getByRole('button', { name: 'Add location' }).click();
  await a.getByRole('group', { name: /^Location 1/ }).getByLabel('Name').fill('Berlin');
  await a.getByRole('button', { name: 'Add interested party' }).click();
  await a.getByRole('group', { name: /^Interested party 1/ }).getByLabel('Name').fill('HR');
  await a.getByRole('button', { name: 'Add other party' }).click();
  const other = a.getByRole('group', { name: /^Other party 1/ });
  await other.getByLabel('Name').fill('HostCo');
  await other.getByLabel('8.7.1 Service availability management').check();
  await expect(a.getByRole('list', { name: 'Scope warnings' })).toContainText('HostCo operates 8.7.1 but no control over it is recorded');
  await a.getByRole('button', { name: 'Add exclusion' }).click();
  const exclusion = a.getByRole('group', { name: /^Exclusion 1/ });
  await exclusion.getByLabel('Excluded').fill('Legacy mainframe');
  // The untouched justification is not marked yet; pressing Save lists what is missing and saves nothing.
  await expect(a.getByText('Fix these before saving')).toHaveCount(0);
  await a.getByRole('button', { name: 'Save scope' }).click();
  await expect(a.getByText('Fix these before saving')).toBeVisible();
  await expect(a.getByRole('status').filter({ hasText: 'Saved as version' })).toHaveCount(0);
  await exclusion.getByLabel('Justification').fill('Retired by the end of the year');
  await other.getByLabel('Control applied (8.2.3)').fill('Monthly service review against the contract');
  await expect(a.getByRole('list', { name: 'Scope warnings' })).not.toContainText('HostCo operates 8.7.1');
  await expect(a.getByLabel('Generated scope statement')).toContainText('Payroll for HR and Finance');

  await a.getByLabel('Change comment').fill('First cut');
  await a.getByRole('button', { name: 'Save scope' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved as version 1.' })).toBeVisible();

  await a.getByLabel('Organization', { exact: true }).fill('Example Group IT');
  await a.getByLabel('Change comment').fill('Renamed after the merger');
  await a.getByRole('button', { name: 'Save scope' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved as version 2.' })).toBeVisible();

  const versions = a.getByRole('list', { name: 'Scope versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions).toContainText('Renamed after the merger');
  await expect(versions.getByRole('listitem').first()).toContainText('by Pat Project-Admin');
  await a.getByRole('button', { name: 'Show changes' }).click();
  const diff = a.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await expect(diff).toContainText('Example Ltd IT');
  await expect(diff).toContainText('Example Group IT');
  await shot(page, 'panel-scope-light');
});

/** Chooses `option` in the Atlaskit select labelled `label` inside `scope` (the options open in the app's frame). */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await projectApp(page).getByRole('option', { name: option, exact: true }).click();
}

test('maturity: assess two processes from the heatmap (mouse and keyboard) and take a baseline', async ({ page }) => {
  test.slow(); // two assessments and a snapshot
  await page.goto(`${sandbox.baseURL}${projectPageUrl('maturity')}`);
  const a = projectApp(page);
  await expect(a.getByRole('heading', { name: 'Nothing assessed yet' })).toBeVisible();

  await a.getByRole('button', { name: /^Open 8\.6\.1 Incident management/ }).click();
  await expect(a.getByRole('heading', { name: 'Assess 8.6.1 Incident management' })).toBeVisible();
  const process = a.getByRole('group', { name: 'Process', exact: true });
  await pick(page, process, 'Today', 'Level I');
  await pick(page, process, 'Target', 'Level II');
  await process.getByLabel('Note').fill('Tickets are logged, priorities vary by agent.');
  await process.getByLabel('Evidence (issue keys)').fill('SMS-1, sms-2');
  const support = a.getByRole('group', { name: 'Management support' });
  // An assessment records what is observed: Level II may be recorded on the first assessment.
  const all = ['None', 'Level I', 'Level II', 'Level III'];
  for (const which of ['Today', 'Target']) {
    await a.getByRole('group', { name: 'Risk' }).getByRole('combobox', { name: new RegExp(`^${which}`) }).click();
    await expect(a.getByRole('option')).toHaveText(all);
    await page.keyboard.press('Escape');
  }
  await pick(page, support, 'Today', 'Level II');
  await pick(page, support, 'Target', 'Level III');
  await a.getByRole('button', { name: 'Save 8.6.1 Incident management' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved the assessment of 8.6.1 Incident management.' })).toBeVisible();
  await expect(a.getByRole('button', { name: /^Incident management, Management support: today Level II, target Level III,/ })).toBeVisible();
  await expect(a.getByRole('list', { name: 'Elements to raise next for 8.6.1 Incident management' })).toContainText('Process: Level I → Level II');

  // Keyboard: from the 8.6.1 row header, ArrowDown twice reaches 8.6.3 (8.6.2 between), Enter opens it.
  await a.getByRole('button', { name: /^Open 8\.6\.1 Incident management/ }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(a.getByRole('button', { name: /^Open 8\.6\.3 Problem management/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(a.getByRole('heading', { name: 'Assess 8.6.3 Problem management' })).toBeVisible();
  const p2 = a.getByRole('group', { name: 'Process', exact: true });
  await pick(page, p2, 'Today', 'Level I');
  await pick(page, p2, 'Target', 'Level II');
  await a.getByRole('button', { name: 'Save 8.6.3 Problem management' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Saved the assessment of 8.6.3 Problem management.' })).toBeVisible();
  await expect(a.getByRole('button', { name: /^Incident management, Process: today Level I, target Level II,/ })).toBeVisible();

  await a.getByLabel('Snapshot label').fill('baseline');
  await a.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(a.getByRole('list', { name: 'Snapshots taken' })).toContainText('baseline');
  await expect(a.getByRole('list', { name: 'Snapshots taken' })).toContainText('by Pat Project-Admin');
  await expect(a.getByRole('table', { name: 'Trend per unit' })).toContainText('8.6.3 Problem management');
  await a.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(a.getByText('A snapshot labelled “Phase 1”').or(a.getByRole('list', { name: 'Snapshots taken' }).getByText('Phase 1'))).toBeVisible();
  await a.getByRole('button', { name: 'Compare' }).click();
  await expect(a.getByRole('table', { name: 'Comparison of baseline with Phase 1' })).toContainText('same');
  await a.getByRole('button', { name: /^Open 8\.6\.1 Incident management/ }).click();
  await shot(page, 'panel-maturity-light');
  await a.getByRole('grid').screenshot({ path: path.join(SHOTS, 'panel-maturity-heatmap-light.png') });
});

test('phases: a plan in each approach, moving a process and defining an interface', async ({ page }) => {
  test.slow(); // two plans, a move and an interface, each saved
  await page.goto(`${sandbox.baseURL}${projectPageUrl('phases')}`);
  const a = projectApp(page);
  await expect(a.getByRole('heading', { name: 'No phases yet' })).toBeVisible();

  await a.getByLabel('Approach 2: Level I, then II, then III').check();
  await a.getByRole('button', { name: 'Propose plan' }).click();
  await expect(a.getByRole('group', { name: /^Phase 1: Level I$/ })).toBeVisible();
  await expect(a.getByRole('group', { name: /^Phase 3: Level III$/ })).toBeVisible();
  await a.getByRole('button', { name: 'Save plan' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Plan saved (version 1).' })).toBeVisible();

  await a.getByLabel('Approaches 1 and 2 combined: subsets within each level').check();
  await a.getByRole('button', { name: 'Propose again…' }).click();
  await a.getByRole('dialog', { name: 'Replace the phases on screen?' }).getByRole('button', { name: 'Propose and replace' }).click();
  // The dialog gives focus back to "Propose again…" when it has closed: wait for that before moving focus on.
  await expect(a.getByRole('dialog', { name: 'Replace the phases on screen?' })).toHaveCount(0);
  await expect(a.getByRole('group', { name: /^Phase 1: Level I: / })).toBeVisible();
  await a.getByRole('button', { name: 'Save plan' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Plan saved (version 2).' })).toBeVisible();

  await a.getByLabel('Approach 1: a subset of processes in each phase').check();
  await a.getByRole('button', { name: 'Propose again…' }).click();
  await a.getByRole('dialog', { name: 'Replace the phases on screen?' }).getByRole('button', { name: 'Propose and replace' }).click();
  // The dialog gives focus back to "Propose again…" when it has closed: wait for that before moving focus on.
  await expect(a.getByRole('dialog', { name: 'Replace the phases on screen?' })).toHaveCount(0);
  const phase1 = a.getByRole('group', { name: /^Phase 1: / });
  // Cards start as summaries: processes as chips, Rule 1 / Rule 2 badges, no editor until expanded.
  await expect(phase1.getByRole('button', { name: /^Phase 1: / })).toHaveAttribute('aria-expanded', 'false');
  await expect(phase1.getByLabel('Start')).toHaveCount(0);
  await expect(a.getByRole('list', { name: /^Processes in Phase 1: / })).toContainText('8.6.3 Problem management');
  // Keyboard: the disclosure button opens the editor with Enter.
  await phase1.getByRole('button', { name: /^Phase 1: / }).focus();
  await page.keyboard.press('Enter');
  await expandPhase(phase1, 1);
  // The proposal drafted its Rule 2 interfaces: no Rule 2 issue to start with.
  await expect(a.getByRole('list', { name: 'Rule 2: interactions across phase boundaries need an interface' })).toHaveCount(0);

  // Move problem management from phase 1 into phase 2 (select + button, keyboard reachable).
  await expandPhase(a.getByRole('group', { name: /^Phase 2: / }), 2);
  const phase2Name = (await a.getByRole('group', { name: /^Phase 2: / }).getByLabel('Phase name').inputValue()).trim();
  await phase1.getByLabel('Move 8.6.3 Problem management to').fill(phase2Name);
  await page.keyboard.press('Enter');
  await phase1.getByRole('button', { name: 'Move 8.6.3 Problem management' }).focus();
  await page.keyboard.press('Enter');
  await expect(a.getByRole('list', { name: new RegExp(`^Processes in Phase 2: `) })).toContainText('8.6.3 Problem management');
  await expect(a.getByRole('list', { name: /^Processes in Phase 1: / })).not.toContainText('8.6.3');

  const phase2 = a.getByRole('group', { name: /^Phase 2: / });
  await phase1.getByLabel('Owner').fill('Pat');
  await expect(a.getByRole('option', { name: 'Pat Project-Admin' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(phase2.getByLabel('Interface for 8.6.1 → 8.6.3')).toBeVisible();
  // The crossings table lists it under phase 2, without an interface; "Define" focuses phase 2's field.
  const crossings = a.getByRole('table', { name: 'Cross-phase interactions' });
  await expect(crossings.getByRole('row', { name: /8\.6\.1 Incident management → 8\.6\.3 Problem management/ })).toContainText('No interface');
  await crossings.getByRole('button', { name: 'Define the interface for 8.6.1 → 8.6.3' }).click();
  await expect(phase2.getByLabel('Interface for 8.6.1 → 8.6.3')).toBeFocused();
  await phase2.getByLabel('Interface for 8.6.1 → 8.6.3').fill('Major incidents are raised as problems by the incident manager until problem management runs.');
  // Defined interactions fold behind "Show n interactions with an interface" in their phase's group.
  await crossings.getByRole('button', { name: /^Show \d+ interactions? with an interface in Phase 2: / }).click();
  await expect(crossings.getByRole('row', { name: /8\.6\.1 Incident management → 8\.6\.3 Problem management/ })).toContainText('Defined');
  // The move made other crossings too: while any lacks an interface, Save is blocked and says why.
  await expect(a.getByTestId('save-blocked')).toBeVisible();
  await expect(a.getByRole('button', { name: 'Save plan' })).toBeDisabled();
  for (const field of await phase2.getByLabel(/^Interface for /).all()) {
    if ((await field.inputValue()).trim() === '') await field.fill('Handed over by hand until both processes run under the SMS.');
  }
  await expect(a.getByTestId('save-blocked')).toHaveCount(0);
  await a.getByRole('button', { name: 'Save plan' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Plan saved (version 3).' })).toBeVisible();
  await shot(page, 'panel-phases-light');
  await phase2.screenshot({ path: path.join(SHOTS, 'panel-phases-phase2-light.png') });
  await a.getByRole('region', { name: /^Issues/ }).screenshot({ path: path.join(SHOTS, 'panel-phases-issues-light.png') });
});

test('everything reads back after a server restart, and every panel renders in dark mode', async ({ page }) => {
  test.slow(); // a server restart and five views, light and dark
  await sandbox.restart();
  await page.goto(`${sandbox.baseURL}${projectPageUrl('scope')}`);
  let a = projectApp(page);
  await expect(a.getByLabel('Organization', { exact: true })).toHaveValue('Example Group IT');
  await expect(a.getByText(/Version 2, saved/)).toBeVisible();
  await expect(a.getByRole('group', { name: /^Exclusion 1/ }).getByLabel('Justification')).toHaveValue('Retired by the end of the year');
  await expect(a.getByRole('list', { name: 'Scope versions' }).getByRole('listitem')).toHaveCount(2);

  a = await openTab(page, 'Maturity');
  await expect(a.getByRole('button', { name: /^Incident management, Process: today Level I, target Level II,/ })).toBeVisible();
  await expect(a.getByRole('button', { name: /^Problem management, Process: today Level I, target Level II,/ })).toBeVisible();
  await expect(a.getByRole('list', { name: 'Snapshots taken' })).toContainText('baseline');
  await a.getByRole('button', { name: /^Open 8\.6\.1 Incident management/ }).click();
  await expect(a.getByRole('group', { name: 'Process', exact: true }).getByLabel('Evidence (issue keys)')).toHaveValue('SMS-1, SMS-2');

  a = await openTab(page, 'Phases');
  await expect(a.getByText(/Plan version 3, saved .* by Pat Project-Admin\./)).toBeVisible();
  await expect(a.getByRole('list', { name: /^Processes in Phase 2: / })).toContainText('8.6.3 Problem management');
  await expandPhase(a.getByRole('group', { name: /^Phase 2: / }), 2);
  await expect(a.getByRole('group', { name: /^Phase 2: / }).getByLabel('Interface for 8.6.1 → 8.6.3')).toHaveValue(/Major incidents are raised/);

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(a.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await shot(page, 'panel-phases-dark');
  a = await openTab(page, 'Maturity');
  await a.getByRole('button', { name: /^Open 8\.6\.1 Incident management/ }).click();
  await shot(page, 'panel-maturity-dark');
  a = await openTab(page, 'Scope');
  await expect(a.getByLabel('Organization', { exact: true })).toHaveValue('Example Group IT');
  await shot(page, 'panel-scope-dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(a.locator('html')).toHaveAttribute('data-color-mode', 'light');
});

test('a member without the editor role reads the panels without edit controls', async ({ page }) => {
  await page.goto(`${sandbox.baseURL}${projectPageUrl('scope')}`);
  await Promise.all([page.waitForURL(/.*/, { waitUntil: 'load' }), page.getByLabel('User').selectOption({ label: 'Mo Member (member)' })]);
  const a = projectApp(page);
  await expect(a.getByLabel('Organization', { exact: true })).toHaveValue('Example Group IT');
  await expect(a.getByRole('button', { name: 'Save scope' })).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'Add service' })).toHaveCount(0);
  await openTab(page, 'Phases');
  await expect(a.getByRole('button', { name: 'Propose plan' })).toHaveCount(0);
  await expect(a.getByRole('button', { name: 'Save plan' })).toHaveCount(0);
  await shot(page, 'panel-phases-member-read-only');
  await Promise.all([page.waitForURL(/.*/, { waitUntil: 'load' }), page.getByLabel('User').selectOption({ label: 'Pat Project-Admin (project admin)' })]);
});
