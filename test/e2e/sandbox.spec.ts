import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { projectApp, projectPageUrl, projectSidebar, shot } from './support';

// Clicks through the three module pages and the Confluence page view of a freshly seeded sandbox, in light and
// dark, keeping a screenshot of each as a test artefact. Elements are found by role, label or title.

async function switchUser(page: Page, label: string): Promise<void> {
  await Promise.all([page.waitForURL(/.*/, { waitUntil: 'load' }), page.getByLabel('User').selectOption({ label })]);
  await expect(page.getByLabel('User')).toHaveValue(/sandbox-/);
  await expect(page.getByLabel('User').locator('option:checked')).toHaveText(label);
}

const settingsApp = (page: Page): FrameLocator => page.getByTitle('SMS Navigator settings').contentFrame();

test.describe.configure({ mode: 'serial' });

test('project page: opens on the first subpage with the user\'s access; the sidebar works from the keyboard', async ({ page }) => {
  test.slow(); // the first subpage (Initiation) is the largest view
  await page.goto('/');
  await expect(page).toHaveURL(projectPageUrl());
  const sidebar = projectSidebar(page);
  // The module URL opens the first subpage of the manifest (Initiation), marked current in the sidebar.
  await expect(sidebar.getByRole('link', { name: 'Initiation', exact: true })).toHaveAttribute('aria-current', 'page');
  const app = projectApp(page);
  await expect(app.getByRole('heading', { name: 'SMS Navigator', level: 1 })).toBeVisible();
  await expect(app.getByText('Project administrator')).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Initiation', level: 2, exact: true })).toBeVisible();
  await expect(app.getByRole('tab')).toHaveCount(0);

  // Every subpage by deep link and from the sidebar, back/forward and reload: routing.spec.ts.
  // Keyboard: a sidebar link takes focus and Enter opens its view; focus moves to the view's heading.
  await sidebar.getByRole('link', { name: 'Scope', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(projectPageUrl('scope'));
  await expect(app.getByRole('heading', { name: 'Scope', level: 2, exact: true })).toBeFocused();
  await shot(page, 'project-page-light');

  // router.navigate from inside the frame moves the host page, as in Jira.
  await app.getByRole('button', { name: 'Project settings' }).click();
  await expect(page).toHaveURL(/\/plugins\/servlet\/project-config\/SMS\/apps\/sms-navigator$/);
  await expect(settingsApp(page).getByRole('heading', { name: 'SMS Navigator settings' })).toBeVisible();
});

test('issue view: the ISO 20000 clauses panel frames the app for that issue', async ({ page }) => {
  await page.goto('/jira/software/projects/SMS/apps/sms-navigator');
  await page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: 'Issues' }).click();
  await expect(page.getByRole('heading', { name: 'Issues', level: 1 })).toBeVisible();
  const firstIssue = page.getByRole('table').getByRole('row').nth(1).getByRole('link');
  const issueKey = (await firstIssue.textContent())?.trim() ?? '';
  expect(issueKey).toMatch(/^SMS-\d+$/);
  await firstIssue.click();
  await expect(page).toHaveURL(new RegExp(`/browse/${issueKey}$`));
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  await expect(page.getByRole('heading', { name: 'Description' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'ISO 20000 clauses' });
  await expect(panel).toBeVisible();
  const app = panel.getByTitle('ISO 20000 clauses').contentFrame();
  await expect(app.getByText(issueKey, { exact: true })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'No clauses mapped' })).toBeVisible();
  await shot(page, 'issue-view-light');
});

test('settings page: saves, reads back after reload, refuses bad input, and is read-only for a member', async ({ page }) => {
  test.slow(); // validation, a save, a reload and two user switches
  await page.goto(projectPageUrl('scope'));
  await page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: 'Project settings' }).click();
  await expect(page).toHaveURL(/\/plugins\/servlet\/project-config\/SMS\/apps\/sms-navigator$/);
  let app = settingsApp(page);
  await expect(app.getByRole('heading', { name: 'SMS Navigator settings' })).toBeVisible();

  // An unknown space is named next to its field as soon as it is entered, and a save naming it is refused.
  await app.getByLabel('Confluence space key').fill('NOPE');
  await app.getByLabel('Confluence space key').press('Enter');
  await expect(app.getByTestId('settings-confluenceSpaceKey-error')).toContainText('There is no Confluence space with key NOPE');
  await expect(app.getByLabel('Parent page ID')).toBeDisabled();
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByRole('alert')).toContainText('Some values are not valid');
  await expect(app.getByRole('alert')).toContainText('Confluence space key: there is no Confluence space with key NOPE');
  await shot(page, 'settings-validation-error');

  // A known space lists its pages; the epic type and the editor role are chosen from the project's own.
  await app.getByLabel('Confluence space key').fill('SMS');
  await app.getByLabel('Confluence space key').press('Tab');
  await expect(app.getByTestId('settings-confluenceSpaceKey-error')).toHaveCount(0);
  const parent = app.getByLabel('Parent page ID');
  await expect(parent.locator('option', { hasText: 'Service Management System Home (home page)' })).toHaveCount(1);
  await parent.selectOption({ label: 'Service Management System Home (home page)' });
  await expect(app.getByLabel('Epic issue type ID').locator('option').first()).toHaveText("Use the project's epic type (Epic)");
  await expect(app.getByLabel('Epic issue type ID')).toHaveValue('');
  const role = app.getByLabel('Editor project role ID');
  await expect(role.locator('option').first()).toHaveText('No editor role: only project administrators');
  // Keyboard: the role select takes focus and the arrow keys choose (roles are sorted by name).
  await role.focus();
  await expect(role).toBeFocused();
  await role.press('ArrowDown');
  await expect(role.locator('option:checked')).toHaveText('Administrators');
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

  await page.reload();
  app = settingsApp(page);
  await expect(app.getByLabel('Confluence space key')).toHaveValue('SMS');
  await expect(app.getByLabel('Parent page ID')).toHaveValue('65537');
  await expect(app.getByLabel('Editor project role ID')).toHaveValue('10002');
  await expect(app.getByLabel('Editor project role ID').locator('option:checked')).toHaveText('Administrators');
  // Other specs share this sandbox and may have saved settings before: any version, saved by this user.
  await expect(app.getByText(/Version \d+, last saved .* by you/)).toBeVisible();
  await shot(page, 'settings-page-light');

  await switchUser(page, 'Mo Member (member)');
  app = settingsApp(page);
  await expect(app.getByText('Only project administrators can change these settings.')).toBeVisible();
  await expect(app.getByLabel('Confluence space key')).toHaveValue('SMS');
  await expect(app.getByLabel('Confluence space key')).not.toBeEditable();
  await expect(app.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await shot(page, 'settings-page-member-read-only');
  await switchUser(page, 'Pat Project-Admin (project admin)');
});

test('an outsider sees why the project page is closed to them', async ({ page }) => {
  await page.goto('/jira/software/projects/SMS/apps/sms-navigator');
  await switchUser(page, 'Olu Outsider (outsider)');
  await expect(projectApp(page).getByRole('heading', { name: 'You do not have permission' })).toBeVisible();
  await expect(projectApp(page).getByText('You do not have permission to browse project SMS.')).toBeVisible();
  await shot(page, 'project-page-outsider');
  await switchUser(page, 'Pat Project-Admin (project admin)');
});

test('Confluence: the SMS space home page renders as a page', async ({ page }) => {
  await page.goto('/jira/software/projects/SMS/apps/sms-navigator');
  await page.getByRole('navigation', { name: 'Products' }).getByRole('link', { name: 'Confluence' }).click();
  await expect(page).toHaveURL(/\/wiki\/spaces\/SMS\/pages\/\d+/);
  await expect(page.getByRole('heading').first()).toBeVisible();
  await shot(page, 'confluence-space-home');
});

test('dark theme: the host and every app frame switch together', async ({ page }) => {
  test.slow(); // four pages, three of them with an app frame
  await page.goto(projectPageUrl('scope'));
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  const app = projectApp(page);
  await expect(app.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await expect(app.getByRole('heading', { name: 'SMS Navigator', level: 1 })).toBeVisible();
  await shot(page, 'project-page-dark');

  // The choice is kept: the next page opens dark, its frame too.
  await page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: 'Project settings' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await expect(settingsApp(page).locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await expect(settingsApp(page).getByLabel('Confluence space key')).toHaveValue('SMS');
  await shot(page, 'settings-page-dark');

  await page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: /Back to project/ }).click();
  await page.getByRole('navigation', { name: 'Project navigation' }).getByRole('link', { name: 'Issues' }).click();
  await page.getByRole('table').getByRole('row').nth(1).getByRole('link').click();
  const panel = page.getByRole('region', { name: 'ISO 20000 clauses' }).getByTitle('ISO 20000 clauses').contentFrame();
  await expect(panel.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await expect(panel.getByRole('heading', { name: 'No clauses mapped' })).toBeVisible();
  await shot(page, 'issue-view-dark');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'light');
  await expect(panel.locator('html')).toHaveAttribute('data-color-mode', 'light');
});
