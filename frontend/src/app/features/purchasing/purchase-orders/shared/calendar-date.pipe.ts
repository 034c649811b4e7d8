import { Pipe, type PipeTransform } from '@angular/core';

import { formatCalendarDate } from '../../data-access/purchasing-labels';

/** `{{ order.expectedDate | calendarDate }}` -> "Mar 4, 2026". */
@Pipe({ name: 'calendarDate' })
export class CalendarDatePipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatCalendarDate(value);
  }
}
