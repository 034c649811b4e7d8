import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  PAGINATION,
  Permission,
  SALES_ORDER_SORT_FIELDS,
  SALES_ORDER_STATUSES,
  type PartnerDto,
  type SalesOrderStatus,
  type SalesOrderSummaryDto,
} from '@depot/contracts';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { filterParams, injectTableList } from '../../../../shared/table/table-list';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { CustomersLookupService } from '../../data-access/customers-lookup.service';
import { SALES_ORDER_STATUS_LABELS, orderStatusLabel, orderStatusTone } from '../../data-access/sales-labels';
import { SALES_ORDER_AGGREGATE, SalesOrdersService } from '../../data-access/sales-orders.service';
import {
  EMPTY_ORDER_FILTERS,
  ORDER_DEFAULT_SORT,
  type SalesOrderFilters,
  parseOrderFilters,
  sameOrderFilters,
  toOrderApiQuery,
  toOrderQueryParams,
} from './sales-order-list-state';
import { CancelDraftsBulkActionsComponent } from '../../../../shared/bulk/cancel-drafts-bulk-actions.component';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

const FILTER_DEBOUNCE_MS = 300;

/**
 * Sales orders (`/sales-orders`) on the shared data table, newest first: search, status and customer
 * filters in the URL, and a note when orders change elsewhere.
 */
@Component({
  selector: 'app-sales-order-list',
  imports: [
    SavedViewsComponent,
    CancelDraftsBulkActionsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatButton,
    MatAnchor,
    DateTimePipe,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './sales-order-list.component.html',
  styleUrl: './sales-order-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SalesOrderListComponent {
  readonly #orders = inject(SalesOrdersService);
  readonly #customers = inject(CustomersLookupService);
  readonly #auth = inject(AuthService);

  protected readonly columns: readonly TableColumn<SalesOrderSummaryDto>[] = [
    { key: 'number', label: 'Number', sortField: 'number', hideable: false, card: 'title', nowrap: true },
    { key: 'customer', label: 'Customer' },
    { key: 'status', label: 'Status' },
    { key: 'total', label: 'Total', sortField: 'totalMinor', align: 'end', nowrap: true },
    { key: 'createdAt', label: 'Created', sortField: 'createdAt', sortStart: 'desc', nowrap: true },
  ];
  protected readonly orderLink = (order: SalesOrderSummaryDto): string[] => ['/sales-orders', order.id];
  protected readonly orderLabel = (order: SalesOrderSummaryDto): string => order.number;
  /** The selected order ids (for bulk actions). */
  readonly selectedIds = signal<string[]>([]);
  protected readonly statuses = SALES_ORDER_STATUSES.map((status) => ({
    status,
    label: SALES_ORDER_STATUS_LABELS[status],
  }));
  protected readonly statusLabel = orderStatusLabel;
  protected readonly statusTone = orderStatusTone;
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.SalesOrdersWrite));
  protected readonly list = injectTableList<SalesOrderSummaryDto>({
    sortFields: SALES_ORDER_SORT_FIELDS,
    defaultSort: ORDER_DEFAULT_SORT,
    fetch: (query, params) => this.#orders.list({ ...query, ...toOrderApiQuery(parseOrderFilters(params)) }),
    rowId: (order) => order.id,
  });
  protected readonly state = computed(() => parseOrderFilters(this.list.params()), { equal: sameOrderFilters });
  protected readonly hasFilters = computed(() => !sameOrderFilters(this.state(), EMPTY_ORDER_FILTERS));
  protected readonly filterCount = computed(() => Object.values(this.state()).filter((value) => value !== '').length);
  /** Orders changed since the list was loaded: offer to show them rather than jump. */
  protected readonly changed = signal(false);

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    status: new FormControl<SalesOrderStatus | ''>('', { nonNullable: true }),
  });
  /** The customer filter: a picked customer, or the text being typed. */
  protected readonly customer = new FormControl<Pick<PartnerDto, 'id' | 'code' | 'name'> | string>('', {
    nonNullable: true,
  });
  protected readonly customerOptions = signal<PartnerDto[]>([]);
  protected readonly customerDisplay = (value: Pick<PartnerDto, 'code' | 'name'> | string | null): string =>
    !value ? '' : typeof value === 'string' ? value : `${value.code} · ${value.name}`;

  constructor() {
    // The URL changed (a filter, back/forward): show it in the form without filtering again.
    effect(() => {
      const filters = this.state();
      untracked(() => {
        this.filters.setValue({ q: filters.q, status: filters.status }, { emitEvent: false });
        this.#showCustomer(filters.customerId);
        this.changed.set(false);
      });
    });

    this.filters.valueChanges.pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed()).subscribe(() => {
      const raw = this.filters.getRawValue();
      const next: SalesOrderFilters = { ...this.state(), q: raw.q.trim(), status: raw.status };
      if (!sameOrderFilters(next, this.state())) {
        this.#navigate(next);
      }
    });

    this.customer.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        debounceTime(FILTER_DEBOUNCE_MS),
        map((q) => q.trim()),
        distinctUntilChanged(),
        switchMap((q) => this.#customers.search(q).pipe(catchError(() => of<PartnerDto[]>([])))),
        takeUntilDestroyed(),
      )
      .subscribe((customers) => this.customerOptions.set(customers));

    inject(RealtimeService)
      .changes({ aggregateType: SALES_ORDER_AGGREGATE })
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.changed.set(true));
  }

  protected onCustomerSelected(event: MatAutocompleteSelectedEvent): void {
    const customer = event.option.value as PartnerDto;
    this.#navigate({ ...this.state(), customerId: customer.id });
  }

  protected clearCustomer(): void {
    this.customer.setValue('');
    this.#navigate({ ...this.state(), customerId: '' });
  }

  protected showChanges(): void {
    this.changed.set(false);
    this.list.reload();
  }

  protected clearFilters(): void {
    this.customer.setValue('', { emitEvent: false });
    this.#navigate(EMPTY_ORDER_FILTERS);
  }

  /** Shows the customer of a filter read from the URL by its code and name. */
  #showCustomer(customerId: string): void {
    const current = this.customer.value;
    if (!customerId) {
      if (typeof current !== 'string') {
        this.customer.setValue('', { emitEvent: false });
      }
      return;
    }
    if (typeof current !== 'string' && current.id === customerId) {
      return;
    }
    this.#customers.get(customerId).subscribe({
      next: (customer) => this.customer.setValue(customer, { emitEvent: false }),
      error: () => this.customer.setValue({ id: customerId, code: 'Customer', name: customerId }, { emitEvent: false }),
    });
  }

  #navigate(filters: SalesOrderFilters): void {
    this.list.setFilters(filterParams(['q', 'status', 'customerId'], toOrderQueryParams(filters)));
  }
}
