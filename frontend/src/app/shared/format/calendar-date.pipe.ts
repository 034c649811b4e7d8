import { Pipe, type PipeTransform } from '@angular/core';

import { formatCalendarDate } from './calendar-date';

/** `{{ invoice.dueDate | calendarDate }}` -> "Jan 2, 2027" (a date without time, never shifted a day). */
@Pipe({ name: 'calendarDate' })
export class CalendarDatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatCalendarDate(value);
  }
}
