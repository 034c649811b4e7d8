import { formatCalendarDate } from './calendar-date';

describe('formatCalendarDate', () => {
  it('writes a date-only value in words, like the dates of timestamps', () => {
    expect(formatCalendarDate('2027-01-02')).toBe('Jan 2, 2027');
    expect(formatCalendarDate('2026-12-31')).toBe('Dec 31, 2026');
  });

  it('names the day it was given, whatever time zone the browser is in', () => {
    // Read in UTC: in a time zone west of Greenwich, local midnight reading would say Jan 1.
    const resolved = jest.spyOn(Intl, 'DateTimeFormat');
    formatCalendarDate('2027-01-02', 'en-GB');
    expect(resolved).toHaveBeenCalledWith('en-GB', expect.objectContaining({ timeZone: 'UTC' }));
    expect(formatCalendarDate('2027-01-02', 'en-GB')).toBe('2 Jan 2027');
  });

  it('shows nothing for no value or a value that is not a date', () => {
    expect(formatCalendarDate(null)).toBe('');
    expect(formatCalendarDate(undefined)).toBe('');
    expect(formatCalendarDate('')).toBe('');
    expect(formatCalendarDate('not a date')).toBe('');
  });
});
