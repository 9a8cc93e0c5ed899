/**
 * Dates in the pages the app publishes (gap report, business case, review pack, audit issues). A page is read by
 * many people in many locales, so a date is written out in words with its month named ("3 December 2026"), never
 * as 12/03 or 03/12, and a time carries its zone. Page titles keep ISO days (2026-12-03) so that they sort.
 * The app's own screens use the viewer's locale and time zone instead (static/src/format/dates.ts).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const parse = (iso: string): Date | null => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

const dayOf = (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** "3 December 2026" for an ISO date or timestamp (the UTC day), or null when it is not a date. */
export function pageDay(iso: string): string | null {
  const d = parse(iso);
  return d === null ? null : dayOf(d);
}

/** "3 December 2026, 14:05 UTC" for an ISO timestamp, or null when it is not one. */
export function pageDateTime(iso: string): string | null {
  const d = parse(iso);
  if (d === null) return null;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${dayOf(d)}, ${hh}:${mm} UTC`;
}
