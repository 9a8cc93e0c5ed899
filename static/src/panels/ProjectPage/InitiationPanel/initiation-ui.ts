/** Helpers shared by the Initiation sections: tab links, number parsing and slugs. */
import type { AppLink, AppTabId } from '@contract/initiation';

const TAB_LABELS: Record<AppTabId, string> = {
  scope: 'Scope',
  maturity: 'Maturity',
  phases: 'Phases',
  'gap-report': 'Gap report',
  initiation: 'Initiation',
};

/** Selects a project-page tab by clicking it (the tab bar is in this same document), then scrolls to a section. */
export function openAppLink(link: Pick<AppLink, 'tabId' | 'section'>): void {
  const label = TAB_LABELS[link.tabId];
  const tab = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find((t) => t.textContent?.trim() === label);
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  if (link.section !== undefined) {
    const id = `initiation-${link.section}`;
    window.setTimeout(() => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
  }
}

/** '' -> null; otherwise a finite number or undefined (invalid). */
export function parseNumber(text: string): number | null | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return s === '' ? 'item' : s;
}

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const b = slug(base);
  if (!used.has(b)) return b;
  let n = 2;
  while (used.has(`${b}-${n}`)) n++;
  return `${b}-${n}`;
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
