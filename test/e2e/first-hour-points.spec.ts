import { expect } from '@playwright/test';
import { ADMIN, projectApp, projectPageUrl, projectSidebar, testOnOwnSandbox } from './support';

// Issue 15, point 3 (challenge owners are Jira users, shown by name in the gap report preview) and point 10
// (inconsistencies), the parts a screen shows: the tab order follows the work, one figure
// for the mapped issues in the same words on Clause mapping and Gap report, dates in one format (date pickers
// included), and a new empty scope row that is not red before it is touched or saved, with a statement that
// never reads "of the following service: .". Headings, plurals, ISO dates and native controls on every view: screens.spec.ts.
// A sandbox of its own: the scope it saves must not change what the seeded-demo specs read.
const test = testOnOwnSandbox('sms-nav-point10-');

test.describe.configure({ mode: 'serial' });

const DAY = /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/;

test('point 10: the tab order follows the work: Initiation is the first subpage and the project page opens on it', async ({ page }) => {
  await page.goto(projectPageUrl());
  const links = projectSidebar(page).getByRole('list', { name: 'SMS Navigator' }).getByRole('link');
  await expect(links.first()).toHaveText('Initiation');
  await expect(links.nth(1)).toHaveText('Scope');
  await expect(projectApp(page).getByRole('heading', { name: 'Initiation', level: 2, exact: true })).toBeVisible({ timeout: 30_000 });
});

test('point 10: one figure for the mapped issues: Clause mapping and Gap report give the same evidence count and clauses, in the same words', async ({ page }) => {
  await page.goto(projectPageUrl('clause-mapping'));
  const coverage = projectApp(page).getByText(/have at least one mapped issue/);
  await expect(coverage).toBeVisible({ timeout: 45_000 });
  const c = (await coverage.textContent()) ?? '';
  const [, covMapped, covEvidence] = /(\d+) mapped issues?: (\d+) as evidence/.exec(c) ?? [];
  const [, covClauses] = /of (\d+) assessable clauses/.exec(c) ?? [];
  expect(Number(covMapped)).toBeGreaterThan(Number(covEvidence));
  expect(c).toMatch(/\d+ audit findings?/);

  await page.goto(projectPageUrl('gap-report'));
  const summary = projectApp(page).getByText(/^Overall: /);
  await expect(summary).toBeVisible({ timeout: 45_000 });
  const g = (await summary.textContent()) ?? '';
  expect(g).toContain(`${covClauses} clauses`);
  expect(g).toContain(`${covEvidence} issues as evidence`);
  expect(g).not.toMatch(/mapped issue/);
});

test('point 10: dates read the same everywhere: date pickers show the day as the one formatter writes it', async ({ page }) => {
  await page.goto(projectPageUrl('management-review'));
  const review = projectApp(page).getByRole('region', { name: 'Management review', exact: true });
  await expect(review.getByText('Review date', { exact: true })).toBeVisible({ timeout: 45_000 });
  // Review date (today) and Period from: "Dec 2, 2026", not "12/2/2026".
  await expect(review.getByText(DAY).first()).toBeVisible();
  await expect(review.getByText(/^\d{1,2}\/\d{1,2}\/\d{4}$/)).toHaveCount(0);
  await page.goto(projectPageUrl('audit'));
  await expect(projectApp(page).getByText(/^Today is [A-Z][a-z]{2} \d{1,2}, \d{4}\.$/)).toBeVisible({ timeout: 45_000 });
});

test('point 10: a new empty scope row is not red until touched or saved, and the statement never reads "service: ."', async ({ page }) => {
  await page.goto(projectPageUrl('scope'));
  const a = projectApp(page);
  await a.getByRole('button', { name: 'Define the scope' }).click({ timeout: 45_000 });
  await a.getByRole('button', { name: 'Add service' }).click();
  const service = a.getByRole('group', { name: /^Service 1/ });
  const name = service.getByLabel('Name', { exact: true });
  await expect(name).toBeVisible();
  // The preview runs after a pause in typing: give it time, then nothing may be red yet.
  await page.waitForTimeout(1500);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await expect(a.getByText('Fix these before saving')).toHaveCount(0);
  const statement = a.getByRole('complementary', { name: 'Scope statement and warnings' });
  await expect(statement).toContainText('No services have been placed in the scope');
  await expect(statement).not.toContainText('following service: .');

  // Save shows what is missing, on the field too.
  await a.getByRole('button', { name: 'Save scope' }).click();
  await expect(a.getByText('Fix these before saving')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await name.fill('Payroll');
  await expect(statement).toContainText('of the following service: Payroll.');
  await expect(a.getByText('Fix these before saving')).toHaveCount(0, { timeout: 10_000 });
  await a.getByRole('button', { name: 'Save scope' }).click();
  await expect(a.getByText('Saved as version 1.')).toBeVisible();
  await expect(a.getByRole('heading', { name: 'History (1 version)' })).toBeVisible();
});

test('point 3: a challenge owner is a Jira user picked by name, and the gap report preview names them (not their account id)', async ({ page }) => {
  await page.goto(projectPageUrl('initiation'));
  const a = projectApp(page);
  await a.getByRole('tab', { name: 'Challenges' }).or(a.getByRole('button', { name: 'Challenges', exact: true })).first().click({ timeout: 45_000 });
  const owner = a.getByLabel(/^Owner of “/).first();
  await owner.pressSequentially('Pat'); // the async picker searches on input
  await expect(a.getByRole('option', { name: 'Pat Project-Admin' })).toBeVisible();
  await page.keyboard.press('Enter');
  await a.getByRole('button', { name: 'Save challenge register' }).click();
  await expect(a.getByText(/saved/i).first()).toBeVisible();

  await page.goto(projectPageUrl('gap-report'));
  const panel = a.getByRole('region', { name: 'Gap report', exact: true });
  await panel.getByRole('button', { name: 'Preview', exact: true }).click({ timeout: 45_000 });
  const preview = panel.getByLabel('Report preview');
  await expect(preview).toContainText('owner Pat Project-Admin', { timeout: 45_000 });
  await expect(preview).not.toContainText(ADMIN);
});

test('point 8: the bulk clause picker finds a clause by its suggestion vocabulary ("KPI", "known error", "SLA"), and Enter picks the highlighted option and shows it', async ({ page }) => {
  await page.goto(projectPageUrl('clause-mapping'));
  const a = projectApp(page);
  const picker = a.getByLabel('Clause to add');
  await expect(picker).toBeVisible({ timeout: 45_000 });
  const options = a.getByRole('option');
  /** The option the keyboard has highlighted (react-select points the input's aria-activedescendant at it). */
  const highlighted = async (): Promise<string> => {
    const id = await picker.getAttribute('aria-activedescendant');
    expect(id).toBeTruthy();
    return (await a.locator(`[id="${id}"]`).textContent()) ?? '';
  };
  const search = async (term: string): Promise<void> => {
    await picker.press('Control+a');
    await picker.press('Backspace');
    await picker.pressSequentially(term);
  };
  const form = a.getByRole('group', { name: 'Which issues' });
  await picker.click();
  // Several searches, as a person types them: each finds its clause through the vocabulary, and "SLA" no longer
  // finds 5.2.2 through "translate" (Enter after "SLA" once picked 5.2.2).
  for (const [term, option] of [
    ['KPI', /^9\.1 Monitoring, measurement, analysis and evaluation/],
    ['known error', /^8\.6\.3 Problem management/],
    ['SLA', /^8\.3\.3 Service level management/],
  ] as const) {
    await search(term);
    await expect(a.getByRole('option', { name: option })).toBeVisible();
  }
  await expect(a.getByRole('option', { name: /^5\.2\.2 / })).toHaveCount(0);
  // Another search, arrow to an option that is not the first, Enter: the picker shows the highlighted one.
  await search('incident');
  await expect(options.first()).toHaveText(/^8\.6\.1 Incident management/);
  await page.keyboard.press('ArrowDown');
  const chosen = await highlighted();
  expect(chosen).toMatch(/^8\.6\.3 Problem management/);
  await page.keyboard.press('Enter');
  await expect(options).toHaveCount(0);
  await expect(form.getByText(chosen, { exact: true })).toBeVisible();
  // And again after the choice: "SLA", Enter on the first match.
  await search('SLA');
  await expect(options.first()).toHaveText(/^8\.3\.3 Service level management/);
  const first = await highlighted();
  await page.keyboard.press('Enter');
  await expect(options).toHaveCount(0);
  await expect(form.getByText(first, { exact: true })).toBeVisible();
  await expect(form.getByText(chosen, { exact: true })).toHaveCount(0);
});

test('point 9: the issue page has one primary button: the panel\'s best Accept, not the glance\'s "Open the clause view"', async ({ page }) => {
  await page.goto('/browse/SMS-186');
  await page.locator('details.app-context summary').click();
  const glanceButton = page.frameLocator('details.app-context iframe').getByRole('button', { name: 'Open the clause view' });
  await expect(glanceButton).toBeVisible({ timeout: 45_000 });
  const accepts = page.frameLocator('section.app-panel iframe').getByRole('button', { name: /^Accept / });
  await expect(accepts.first()).toBeVisible({ timeout: 45_000 });
  const background = (l: typeof glanceButton) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
  const primary = await background(accepts.first());
  expect(await background(glanceButton)).not.toBe(primary);
  expect(await background(accepts.nth(1))).not.toBe(primary);
});

test('point 4: Initiation shows one section at a time with its own Save (not four Save buttons down one long page)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(projectPageUrl('initiation'));
  const a = projectApp(page);
  const sections = a.getByRole('navigation', { name: 'Initiation sections' });
  await expect(sections).toBeVisible({ timeout: 45_000 });
  const saves = a.getByRole('button', { name: /^Save / });
  await expect(saves).toHaveCount(1);
  await expect(saves).toHaveText('Save business case');
  await sections.getByRole('button', { name: 'Challenges' }).click();
  await expect(saves).toHaveCount(1);
  await expect(saves).toHaveText('Save challenge register');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(3000);
});
