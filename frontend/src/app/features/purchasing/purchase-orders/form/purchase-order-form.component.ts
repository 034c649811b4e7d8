import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, ReactiveFormsModule } from '@angular/forms';
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
  PartnerKind,
  ProductStatus,
  PurchaseOrderStatus,
  type PartnerDto,
  type ProblemDetails,
  type PurchaseOrderDto,
  type WarehouseDto,
} from '@depot/contracts';
import { type Observable, catchError, map, throwError } from 'rxjs';

import { applyServerErrors, serverError, setServerError } from '../../../../shared/forms/server-errors';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { minorDigits } from '../../../../shared/money/money';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { ProductsService } from '../../../catalog/products/data-access/products.service';
import { WarehousesService } from '../../../inventory/data-access/warehouses.service';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { PartnersService } from '../../data-access/partners.service';
import { PurchaseOrdersService } from '../../data-access/purchase-orders.service';
import { AUTOCOMPLETE_LIMIT, AutocompleteSearch, isPicked } from '../shared/autocomplete-search';
import {
  type LineGroup,
  type ProductOption,
  type SupplierOption,
  addLine,
  createPurchaseOrderForm,
  lineTotalMinor,
  orderTotalMinor,
  patchPurchaseOrderForm,
  purchaseOrderFieldPath,
  suggestedUnitCost,
  toCreatePurchaseOrderRequest,
  toProductOption,
  toUpdatePurchaseOrderRequest,
} from './purchase-order-form';

type LoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'not-draft' | 'failed';

export const PURCHASE_ORDER_CONFLICT_MESSAGE =
  'This purchase order was changed by someone else since you opened it. Load the latest version, then apply your change again.';
export const NOT_DRAFT_MESSAGE = 'Only draft purchase orders can be edited. This one has been submitted or cancelled.';

/** Create (`/purchase-orders/new`) and edit (`/purchase-orders/:id/edit`, drafts only) page. */
@Component({
  selector: 'app-purchase-order-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatIconButton,
    MatAnchor,
    MatProgressBar,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './purchase-order-form.component.html',
  styleUrl: './purchase-order-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PurchaseOrderFormComponent {
  readonly #orders = inject(PurchaseOrdersService);
  readonly #partners = inject(PartnersService);
  readonly #products = inject(ProductsService);
  readonly #router = inject(Router);
  readonly #snackBar = inject(MatSnackBar);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  readonly #destroyRef = inject(DestroyRef);
  /** One submission per page: a double click or a retry after a network error creates one order. */
  readonly #submission = new IdempotentSubmission();

  /** Route parameter `:id`; absent on `/purchase-orders/new`. */
  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id'))), {
    requireSync: true,
  });
  protected readonly isNew = computed(() => !this.id());
  protected readonly limits = ORDER_LIMITS;
  protected readonly currencies = CURRENCIES;
  protected readonly conflictMessage = PURCHASE_ORDER_CONFLICT_MESSAGE;
  protected readonly notDraftMessage = NOT_DRAFT_MESSAGE;
  protected readonly form = createPurchaseOrderForm();
  protected readonly lines = this.form.controls.lines;
  protected readonly order = signal<PurchaseOrderDto | null>(null);
  protected readonly loadState = signal<LoadState>('idle');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  readonly #warehouses = signal<WarehouseDto[]>([]);
  /** Active warehouses, plus the order's own when it has since been deactivated (so the select shows it). */
  protected readonly warehouseOptions = computed(() => {
    const active = this.#warehouses();
    const order = this.order();
    if (!order || active.some((warehouse) => warehouse.id === order.warehouseId)) {
      return active.map(({ id, code, name }) => ({ id, label: `${code} · ${name}` }));
    }
    return [
      { id: order.warehouseId, label: `${order.warehouseCode} (inactive)` },
      ...active.map(({ id, code, name }) => ({ id, label: `${code} · ${name}` })),
    ];
  });

  protected readonly suppliers = new AutocompleteSearch<PartnerDto>(
    (q) =>
      this.#partners
        .list(PartnerKind.Supplier, { limit: AUTOCOMPLETE_LIMIT, sort: 'code', active: true, ...(q ? { q } : {}) })
        .pipe(map((page) => page.items)),
    this.#destroyRef,
  );
  protected readonly products = new AutocompleteSearch<ProductOption>(
    (q) =>
      this.#products
        .list({ limit: AUTOCOMPLETE_LIMIT, status: ProductStatus.Active, ...(q ? { q } : {}) })
        .pipe(map((page) => page.items.map(toProductOption))),
    this.#destroyRef,
  );

  readonly #value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly currency = computed(() => this.#value().currency);
  protected readonly currencyDigits = computed(() => minorDigits(this.currency()));
  /** Each line's total as the user types (null while its quantity or cost is incomplete). */
  protected readonly lineTotals = computed(() => {
    const value = this.#value();
    return value.lines.map((line) => lineTotalMinor(line, value.currency));
  });
  protected readonly orderTotal = computed(() => orderTotalMinor(this.lineTotals()));
  protected readonly incompleteLines = computed(() => this.lineTotals().filter((total) => total === null).length);

  constructor() {
    // The unit costs' allowed decimals depend on the currency.
    this.form.controls.currency.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      for (const line of this.lines.controls) {
        line.controls.unitCost.updateValueAndValidity();
      }
    });
    this.form.controls.supplier.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((value) => this.suppliers.search(value));

    inject(WarehousesService)
      .all({ activeOnly: true })
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (warehouses) => {
          this.#warehouses.set(warehouses);
          const control = this.form.controls.warehouseId;
          if (this.isNew() && !control.value && warehouses.length === 1) {
            control.setValue(warehouses[0].id);
          }
        },
        error: (error: unknown) =>
          this.formError.set(`Could not load the warehouses: ${problemMessage(toProblemDetails(error))}`),
      });

    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id) {
          this.#load(id);
        }
      });
    });
  }

  protected supplierLabel(value: SupplierOption | string | null): string {
    return isPicked(value) ? `${value.code} · ${value.name}` : (value ?? '');
  }

  protected productLabel(value: ProductOption | string | null): string {
    return isPicked(value) ? `${value.sku} · ${value.name}` : (value ?? '');
  }

  protected onSupplierFocus(): void {
    const value = this.form.controls.supplier.value;
    this.suppliers.search(isPicked(value) ? '' : (value ?? ''));
  }

  protected onProductInput(line: LineGroup): void {
    this.products.search(line.controls.product.value);
  }

  protected onProductFocus(line: LineGroup): void {
    const value = line.controls.product.value;
    this.products.search(isPicked(value) ? '' : (value ?? ''));
  }

  /** A product was picked: suggest its cost as the unit cost when the line has none yet. */
  protected onProductPicked(line: LineGroup, event: MatAutocompleteSelectedEvent): void {
    const product = event.option.value as ProductOption;
    const unitCost = line.controls.unitCost;
    const suggested = suggestedUnitCost(product, this.currency());
    if (suggested !== null && !unitCost.value.trim()) {
      unitCost.setValue(suggested);
    }
  }

  protected addLine(): void {
    if (this.lines.length >= this.limits.maxLines) {
      return;
    }
    addLine(this.form);
    this.lines.markAsDirty();
    const index = this.lines.length - 1;
    afterNextRender(() => this.#host.nativeElement.querySelector<HTMLInputElement>(`#line-product-${index}`)?.focus(), {
      injector: this.#injector,
    });
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
    this.lines.markAsDirty();
  }

  protected fieldError(control: AbstractControl, label: string): string {
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return `${label} is required.`;
    }
    if (control.hasError('notPicked')) {
      return `Pick a ${label.toLowerCase()} from the suggestions.`;
    }
    if (control.hasError('wholeQuantity')) {
      return 'Enter a whole number of at least 1.';
    }
    if (control.hasError('maxQuantity')) {
      return `At most ${this.limits.maxQuantity.toLocaleString('en-US')} units.`;
    }
    if (control.hasError('amount')) {
      const digits = this.currencyDigits();
      return digits === 0
        ? `Enter a whole amount without decimals for ${this.currency()}.`
        : `Enter an amount like 12.50 (at most ${digits} decimals).`;
    }
    if (control.hasError('amountMax')) {
      return 'The amount is too large.';
    }
    if (control.hasError('maxlength')) {
      return `Use at most ${this.limits.notesMaxLength} characters.`;
    }
    if (control.hasError('date')) {
      return 'Enter a valid date.';
    }
    return `${label} is invalid.`;
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (this.lines.length === 0) {
        this.formError.set('Add at least one line.');
      }
      this.#focusFirstInvalid();
      return;
    }
    const order = this.order();
    const request$: Observable<PurchaseOrderDto> = order
      ? this.#orders
          .update(order.id, toUpdatePurchaseOrderRequest(this.form, order.version))
          .pipe(catchError((error: unknown) => throwError(() => toProblemDetails(error))))
      : this.#submission.send((key) => this.#orders.create(toCreatePurchaseOrderRequest(this.form), key));
    this.saving.set(true);
    request$.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.form.markAsPristine();
        this.#snackBar.open(order ? `Saved ${saved.number}.` : `Created ${saved.number}.`, 'Dismiss', {
          duration: 4000,
        });
        void this.#router.navigate(['/purchase-orders', saved.id]);
      },
      error: (problem: unknown) => {
        this.saving.set(false);
        this.#showSaveError(isProblem(problem) ? problem : toProblemDetails(problem));
      },
    });
  }

  /** After a version conflict: load what is on the server now (the user's edits are replaced). */
  protected reloadLatest(): void {
    const id = this.id();
    if (id) {
      this.#load(id);
    }
  }

  #load(id: string): void {
    this.loadState.set('loading');
    this.loadProblem.set(null);
    this.#orders.get(id).subscribe({
      next: (order) => {
        this.order.set(order);
        this.conflict.set(false);
        this.formError.set(null);
        if (order.status !== PurchaseOrderStatus.Draft) {
          this.loadState.set('not-draft');
          this.form.disable({ emitEvent: false });
          return;
        }
        patchPurchaseOrderForm(this.form, order);
        // The currency of an existing order cannot change (its lines were priced in it).
        this.form.controls.currency.disable();
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  #showSaveError(problem: ProblemDetails): void {
    if (problem.status === HttpStatus.Conflict && problem.code === ErrorCode.VersionConflict) {
      this.conflict.set(true);
      return;
    }
    if (problem.code === ErrorCode.InvalidOrderTransition) {
      this.formError.set(`${NOT_DRAFT_MESSAGE} ${problemMessage(problem)}`);
      return;
    }
    if (problem.code === ErrorCode.SupplierNotFound || problem.code === ErrorCode.PartnerInactive) {
      setServerError(this.form.controls.supplier, problemMessage(problem));
      this.#focusFirstInvalid();
      return;
    }
    if (problem.code === ErrorCode.WarehouseNotFound || problem.code === ErrorCode.WarehouseInactive) {
      setServerError(this.form.controls.warehouseId, problemMessage(problem));
      this.#focusFirstInvalid();
      return;
    }
    if (problem.errors?.length) {
      const fieldMap = Object.fromEntries(
        problem.errors.map((error) => [error.field, purchaseOrderFieldPath(error.field)]),
      );
      const unmatched = applyServerErrors(this.form, problem, fieldMap);
      this.formError.set(
        unmatched.length ? unmatched.map((error) => error.message).join(' ') : 'Please correct the highlighted fields.',
      );
      this.#focusFirstInvalid();
      return;
    }
    this.formError.set(submissionMessage(problem));
  }

  #focusFirstInvalid(): void {
    afterNextRender(
      () =>
        this.#host.nativeElement
          .querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid')
          ?.focus(),
      { injector: this.#injector },
    );
  }
}
