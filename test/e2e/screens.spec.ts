import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { AXE_VIEWS, openAxeView } from '../../bench/axe-views';

// Issue 15, point 10 and the screenshots: every view (the nine project page views, the settings page, the issue
// panel and the opened issue glance) in light and dark mode at 1,280 and 1,440 px, kept under
// build/artifacts/screens/; on each view the headings start at h1 or h2 and skip no level (a DOM check and axe's
// `heading-order` rule), no native <select> or date input is left (point 3), and no text reads "1 versions", "(s)" or an ISO date instead of the one date format.

const SCREENS = path.resolve(__dirname, '..', '..', 'build', 'artifacts', 'screens');
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

test.describe.configure({ mode: 'serial' });

/** The heading levels of a frame's document, in order (only rendered headings). */
const headingLevels = (frame: Frame): Promise<{ level: number; text: string }[]> =>
  frame.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter((h) => (h as HTMLElement).offsetParent !== null || getComputedStyle(h).position === 'fixed')
      .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: (h.textContent ?? '').trim().slice(0, 60) })),
  );

/** Headings, plurals and dates of every app frame of the page, and axe's heading-order rule over the page. */
async function checkView(page: Page, name: string): Promise<void> {
  const frames = page.frames().filter((f) => f !== page.mainFrame() && f.url() !== 'about:blank');
  expect(frames.length, `${name}: the app's frames`).toBeGreaterThan(0);
  for (const frame of frames) {
    const levels = await headingLevels(frame);
    if (levels.length > 0) {
      expect(levels[0]?.level, `${name}: first heading "${levels[0]?.text}" in ${frame.url()}`).toBeLessThanOrEqual(2);
      const skips = levels.filter((h, i) => i > 0 && h.level > (levels[i - 1]?.level ?? 0) + 1).map((h) => `h${h.level} "${h.text}"`);
      expect(skips, `${name}: headings that skip a level`).toEqual([]);
    }
    // Point 3: Jira-native controls only (Atlaskit selects and date pickers), no native <select> or date input.
    expect(await frame.locator('select, input[type="date"]').count(), `${name}: native select or date field`).toBe(0);
    // Quoted names (a page or issue title such as “Management review 2026-12-02”) are names, not dates shown.
    const text = (await frame.evaluate(() => document.body.innerText)).replace(/“[^”]*”/g, '“…”');
    expect(text, `${name}: a count with the wrong plural`).not.toMatch(/(?<![\d.,])1 (versions|issues|clauses|items|epics|warnings|errors|changes|processes|findings|actions|days|units|rows|pages|KPIs)\b/);
    expect(text, `${name}: "(s)" instead of a plural`).not.toMatch(/\w\(s\)/);
    expect(text, `${name}: an ISO date instead of a formatted one`).not.toMatch(/(?<![\w-])\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?(?![\w-])/);
  }
  const axe = await new AxeBuilder({ page: page as never }).withRules(['heading-order']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const view of AXE_VIEWS) {
  test(`${view.name}: headings start at h1 or h2 and skip no level; counts are in words; screenshots light and dark at 1,280 and 1,440 px`, async ({ page, baseURL }) => {
    test.slow();
    mkdirSync(SCREENS, { recursive: true });
    for (const width of [1280, 1440]) {
      for (const mode of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await openAxeView(page as never, baseURL ?? '', view, mode, 1200);
        if (width === 1280 && mode === 'light') await checkView(page, view.name);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SCREENS, `${slug(view.name)}-${width}-${mode}.png`), fullPage: true });
      }
    }
  });
}
