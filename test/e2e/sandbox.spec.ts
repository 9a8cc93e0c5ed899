import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { invokeAsAdmin, projectApp, projectPageUrl, projectSidebar, shot } from './support';

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

  // Pickers with human labels: the space by name (typing its key in lower case finds it), the parent page by
  // title, the epic type and the editor role by name.
  const spaceField = app.getByLabel('Confluence space', { exact: true });
  await spaceField.pressSequentially('sms');
  await app.getByRole('option', { name: 'Service Management System (SMS)' }).click();
  const parent = app.getByLabel('Parent page', { exact: true });
  await expect(parent).toBeEnabled();
  await parent.click();
  await app.getByRole('option', { name: 'Service Management System Home (home page)' }).click();
  await expect(app.getByText("The project's epic type (Epic)")).toBeVisible();
  const role = app.getByLabel('Editor project role', { exact: true });
  await expect(app.getByText('No editor role: only project administrators')).toBeVisible();
  // Keyboard: the role picker takes focus and the arrow keys choose (roles are sorted by name).
  await role.focus();
  await role.press('ArrowDown');
  await app.getByRole('option', { name: 'Administrators', exact: true }).click();
  await app.getByRole('button', { name: 'Save settings' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

  await page.reload();
  app = settingsApp(page);
  const form = app.getByRole('form', { name: 'Project settings' });
  await expect(form.getByText('Service Management System (SMS)')).toBeVisible();
  await expect(form.getByText('Service Management System Home (home page)')).toBeVisible();
  await expect(form.getByText('Administrators', { exact: true })).toBeVisible();
  const stored = await invokeAsAdmin(page.request, 'getProjectSettings', {});
  expect(stored.data).toMatchObject({ confluenceSpaceKey: 'SMS', confluenceParentPageId: '65537', editorRoleId: '10002' });
  // Other specs share this sandbox and may have saved settings before: any version, saved by this user.
  await expect(app.getByText(/Version \d+, last saved .* by you/)).toBeVisible();
  await shot(page, 'settings-page-light');

  await switchUser(page, 'Mo Member (member)');
  app = settingsApp(page);
  await expect(app.getByText('Only project administrators can change these settings.')).toBeVisible();
  await expect(app.getByLabel('Confluence space', { exact: true })).toHaveValue('SMS');
  await expect(app.getByLabel('Confluence space', { exact: true })).not.toBeEditable();
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
  await expect(settingsApp(page).getByText('Service Management System (SMS)')).toBeVisible();
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
