import { Directive, TemplateRef, inject, input } from '@angular/core';

/**
 * The cell template of one column: `<ng-template appCell="sku" let-row>…</ng-template>` inside a
 * `app-data-table`. Columns without one show their `value`.
 */
@Directive({ selector: 'ng-template[appCell]' })
export class TableCellDirective {
  readonly appCell = input.required<string>();
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * Extra content under a row, shown while its id is in the table's `expanded` input:
 * `<ng-template appRowDetail let-row>…</ng-template>`.
 */
@Directive({ selector: 'ng-template[appRowDetail]' })
export class TableRowDetailDirective {
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}
