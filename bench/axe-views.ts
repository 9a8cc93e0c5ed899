/**
 * Accessibility of every view of the app with axe-core (through @axe-core/playwright): the project page
 * views, the settings page, an issue with the clause panel and the opened issue context glance, each in light
 * and dark mode. Shared by the browser test (test/e2e/first-hour-views.spec.ts, which asserts none) and the
 * bench line `ui.axe.serious` (bench/ui.bench.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The views, by URL path on the sandbox, and the text that says the app's view has rendered. */
export const AXE_VIEWS: readonly { name: string; path: string; ready: string; frame?: string; openGlance?: boolean }[] = [
  ...(
    [
      ['Initiation', 'initiation'],
      ['Scope', 'scope'],
      ['Maturity', 'maturity'],
      ['Phases', 'phases'],
      ['Clause mapping', 'clause-mapping'],
      ['Gap report', 'gap-report'],
      ['Evaluation', 'evaluation'],
      ['Audit', 'audit'],
      ['Management review', 'management-review'],
    ] as const
  ).map(([name, route]) => ({
    name,
    path: `/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0/${route}`,
    ready: name,
  })),
  { name: 'Settings', path: '/plugins/servlet/project-config/SMS/apps/sms-navigator', ready: 'SMS Navigator settings' },
  { name: 'Issue view', path: '/browse/SMS-186', ready: 'Mapped clauses', frame: 'section.app-panel iframe', openGlance: true },
];

export interface AxeFinding {
  view: string;
  mode: 'light' | 'dark';
  id: string;
  impact: string;
  nodes: number;
  help: string;
  /** The first offending node's selector, to find it. */
  target: string;
}

/** Opens one view as the project admin in `mode` and waits until it has rendered (the glance opened, charts settled). */
export async function openAxeView(page: Page, baseUrl: string, view: (typeof AXE_VIEWS)[number], mode: 'light' | 'dark', settleMs = 500): Promise<void> {
  await page.context().addCookies([
    { name: 'sandbox-theme', value: mode, url: baseUrl },
    { name: 'sandbox-user', value: encodeURIComponent('557058:sandbox-project-admin'), url: baseUrl },
  ]);
  await page.goto(`${baseUrl}${view.path}`);
  const frame = page.frameLocator(view.frame ?? 'iframe.app-frame').first();
  await frame.getByText(view.ready, { exact: true }).first().waitFor({ state: 'visible', timeout: 45_000 });
  if (view.openGlance === true) {
    await page.locator('details.app-context summary').first().click();
    await page.frameLocator('details.app-context iframe').getByRole('button', { name: 'Open the clause view' }).waitFor({ timeout: 30_000 });
  }
  // Let lazy charts and tooltips settle.
  await page.waitForTimeout(settleMs);
}

/** Serious and critical axe violations on one view (host page and the app's frames), after it has rendered. */
export async function axeView(page: Page, baseUrl: string, view: (typeof AXE_VIEWS)[number], mode: 'light' | 'dark'): Promise<AxeFinding[]> {
  await openAxeView(page, baseUrl, view, mode);
  const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ view: view.name, mode, id: v.id, impact: v.impact ?? '', nodes: v.nodes.length, help: v.help, target: String(v.nodes[0]?.target.join(' ') ?? '') }));
}
