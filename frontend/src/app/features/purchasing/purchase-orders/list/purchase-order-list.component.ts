import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  PAGINATION,
  PURCHASE_ORDER_SORT_FIELDS,
  PartnerKind,
  Permission,
  type PartnerDto,
  type PurchaseOrderSummaryDto,
} from '@depot/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { filterParams, injectTableList } from '../../../../shared/table/table-list';
import { CalendarDatePipe } from '../../../../shared/format/calendar-date.pipe';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { PartnersService } from '../../data-access/partners.service';
import { PURCHASE_ORDER_AGGREGATE, PurchaseOrdersService } from '../../data-access/purchase-orders.service';
import { PURCHASE_ORDER_STATUS_LABELS } from '../../data-access/purchasing-labels';
import { AUTOCOMPLETE_LIMIT, AutocompleteSearch, isPicked } from '../shared/autocomplete-search';
import { PurchaseOrderStatusChipComponent } from '../shared/purchase-order-status-chip.component';
import {
  PURCHASE_ORDER_DEFAULT_SORT,
  type PurchaseOrderListState,
  STATUS_FILTERS,
  type StatusFilter,
  hasPurchaseOrderFilters,
  parsePurchaseOrderListState,
  purchaseOrderListQueryParams,
  toPurchaseOrderListQuery,
} from './purchase-order-list-state';
import { CancelDraftsBulkActionsComponent } from '../../../../shared/bulk/cancel-drafts-bulk-actions.component';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

export const SEARCH_DEBOUNCE_MS = 300;
/** A burst of order events (a receipt changes lines and status) reloads the list once. */
export const LIVE_REFRESH_DEBOUNCE_MS = 500;

type SupplierOption = Pick<PartnerDto, 'id' | 'code' | 'name'>;

/** Purchase orders (`/purchase-orders`): filter by status, supplier and text, all kept in the URL. */
@Component({
  selector: 'app-purchase-order-list',
  imports: [
    SavedViewsComponent,
    CancelDraftsBulkActionsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatIconButton,
    MatAnchor,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
    MoneyPipe,
    DateTimePipe,
    CalendarDatePipe,
    PurchaseOrderStatusChipComponent,
    IconComponent,
  ],
  templateUrl: './purchase-order-list.component.html',
  styleUrl: './purchase-order-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PurchaseOrderListComponent {
  readonly #orders = inject(PurchaseOrdersService);
  readonly #partners = inject(PartnersService);
  readonly #auth = inject(AuthService);
  readonly #destroyRef = inject(DestroyRef);

  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.PurchasingOrdersWrite));
  protected readonly canReadSuppliers = computed(() =>
    this.#auth.permissions().has(Permission.PurchasingSuppliersRead),
  );
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly list = injectTableList<PurchaseOrderSummaryDto>({
    sortFields: PURCHASE_ORDER_SORT_FIELDS,
    defaultSort: PURCHASE_ORDER_DEFAULT_SORT,
    fetch: (query, params) =>
      this.#orders.list({ ...query, ...toPurchaseOrderListQuery(parsePurchaseOrderListState(params)) }),
    rowId: (order) => order.id,
  });
  protected readonly state = computed(() => parsePurchaseOrderListState(this.list.params()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly filterCount = computed(
    () =>
      [this.state().q !== '', this.state().status !== 'all', this.state().supplierId !== null].filter(Boolean).length,
  );
  /** The selected order ids (for bulk actions). */
  readonly selectedIds = signal<string[]>([]);
  protected readonly orderLink = (order: PurchaseOrderSummaryDto): string[] => ['/purchase-orders', order.id];
  protected readonly orderLabel = (order: PurchaseOrderSummaryDto): string => order.number;
  protected readonly hasFilters = computed(() => hasPurchaseOrderFilters(this.state()));
  protected readonly search = new FormControl(this.state().q, { nonNullable: true });
  protected readonly supplier = new FormControl<SupplierOption | string | null>(null);
  protected readonly suppliers = new AutocompleteSearch<PartnerDto>(
    (q) =>
      this.#partners
        .list(PartnerKind.Supplier, { limit: AUTOCOMPLETE_LIMIT, sort: 'code', ...(q ? { q } : {}) })
        .pipe(map((page) => page.items)),
    this.#destroyRef,
  );
  protected readonly columns: readonly TableColumn<PurchaseOrderSummaryDto>[] = [
    { key: 'number', label: 'Number', sortField: 'number', hideable: false, card: 'title', nowrap: true },
    { key: 'supplier', label: 'Supplier' },
    { key: 'status', label: 'Status' },
    { key: 'expectedDate', label: 'Expected', sortField: 'expectedDate', nowrap: true },
    { key: 'total', label: 'Total', sortField: 'totalMinor', align: 'end', nowrap: true },
    { key: 'lineCount', label: 'Lines', value: (order) => order.lineCount, align: 'end', card: 'hidden' },
    {
      key: 'createdAt',
      label: 'Created',
      sortField: 'createdAt',
      sortStart: 'desc',
      hiddenByDefault: true,
      nowrap: true,
    },
  ];

  constructor() {
    effect(() => {
      const state = this.state();
      untracked(() => {
        if (this.search.value.trim() !== state.q) {
          this.search.setValue(state.q, { emitEvent: false });
        }
        this.#showSupplier(state.supplierId);
      });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.#navigate({ ...this.state(), q }));
    this.supplier.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      this.suppliers.search(value);
      // Emptying the box drops the filter; text that matches nothing picked leaves it as it was.
      if (value === '' && this.state().supplierId) {
        this.#navigate({ ...this.state(), supplierId: null });
      }
    });
    inject(RealtimeService)
      .changes({ aggregateType: PURCHASE_ORDER_AGGREGATE })
      .pipe(debounceTime(LIVE_REFRESH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.list.reload());
  }

  protected statusLabel(status: StatusFilter): string {
    return status === 'all' ? 'All' : PURCHASE_ORDER_STATUS_LABELS[status];
  }

  protected supplierLabel(value: SupplierOption | string | null): string {
    return isPicked(value) ? `${value.code} · ${value.name}` : (value ?? '');
  }

  protected onStatus(status: StatusFilter): void {
    this.#navigate({ ...this.state(), status });
  }

  protected onSupplierFocus(): void {
    this.suppliers.search(isPicked(this.supplier.value) ? '' : (this.supplier.value ?? ''));
  }

  protected onSupplierPicked(event: MatAutocompleteSelectedEvent): void {
    const picked = event.option.value as SupplierOption;
    this.#navigate({ ...this.state(), supplierId: picked.id });
  }

  protected clearSupplier(): void {
    this.supplier.setValue(null, { emitEvent: false });
    this.#navigate({ ...this.state(), supplierId: null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.supplier.setValue(null, { emitEvent: false });
    this.#navigate({ q: '', status: 'all', supplierId: null });
  }

  /** Shows the filtered supplier in the box (after a reload, only its id is in the URL). */
  #showSupplier(supplierId: string | null): void {
    const current = this.supplier.value;
    if (!supplierId) {
      if (isPicked(current)) {
        this.supplier.setValue(null, { emitEvent: false });
      }
      return;
    }
    if (isPicked(current) && current.id === supplierId) {
      return;
    }
    if (!this.canReadSuppliers()) {
      return;
    }
    this.#partners.get(PartnerKind.Supplier, supplierId).subscribe({
      next: (found) => {
        if (this.state().supplierId === found.id) {
          this.supplier.setValue(found, { emitEvent: false });
        }
      },
      error: () => undefined,
    });
  }

  #navigate(state: PurchaseOrderListState): void {
    this.list.setFilters(filterParams(['q', 'status', 'supplierId'], purchaseOrderListQueryParams(state)));
  }
}
