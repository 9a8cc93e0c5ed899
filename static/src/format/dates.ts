/**
 * The one date/time formatter of the UI: every date the app shows goes through `formatDateTime` or `formatDate`,
 * in the user's locale and time zone from the Forge view context (`view.getContext()` gives `locale` and
 * `timezone`; App.tsx hands them over once, before the first view renders).
 */
let requested: { locale?: string | undefined; timeZone?: string | undefined } = {};
let checked: { locale: string | undefined; timeZone: string | undefined } | undefined;

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validLocale(l: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([l.replace('_', '-')]).length > 0;
  } catch {
    return false;
  }
}

/**
 * Sets the user's locale (e.g. "en-US" or Jira's "en_US") and IANA time zone; unknown values are ignored. They are
 * checked when the first date is formatted, not here: the first Intl call of a fresh frame loads the locale data
 * (tens of milliseconds), which a view that shows no date (the issue panel) should not wait for.
 */
export function setUserLocale(userLocale: string | undefined, userTimeZone: string | undefined): void {
  requested = { locale: userLocale, timeZone: userTimeZone };
  checked = undefined;
}

function userLocale(): { locale: string | undefined; timeZone: string | undefined } {
  checked ??= {
    locale: requested.locale !== undefined && validLocale(requested.locale) ? requested.locale.replace('_', '-') : undefined,
    timeZone: requested.timeZone !== undefined && validTimeZone(requested.timeZone) ? requested.timeZone : undefined,
  };
  return checked;
}

/** A calendar day ("2026-12-02", as date pickers store it): a day, not an instant, so no time zone moves it. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function format(iso: string | null | undefined, options: Intl.DateTimeFormatOptions): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const { locale, timeZone } = userLocale();
  const zone = CALENDAR_DAY.test(iso) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(locale, { ...options, ...(zone !== undefined ? { timeZone: zone } : {}) }).format(d);
}

/** "Dec 2, 2026, 12:30 PM" in the user's locale and time zone. */
export const formatDateTime = (iso: string | null | undefined): string =>
  format(iso, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Dec 2, 2026" in the user's locale and time zone (a calendar day "2026-12-02" stays that day everywhere). */
export const formatDate = (iso: string | null | undefined): string => format(iso, { year: 'numeric', month: 'short', day: 'numeric' });

/** "Dec 2, 2026, 12:30:05 PM": to the second, for instants that share a minute. */
export const formatDateTimeToSecond = (iso: string | null | undefined): string =>
  format(iso, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * One label per instant of a series (e.g. a chart axis), each told apart from the others: the day when every
 * instant has its own day, else the day and time, else to the second, numbered when even that repeats (a chart
 * merges equal labels into one tick).
 */
export function distinctDateLabels(isos: readonly string[]): string[] {
  for (const f of [formatDate, formatDateTime]) {
    const labels = isos.map(f);
    if (new Set(labels).size === labels.length) return labels;
  }
  // Instants within one second (two publishes in a row) keep the second and are numbered in order: "… (2)".
  const seen = new Map<string, number>();
  return isos.map((iso) => {
    const label = formatDateTimeToSecond(iso);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}
