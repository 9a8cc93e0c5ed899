import { distinctDateLabels, formatDate, formatDateTime, setUserLocale } from '../../static/src/format/dates';

// The UI's one date/time formatter: the user's locale and time zone from the Forge context (App.tsx sets them
// once), Jira's "en_US" form accepted, unknown values ignored, empty and unparsable input handled.
describe('the date/time formatter', () => {
  afterEach(() => setUserLocale(undefined, undefined));
  const noon = '2026-12-02T12:30:00Z';

  it('writes a date and time in the given locale and time zone', () => {
    setUserLocale('en-US', 'UTC');
    expect(formatDateTime(noon)).toBe('Dec 2, 2026, 12:30 PM');
    expect(formatDate(noon)).toBe('Dec 2, 2026');
    setUserLocale('de-DE', 'Europe/Berlin');
    expect(formatDateTime(noon)).toBe('2. Dez. 2026, 13:30');
    expect(formatDate(noon)).toBe('2. Dez. 2026');
  });

  it('moves the date with the time zone: late evening UTC is the next day in Tokyo', () => {
    setUserLocale('en-GB', 'Asia/Tokyo');
    expect(formatDate('2026-12-02T20:00:00Z')).toBe('3 Dec 2026');
    setUserLocale('en-GB', 'America/Los_Angeles');
    expect(formatDate('2026-12-02T05:00:00Z')).toBe('1 Dec 2026');
  });

  it("accepts Jira's underscore locale and ignores an unknown time zone or locale", () => {
    setUserLocale('en_GB', 'UTC');
    expect(formatDate(noon)).toBe('2 Dec 2026');
    setUserLocale('en-US', 'Not/A_Zone');
    expect(() => formatDateTime(noon)).not.toThrow();
    expect(formatDateTime(noon)).toContain('2026');
    setUserLocale('zz-not-a-locale-!!', 'UTC');
    expect(formatDate(noon)).toContain('2026');
  });

  it('keeps a calendar day (a date picker value) on its day in every time zone', () => {
    setUserLocale('en-US', 'America/Los_Angeles');
    expect(formatDate('2026-12-02')).toBe('Dec 2, 2026');
    setUserLocale('en-GB', 'Pacific/Kiritimati');
    expect(formatDate('2026-12-02')).toBe('2 Dec 2026');
  });

  it('shows nothing for no date, and the text itself when it is not a date', () => {
    setUserLocale('en-US', 'UTC');
    expect(formatDateTime(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('soon')).toBe('soon');
  });

  it('labels a series of instants apart: the day, else day and time, else to the second', () => {
    setUserLocale('en-US', 'UTC');
    expect(distinctDateLabels(['2026-11-02T09:00:00Z', '2026-12-02T12:30:00Z'])).toEqual(['Nov 2, 2026', 'Dec 2, 2026']);
    expect(distinctDateLabels(['2026-12-02T09:00:00Z', '2026-12-02T12:30:00Z'])).toEqual(['Dec 2, 2026, 09:00 AM', 'Dec 2, 2026, 12:30 PM']);
    expect(distinctDateLabels(['2026-12-02T12:30:05Z', '2026-12-02T12:30:41Z'])).toEqual(['Dec 2, 2026, 12:30:05 PM', 'Dec 2, 2026, 12:30:41 PM']);
    expect(distinctDateLabels(['2026-12-02T12:30:05.100Z', '2026-12-02T12:30:05.900Z'])).toEqual(['Dec 2, 2026, 12:30:05 PM', 'Dec 2, 2026, 12:30:05 PM (2)']);
    expect(distinctDateLabels([])).toEqual([]);
  });

  it('checks the locale and time zone at the first date shown, not when the frame starts, and only once', () => {
    const supported = jest.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf');
    try {
      setUserLocale('en-GB', 'Asia/Tokyo');
      expect(supported).not.toHaveBeenCalled(); // a view that shows no date never loads the locale data
      expect(formatDate('2026-12-02T20:00:00Z')).toBe('3 Dec 2026');
      expect(formatDate('2026-12-02T05:00:00Z')).toBe('2 Dec 2026');
      expect(supported).toHaveBeenCalledTimes(1);
      setUserLocale('en-US', 'UTC'); // a new context is checked again
      expect(formatDate(noon)).toBe('Dec 2, 2026');
      expect(supported).toHaveBeenCalledTimes(2);
    } finally {
      supported.mockRestore();
    }
  });
});
