import { Pipe, type PipeTransform } from '@angular/core';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an ISO-8601 timestamp with the browser's `Intl` ("Mar 4, 2026, 14:05"). Lighter than
 * Angular's DatePipe, which would bring its own locale data into the initial bundle.
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, style: 'short' | 'medium' = 'short', locale = 'en-US'): string {
    if (!value) {
      return '';
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    const key = `${locale}|${style}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: style === 'short' ? 'short' : 'medium',
        hourCycle: 'h23',
      });
      formats.set(key, format);
    }
    return format.format(date);
  }
}
