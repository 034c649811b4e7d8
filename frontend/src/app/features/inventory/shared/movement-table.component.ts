import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { StockMovementDto } from '@depot/contracts';

import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { SavedViewsComponent } from '../../../shared/saved-views/saved-views.component';
import { DataTableComponent } from '../../../shared/table/data-table.component';
import { TableCellDirective } from '../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../shared/table/table-column';
import type { TableList } from '../../../shared/table/table-list';
import { movementActor, movementTypeLabel, reasonLabel, signedQuantity } from '../data-access/inventory-labels';

/** Ledger lines on the shared data table (the ledger of all products, or one product's tab). */
@Component({
  selector: 'app-movement-table',
  imports: [RouterLink, DateTimePipe, DataTableComponent, TableCellDirective, SavedViewsComponent],
  template: `
    <app-data-table
      [list]="list()"
      rowClass="movement-row"
      [columns]="columns()"
      [label]="label()"
      [filtered]="filtered()"
      emptyText="No stock movements yet."
      emptyFilteredText="No movements match the filters."
    >
      @if (savedViewsKey(); as key) {
        <app-saved-views depotTableToolbar [listKey]="key" />
      }
      <ng-template appCell="occurredAt" let-m>
        <time [attr.datetime]="m.occurredAt">{{ m.occurredAt | dateTime: 'medium' }}</time>
      </ng-template>
      <ng-template appCell="product" let-m>
        <a class="row-link" [routerLink]="['/products', m.productId]">{{ m.sku }}</a>
        <span class="sub">{{ m.productName }}</span>
      </ng-template>
      <ng-template appCell="change" let-m>
        <span class="change" [class.in]="m.onHandChange > 0" [class.out]="m.onHandChange < 0">{{
          signed(m.onHandChange)
        }}</span>
        @if (m.reservedChange !== 0) {
          <span class="sub">reserved {{ signed(m.reservedChange) }}</span>
        }
      </ng-template>
    </app-data-table>
  `,
  styles: `
    :host {
      display: block;
    }
    .change {
      font-weight: 500;
    }
    .change.in {
      color: var(--mat-sys-primary);
    }
    .change.out {
      color: var(--mat-sys-error);
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .row-link {
      color: var(--mat-sys-primary);
      font-weight: 500;
      text-decoration: none;
      /* SKUs are up to 64 characters without spaces: let a long one wrap rather than push the
         table wider than the page. */
      overflow-wrap: anywhere;
      &:hover,
      &:focus-visible {
        text-decoration: underline;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MovementTableComponent {
  readonly list = input.required<TableList<StockMovementDto>>();
  /** Adds the product column (the ledger of all products). */
  readonly showProduct = input(false);
  readonly label = input('Stock movements');
  readonly filtered = input(false);
  /** Shows the saved-views menu for this list key (the ledger page; not on a product's tab). */
  readonly savedViewsKey = input<string | null>(null);

  protected readonly signed = signedQuantity;

  protected readonly columns = computed((): TableColumn<StockMovementDto>[] => [
    {
      key: 'occurredAt',
      label: 'Time',
      sortField: 'occurredAt',
      sortStart: 'desc',
      nowrap: true,
      hideable: false,
      card: 'title',
    },
    ...(this.showProduct() ? [{ key: 'product', label: 'Product', hideable: false }] : []),
    { key: 'type', label: 'Type', value: (m) => movementTypeLabel(m.type), nowrap: true },
    { key: 'change', label: 'Change', align: 'end', nowrap: true },
    { key: 'onHandAfter', label: 'On hand after', value: (m) => m.onHandAfter, align: 'end', nowrap: true },
    { key: 'warehouse', label: 'Warehouse', value: (m) => m.warehouseCode, nowrap: true },
    { key: 'reason', label: 'Reason', value: (m) => reasonLabel(m.reasonCode) },
    { key: 'note', label: 'Note', value: (m) => m.note ?? '', card: 'hidden' },
    { key: 'actor', label: 'By', value: (m) => movementActor(m), card: 'hidden' },
  ]);
}
