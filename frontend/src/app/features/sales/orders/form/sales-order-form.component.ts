import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CURRENCIES,
  ErrorCode,
  ORDER_LIMITS,
  ProductStatus,
  SalesOrderStatus,
  type AvailabilityDto,
  type PartnerDto,
  type ProblemDetails,
  type ProductDto,
  type SalesOrderDto,
  type WarehouseDto,
  TaxTreatment,
  defaultTaxRateBps,
  type TaxRateDto,
} from '@depot/contracts';
import {
  type Observable,
  Subject,
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';

import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { applyServerErrors, serverError } from '../../../../shared/forms/server-errors';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { formatMinorAsMajor } from '../../../../shared/money/money';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { ProductsService } from '../../../catalog/products/data-access/products.service';
import { STOCK_AGGREGATE } from '../../../inventory/data-access/stock.service';
import { WarehousesService } from '../../../inventory/data-access/warehouses.service';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { CustomersLookupService, SUGGESTION_LIMIT } from '../../data-access/customers-lookup.service';
import { TaxRatesService } from '../../../../shared/company/tax-rates.service';
import { formatBpsAsPercent } from '../../data-access/percent';
import { orderStatusLabel } from '../../data-access/sales-labels';
import { SalesOrdersService } from '../../data-access/sales-orders.service';
import {
  type ProductOption,
  type SalesOrderLineForm,
  createLineForm,
  createSalesOrderForm,
  customerLabel,
  lineAvailability,
  lineTotalsOf,
  orderTotalsOf,
  patchFromOrder,
  productIdsOf,
  productLabel,
  productOption,
  toCreateRequest,
  toUpdateRequest,
} from './sales-order-form';

/** Typing in an autocomplete searches after this pause. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Availability is asked for after the lines or the warehouse stop changing for this long. */
export const AVAILABILITY_DEBOUNCE_MS = 300;

export const CONFLICT_MESSAGE = 'This order was changed by someone else since you opened it.';

type LoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'failed';

/** API fields of a 400 problem -> form controls. */
const FIELD_MAP: Readonly<Record<string, string>> = { customerId: 'customer', warehouseId: 'warehouseId' };

/**
 * Create (`/sales-orders/new`) and edit (`/sales-orders/:id/edit`, drafts only) page of a sales
 * order. Totals are computed while typing with the server's rounding; next to each line the
 * live availability in the chosen warehouse, which follows stock events.
 */
@Component({
  selector: 'app-sales-order-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatInput,
    MatSelect,
    MatButton,
    MatIconButton,
    MatAnchor,
    MatProgressBar,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './sales-order-form.component.html',
  styleUrl: './sales-order-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SalesOrderFormComponent {
  readonly #orders = inject(SalesOrdersService);
  readonly #customers = inject(CustomersLookupService);
  readonly #products = inject(ProductsService);
  readonly #taxRates = toSignal(inject(TaxRatesService).rates(), { initialValue: [] as TaxRateDto[] });
  /** How the picked customer is taxed (unknown on the edit page until one is picked: lines keep their rates). */
  #treatment: TaxTreatment | null = null;
  readonly #router = inject(Router);
  readonly #snackBar = inject(MatSnackBar);
  readonly #submission = new IdempotentSubmission();

  /** Route parameter `:id`; absent on `/sales-orders/new`. */
  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id'))), {
    requireSync: true,
  });
  protected readonly isNew = computed(() => !this.id());
  protected readonly limits = ORDER_LIMITS;
  protected readonly currencies = CURRENCIES;
  protected readonly conflictMessage = CONFLICT_MESSAGE;
  protected readonly form = createSalesOrderForm();
  protected readonly lines = this.form.controls.lines;
  protected readonly customerLabel = customerLabel;
  protected readonly productLabel = productLabel;
  protected readonly statusLabel = orderStatusLabel;

  protected readonly order = signal<SalesOrderDto | null>(null);
  protected readonly loadState = signal<LoadState>('idle');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** Only drafts can be edited; another status shows the order read-only with a note. */
  protected readonly notEditable = computed(() => {
    const order = this.order();
    return order !== null && order.status !== SalesOrderStatus.Draft;
  });

  protected readonly customerOptions = signal<PartnerDto[]>([]);
  /** Suggestions for the product field being typed in (one at a time). */
  protected readonly productSuggestions = signal<{ line: SalesOrderLineForm | null; items: ProductDto[] }>({
    line: null,
    items: [],
  });
  readonly #productSearch = new Subject<{ line: SalesOrderLineForm; q: string }>();

  readonly #value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly currency = computed(() => this.#value().currency);
  protected readonly lineTotals = computed(() =>
    this.#value().lines.map((line) => lineTotalsOf(line, this.#value().currency)),
  );
  protected readonly totals = computed(() => orderTotalsOf(this.#value().lines, this.#value().currency));

  /** The warehouse and the products whose availability is shown (a new key asks again). */
  readonly #availabilityKey = computed(
    () => ({ warehouseId: this.#value().warehouseId, productIds: productIdsOf(this.#value().lines) }),
    { equal: (a, b) => a.warehouseId === b.warehouseId && a.productIds.join() === b.productIds.join() },
  );
  protected readonly availability = signal<AvailabilityDto[] | null>(null);
  protected readonly availabilityFailed = signal(false);
  protected readonly lineAvailability = computed(() => lineAvailability(this.#value().lines, this.availability()));
  protected readonly shortLineCount = computed(() => this.lineAvailability().filter((line) => line?.short).length);

  constructor() {
    inject(WarehousesService)
      .all({ activeOnly: true })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (warehouses) => {
          this.warehouses.set(warehouses);
          if (this.isNew() && !this.form.controls.warehouseId.value && warehouses.length === 1) {
            this.form.controls.warehouseId.setValue(warehouses[0].id);
          }
        },
        error: () => undefined,
      });

    this.form.controls.customer.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        distinctUntilChanged(),
        switchMap((q) => this.#customers.search(q).pipe(catchError(() => of<PartnerDto[]>([])))),
        takeUntilDestroyed(),
      )
      .subscribe((customers) => this.customerOptions.set(customers));

    this.#productSearch
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        switchMap(({ line, q }) =>
          this.#products.list({ q: q.trim(), status: ProductStatus.Active, limit: SUGGESTION_LIMIT }).pipe(
            map((page) => ({ line, items: page.items })),
            catchError(() => of({ line, items: [] as ProductDto[] })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((suggestions) => this.productSuggestions.set(suggestions));

    // A new currency changes which prices are valid (JPY has no decimals).
    this.form.controls.currency.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      for (const line of this.lines.controls) {
        line.controls.unitPrice.updateValueAndValidity();
      }
    });

    this.#followAvailability();

    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id) {
          this.#load(id);
        } else {
          this.addLine();
        }
      });
    });
  }

  protected addLine(): void {
    if (this.lines.length >= ORDER_LIMITS.maxLines) {
      return;
    }
    this.lines.push(createLineForm(() => this.form.controls.currency.value));
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
    this.lines.markAsDirty();
  }

  protected searchCustomers(): void {
    // Opening the panel of an empty field shows the first customers.
    if (this.customerOptions().length === 0) {
      const value = this.form.controls.customer.value;
      this.#customers
        .search(typeof value === 'string' ? value : '')
        .subscribe({ next: (customers) => this.customerOptions.set(customers), error: () => undefined });
    }
  }

  protected onCustomerSelected(event: MatAutocompleteSelectedEvent): void {
    const customer = event.option.value as PartnerDto;
    // The customer's tax treatment decides every line's default rate (reverse charge and export: 0 %).
    this.#treatment = customer.taxTreatment;
    for (const line of this.lines.controls) this.applyDefaultTaxRate(line);
    const address = this.form.controls.shippingAddress;
    if (!address.value.trim() && customer.shippingAddress) {
      address.setValue(customer.shippingAddress);
    }
  }

  protected searchProducts(line: SalesOrderLineForm): void {
    const value = line.controls.product.value;
    // A chosen product is shown as "SKU · name"; only typed text is a search.
    if (value === null || typeof value === 'string') {
      this.#productSearch.next({ line, q: value ?? '' });
    }
  }

  protected productOptionsFor(line: SalesOrderLineForm): ProductDto[] {
    const suggestions = this.productSuggestions();
    return suggestions.line === line ? suggestions.items : [];
  }

  protected toProductOption(product: ProductDto): ProductOption {
    return productOption(product);
  }

  /** Picking a product fills in its price when it is in the order's currency. */
  protected onProductSelected(line: SalesOrderLineForm, event: MatAutocompleteSelectedEvent): void {
    const product = event.option.value as ProductOption;
    const currency = this.form.controls.currency.value;
    if (product.priceMinor !== null && product.currency === currency) {
      line.controls.unitPrice.setValue(formatMinorAsMajor(product.priceMinor, currency));
    }
    this.applyDefaultTaxRate(line);
  }

  /** Sets the line's tax rate to what its product's class and the customer's treatment call for today. */
  private applyDefaultTaxRate(line: SalesOrderLineForm): void {
    const product = line.controls.product.value;
    if (!product || typeof product === 'string' || !product.taxClass) return;
    const treatment = this.#treatment ?? TaxTreatment.Domestic;
    const today = new Date().toISOString().slice(0, 10);
    const rate = defaultTaxRateBps(this.#taxRates(), product.taxClass, treatment, today);
    line.controls.tax.setValue(formatBpsAsPercent(rate));
  }

  protected customerError(): string {
    const control = this.form.controls.customer;
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    return control.hasError('notPicked') ? 'Pick a customer from the suggestions.' : 'Choose a customer.';
  }

  protected lineError(line: SalesOrderLineForm, name: keyof SalesOrderLineForm['controls']): string {
    const control = line.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    switch (name) {
      case 'product':
        return control.hasError('notPicked') ? 'Pick a product from the suggestions.' : 'Choose a product.';
      case 'quantity':
        if (control.hasError('required')) {
          return 'Enter a quantity.';
        }
        return control.hasError('maxQuantity')
          ? `At most ${ORDER_LIMITS.maxQuantity.toLocaleString('en-US')}.`
          : 'Enter a whole number of at least 1.';
      case 'unitPrice':
        if (control.hasError('required')) {
          return 'Enter a price.';
        }
        return control.hasError('moneyMax') ? 'The price is too large.' : 'Enter an amount like 19.99.';
      default:
        return 'Enter a percentage from 0 to 100 (at most 2 decimals).';
    }
  }

  protected reload(): void {
    const id = this.id();
    if (id) {
      this.#load(id);
    }
  }

  protected submit(): void {
    if (this.saving() || this.notEditable()) {
      return;
    }
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (this.lines.length === 0) {
        this.formError.set('Add at least one line.');
      }
      return;
    }
    const order = this.order();
    this.saving.set(true);
    const result$: Observable<SalesOrderDto> = order
      ? this.#orders.update(order.id, toUpdateRequest(this.form, order.version))
      : this.#submission.send((key) => this.#orders.create(toCreateRequest(this.form), key));
    result$.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.#snackBar.open(`${order ? 'Saved' : 'Created'} sales order ${saved.number}.`, 'Dismiss', {
          duration: 4000,
        });
        void this.#router.navigate(['/sales-orders', saved.id]);
      },
      error: (problem: unknown) => {
        this.saving.set(false);
        this.#showProblem(isProblem(problem) ? problem : toProblemDetails(problem));
      },
    });
  }

  #showProblem(problem: ProblemDetails): void {
    if (problem.code === ErrorCode.VersionConflict) {
      this.conflict.set(true);
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem, FIELD_MAP);
      this.formError.set(unmatched.length ? unmatched.map((error) => error.message).join(' ') : null);
      return;
    }
    this.formError.set(submissionMessage(problem));
  }

  #load(id: string): void {
    this.loadState.set('loading');
    this.loadProblem.set(null);
    this.conflict.set(false);
    this.#orders.get(id).subscribe({
      next: (order) => {
        this.order.set(order);
        patchFromOrder(this.form, order);
        this.form.controls.currency.disable();
        if (order.status !== SalesOrderStatus.Draft) {
          this.form.disable();
        }
        this.form.markAsPristine();
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  /**
   * Asks for availability whenever the warehouse or the set of products changes, and again when a
   * stock event names one of the products; bursts are debounced, stale answers dropped.
   */
  #followAvailability(): void {
    const stockEvents$ = inject(RealtimeService)
      .events({ aggregateType: STOCK_AGGREGATE })
      .pipe(map((event) => event.aggregateId));
    toObservable(this.#availabilityKey)
      .pipe(
        switchMap((key) =>
          stockEvents$.pipe(
            filter((productId) => key.productIds.includes(productId)),
            map(() => key),
            startWith(key),
          ),
        ),
        debounceTime(AVAILABILITY_DEBOUNCE_MS),
        switchMap((key) => {
          if (!key.warehouseId || key.productIds.length === 0) {
            return of({ entries: null, failed: false });
          }
          return this.#orders.availability(key.warehouseId, key.productIds).pipe(
            map((entries) => ({ entries, failed: false })),
            catchError(() => of({ entries: null, failed: true })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ entries, failed }) => {
        this.availabilityFailed.set(failed);
        // A failed refresh keeps the last known figures on screen.
        if (entries || !failed) {
          this.availability.set(entries);
        }
      });
  }
}
