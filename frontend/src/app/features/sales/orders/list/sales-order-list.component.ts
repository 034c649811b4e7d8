import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
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
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  PAGINATION,
  Permission,
  SALES_ORDER_STATUSES,
  type PartnerDto,
  type SalesOrderStatus,
  type SalesOrderSummaryDto,
} from '@depot/contracts';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage } from '../../../../shared/http/problem-details';
import { LoadMoreList } from '../../../../shared/list/load-more-list';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { CustomersLookupService } from '../../data-access/customers-lookup.service';
import { SALES_ORDER_STATUS_LABELS, orderStatusLabel, orderStatusTone } from '../../data-access/sales-labels';
import { SALES_ORDER_AGGREGATE, SalesOrdersService } from '../../data-access/sales-orders.service';
import {
  EMPTY_ORDER_FILTERS,
  type SalesOrderFilters,
  parseOrderFilters,
  sameOrderFilters,
  toOrderApiQuery,
  toOrderQueryParams,
} from './sales-order-list-state';

const FILTER_DEBOUNCE_MS = 300;

/**
 * Sales orders (`/sales-orders`), newest first: search, status and customer filters in the URL,
 * "Load more", and a note when orders change elsewhere.
 */
@Component({
  selector: 'app-sales-order-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
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
    MatProgressBar,
    DateTimePipe,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './sales-order-list.component.html',
  styleUrl: './sales-order-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SalesOrderListComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #orders = inject(SalesOrdersService);
  readonly #customers = inject(CustomersLookupService);
  readonly #auth = inject(AuthService);

  protected readonly columns = ['number', 'customer', 'status', 'total', 'createdAt'];
  protected readonly statuses = SALES_ORDER_STATUSES.map((status) => ({
    status,
    label: SALES_ORDER_STATUS_LABELS[status],
  }));
  protected readonly statusLabel = orderStatusLabel;
  protected readonly statusTone = orderStatusTone;
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.SalesOrdersWrite));
  protected readonly list = new LoadMoreList<SalesOrderSummaryDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.list.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly state = toSignal(this.#route.queryParamMap.pipe(map(parseOrderFilters)), {
    requireSync: true,
  });
  protected readonly hasFilters = computed(() => !sameOrderFilters(this.state(), EMPTY_ORDER_FILTERS));
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
    this.#route.queryParamMap
      .pipe(map(parseOrderFilters), distinctUntilChanged(sameOrderFilters), takeUntilDestroyed())
      .subscribe((filters) => {
        this.filters.setValue({ q: filters.q, status: filters.status }, { emitEvent: false });
        this.#showCustomer(filters.customerId);
        this.changed.set(false);
        const query = toOrderApiQuery(filters);
        this.list.load((cursor) => this.#orders.list(cursor ? { ...query, cursor } : query));
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
    this.list.refresh();
  }

  protected clearFilters(): void {
    this.customer.setValue('', { emitEvent: false });
    this.#navigate(EMPTY_ORDER_FILTERS);
  }

  protected openRow(event: MouseEvent, order: SalesOrderSummaryDto): void {
    // The number link navigates by itself (and supports ctrl/middle click); don't do it twice.
    if (event.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.#router.navigate(['/sales-orders', order.id]);
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
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: toOrderQueryParams(filters) });
  }
}
