const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date ("2026-03-04", no time zone: an invoice's due date, a purchase order's expected
 * date) as "Mar 4, 2026", the way the `dateTime` pipe shows the date of a timestamp. Read and shown
 * in UTC, so the day never shifts with the user's time zone (`new Date('2027-01-02')` is midnight
 * UTC, which a local-time format would show as Jan 1 west of Greenwich).
 */
export function formatCalendarDate(value: string | null | undefined, locale = 'en-US'): string {
  if (!value) {
    return '';
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
