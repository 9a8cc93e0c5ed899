import { pageDateTime, pageDay } from '../../src/domain/page-dates';

describe('dates in published pages', () => {
  it('writes the UTC day with its month in words, whatever the time of day', () => {
    expect(pageDay('2026-12-03')).toBe('3 December 2026');
    expect(pageDay('2026-01-31T23:59:59Z')).toBe('31 January 2026');
    expect(pageDay('2026-07-01T00:30:00+02:00')).toBe('30 June 2026');
  });

  it('writes a time with its zone', () => {
    expect(pageDateTime('2026-11-26T12:00:00Z')).toBe('26 November 2026, 12:00 UTC');
    expect(pageDateTime('2026-03-05T07:04:00.123Z')).toBe('5 March 2026, 07:04 UTC');
  });

  it('answers null for what is not a date, so the caller chooses the fallback', () => {
    expect(pageDay('not a date')).toBeNull();
    expect(pageDateTime('')).toBeNull();
  });
});
