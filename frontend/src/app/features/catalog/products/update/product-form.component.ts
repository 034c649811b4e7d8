import {
  ChangeDetectionStrategy,
  Component,
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
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CURRENCIES,
  DomainEventName,
  ErrorCode,
  type CategoryDto,
  PRODUCT_LIMITS,
  Permission,
  ProductStatus,
  type ProblemDetails,
  type ProductDto,
  PAGINATION,
  PartnerKind,
  type PartnerDto,
} from '@depot/contracts';
import { PartnersService } from '../../../purchasing/data-access/partners.service';
import { type Observable, map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { applyServerErrors, serverError, setServerError } from '../../../../shared/forms/server-errors';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { minorDigits } from '../../../../shared/money/money';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { CategoriesService } from '../../categories/data-access/categories.service';
import { categoryOptions } from '../../categories/data-access/category-tree';
import { PRODUCT_AGGREGATE, ProductsService } from '../data-access/products.service';
import {
  type AttributeRow,
  PRODUCT_FIELD_MAP,
  type ProductFormGroup,
  ProductFormService,
} from './product-form.service';

type ControlName = Exclude<keyof ProductFormGroup['controls'], 'attributes'>;
type LoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'failed';

const LABELS: Record<ControlName, string> = {
  sku: 'SKU',
  name: 'Name',
  description: 'Description',
  unit: 'Unit',
  price: 'Price',
  currency: 'Currency',
  cost: 'Cost',
  barcode: 'Barcode',
  categoryId: 'Category',
  reorderPoint: 'Reorder point',
  reorderQuantity: 'Reorder quantity',
  preferredSupplierId: 'Preferred supplier',
  supplierSku: 'Supplier SKU',
  purchasePrice: 'Purchase price',
};

export const BARCODE_FORMAT_MESSAGE = 'Enter the 13 digits of an EAN-13 or the 12 digits of a UPC-A barcode.';
export const BARCODE_CHECK_DIGIT_MESSAGE =
  'This barcode has a wrong check digit (its last digit). Check it for a typo.';

export const CONFLICT_MESSAGE = 'This product was changed by someone else since you opened it.';
export const SAVED_ELSEWHERE_MESSAGE = 'Someone else saved this product. Reload to see their changes.';

/** Create (`/products/new`) and edit (`/products/:id/edit`) page of a product. */
@Component({
  selector: 'app-product-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatIconButton,
    MatAnchor,
    MatProgressBar,
    IconComponent,
  ],
  templateUrl: './product-form.component.html',
  styleUrl: './product-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductFormComponent {
  readonly #products = inject(ProductsService);
  readonly #formService = inject(ProductFormService);
  readonly #router = inject(Router);
  readonly #snackBar = inject(MatSnackBar);
  readonly #dialog = inject(MatDialog);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  readonly #auth = inject(AuthService);
  readonly #categories = signal<CategoryDto[]>([]);
  /** Suppliers to pick the preferred one from (the first page by name; empty without the permission). */
  protected readonly suppliers = signal<PartnerDto[]>([]);
  readonly #supplierId = signal<string | null>(null);
  protected readonly knownSupplier = computed(() =>
    this.suppliers().some((supplier) => supplier.id === this.#supplierId()),
  );

  /** Route parameter `:id`; absent on `/products/new`. */
  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id'))), {
    requireSync: true,
  });

  protected readonly conflictMessage = CONFLICT_MESSAGE;
  protected readonly limits = PRODUCT_LIMITS;
  protected readonly currencies = CURRENCIES;
  protected readonly form = this.#formService.createForm();
  protected readonly attributeRows = this.form.controls.attributes;
  protected readonly categoryOptions = computed(() => categoryOptions(this.#categories()));
  protected readonly product = signal<ProductDto | null>(null);
  protected readonly loadState = signal<LoadState>('idle');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** The newest version of this product that a live event announced. */
  readonly #remoteVersion = signal<number | null>(null);
  /** The newest version this page saved itself (its own event must not look like someone else's). */
  readonly #ownVersion = signal(0);
  /**
   * Someone else saved the open product: say so without touching the form, so unsaved edits stay
   * until the user chooses to reload.
   */
  protected readonly savedElsewhere = computed(() => {
    const remote = this.#remoteVersion();
    const product = this.product();
    return (
      remote !== null &&
      product !== null &&
      remote > Math.max(product.version, this.#ownVersion()) &&
      !this.saving() &&
      !this.conflict()
    );
  });
  protected readonly savedElsewhereMessage = SAVED_ELSEWHERE_MESSAGE;

  protected readonly isNew = computed(() => !this.id());
  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.CatalogProductsWrite));
  protected readonly isArchived = computed(() => this.product()?.status === ProductStatus.Archived);
  protected readonly heading = computed(() => {
    if (this.isNew()) {
      return 'New product';
    }
    return this.canWrite() ? 'Edit product' : 'Product details';
  });

  constructor() {
    this.form.controls.currency.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.form.controls.price.updateValueAndValidity();
      this.form.controls.cost.updateValueAndValidity();
      this.form.controls.purchasePrice.updateValueAndValidity();
    });
    this.form.controls.preferredSupplierId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((id) => this.#supplierId.set(id));
    // A key typed, or a row added or removed, can make another row's key a duplicate (or not).
    this.attributeRows.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.#formService.revalidateAttributeKeys(this.form));

    if (this.#auth.permissions().has(Permission.PurchasingSuppliersRead)) {
      inject(PartnersService)
        .list(PartnerKind.Supplier, { limit: PAGINATION.maxLimit, sort: 'name' })
        .pipe(takeUntilDestroyed())
        .subscribe({ next: (page) => this.suppliers.set(page.items), error: () => undefined });
    }

    inject(CategoriesService)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({ next: (categories) => this.#categories.set(categories), error: () => undefined });

    inject(RealtimeService)
      .events({
        aggregateType: PRODUCT_AGGREGATE,
        types: [DomainEventName.ProductUpdated, DomainEventName.ProductArchived],
      })
      .pipe(takeUntilDestroyed())
      .subscribe((event) => {
        const version = eventVersion(event.payload);
        if (event.aggregateId === this.id() && version !== null && version > (this.#remoteVersion() ?? 0)) {
          this.#remoteVersion.set(version);
        }
      });

    effect(() => {
      const id = this.id();
      const canWrite = this.canWrite();
      untracked(() => {
        if (canWrite) {
          this.form.enable();
        } else {
          this.form.disable();
        }
        if (id) {
          this.#load(id);
        }
      });
    });
  }

  protected errorText(name: ControlName): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    const maxLength: unknown = control.getError('maxlength');
    if (control.hasError('required')) {
      return `${LABELS[name]} is required.`;
    }
    if (isLengthError(maxLength)) {
      return `${LABELS[name]} can have at most ${maxLength.requiredLength} characters.`;
    }
    if (control.hasError('pattern')) {
      return 'Use letters, digits, ".", "_" or "-", starting with a letter or digit.';
    }
    if (control.hasError('price')) {
      const digits = this.#currencyDigits();
      return digits === 0
        ? `Enter a whole amount without decimals for ${this.form.controls.currency.value}.`
        : `Enter an amount like 19.99 (at most ${digits} decimals).`;
    }
    if (control.hasError('priceMax')) {
      return `The ${LABELS[name].toLowerCase()} is too large.`;
    }
    if (control.hasError('barcodeFormat')) {
      return BARCODE_FORMAT_MESSAGE;
    }
    if (control.hasError('barcodeCheckDigit')) {
      return BARCODE_CHECK_DIGIT_MESSAGE;
    }
    if (control.hasError('min') || control.hasError('integer')) {
      return 'Enter a whole number of 0 or more.';
    }
    if (control.hasError('max')) {
      return `${LABELS[name]} can be at most ${this.limits.maxReorderQuantity.toLocaleString('en-US')}.`;
    }
    return `${LABELS[name]} is invalid.`;
  }

  protected attributeKeyError(row: AttributeRow): string {
    const control = row.controls.key;
    if (control.hasError('required')) {
      return 'Enter a key.';
    }
    if (control.hasError('maxlength')) {
      return `A key can have at most ${this.limits.attributeKeyMaxLength} characters.`;
    }
    if (control.hasError('pattern')) {
      return 'Use lowercase letters, digits, ".", "_" or "-", starting with a letter or digit.';
    }
    if (control.hasError('duplicateKey')) {
      return 'This key is used twice.';
    }
    return 'The key is invalid.';
  }

  protected attributeValueError(row: AttributeRow): string {
    const control = row.controls.value;
    if (control.hasError('maxlength')) {
      return `A value can have at most ${this.limits.attributeValueMaxLength} characters.`;
    }
    return 'Enter a value.';
  }

  protected addAttribute(): void {
    if (this.attributeRows.length >= this.limits.maxAttributes) {
      return;
    }
    this.attributeRows.push(this.#formService.createAttributeRow());
    this.attributeRows.markAsDirty();
    const index = this.attributeRows.length - 1;
    afterNextRender(
      () => this.#host.nativeElement.querySelector<HTMLInputElement>(`#attribute-key-${index}`)?.focus(),
      { injector: this.#injector },
    );
  }

  protected removeAttribute(index: number): void {
    this.attributeRows.removeAt(index);
    this.attributeRows.markAsDirty();
  }

  protected save(): void {
    if (!this.canWrite() || this.saving()) {
      return;
    }
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#focusFirstInvalid();
      return;
    }
    const product = this.product();
    const request$: Observable<ProductDto> = product
      ? this.#products.update(product.id, this.#formService.toUpdateRequest(this.form, product.version))
      : this.#products.create(this.#formService.toCreateRequest(this.form));
    this.saving.set(true);
    request$.subscribe({
      next: (saved) => {
        this.#ownVersion.set(saved.version);
        this.saving.set(false);
        this.#snackBar.open(product ? `Saved ${saved.sku}.` : `Created ${saved.sku}.`, 'Dismiss', { duration: 4000 });
        // The user lands on the record they created or saved, not on the list.
        void this.#router.navigate(['/products', saved.id]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.#showSaveError(toProblemDetails(error));
      },
    });
  }

  /** After a version conflict: load what is on the server now (the user's edits are replaced). */
  protected reloadLatest(): void {
    const id = this.id();
    if (id) {
      this.#load(id, () => this.#snackBar.open('Loaded the latest version.', 'Dismiss', { duration: 4000 }));
    }
  }

  protected archive(): void {
    const product = this.product();
    if (!product || !this.canWrite()) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: 'Archive product?',
      message: `${product.sku} – ${product.name} will be hidden from active lists. You can restore it later.`,
      confirmLabel: 'Archive',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.saving.set(true);
      this.#products.archive(product.id).subscribe({
        next: () => {
          this.saving.set(false);
          this.#snackBar.open(`Archived ${product.sku}.`, 'Dismiss', { duration: 4000 });
          void this.#router.navigate(['/products', product.id]);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(problemMessage(toProblemDetails(error)));
        },
      });
    });
  }

  protected restore(): void {
    const product = this.product();
    if (!product || !this.canWrite()) {
      return;
    }
    this.saving.set(true);
    this.#products.update(product.id, { version: product.version, status: ProductStatus.Active }).subscribe({
      next: (restored) => {
        this.#ownVersion.set(restored.version);
        this.saving.set(false);
        this.#applyProduct(restored);
        this.#snackBar.open(`Restored ${restored.sku}.`, 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.#showSaveError(toProblemDetails(error));
      },
    });
  }

  #load(id: string, done?: () => void): void {
    this.loadState.set('loading');
    this.loadProblem.set(null);
    this.#products.get(id).subscribe({
      next: (product) => {
        this.#applyProduct(product);
        this.loadState.set('ready');
        done?.();
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  #applyProduct(product: ProductDto): void {
    this.product.set(product);
    this.#formService.patchForm(this.form, product);
    if (!this.canWrite()) {
      // The attribute rows are new, enabled controls: keep the read-only view read-only.
      this.form.disable({ emitEvent: false });
    }
    this.conflict.set(false);
    this.formError.set(null);
  }

  #showSaveError(problem: ProblemDetails): void {
    if (problem.status === HttpStatus.Conflict && problem.code === ErrorCode.VersionConflict) {
      this.conflict.set(true);
      return;
    }
    if (problem.status === HttpStatus.Conflict && problem.code === ErrorCode.SkuTaken) {
      setServerError(this.form.controls.sku, problem.detail ?? 'Another product already uses this SKU.');
      this.#focusFirstInvalid();
      return;
    }
    if (problem.status === HttpStatus.Conflict && problem.code === ErrorCode.BarcodeTaken) {
      setServerError(this.form.controls.barcode, problem.detail ?? 'Another product already uses this barcode.');
      this.#focusFirstInvalid();
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem, PRODUCT_FIELD_MAP);
      this.formError.set(
        unmatched.length ? unmatched.map((error) => error.message).join(' ') : 'Please correct the highlighted fields.',
      );
      this.#focusFirstInvalid();
      return;
    }
    this.formError.set(problemMessage(problem));
  }

  #currencyDigits(): number {
    return minorDigits(this.form.controls.currency.value);
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

/** `payload.product.version` of a product event, if it has one. */
function eventVersion(payload: object): number | null {
  const product: unknown = (payload as Record<string, unknown>)['product'];
  if (typeof product !== 'object' || product === null) {
    return null;
  }
  const version: unknown = (product as Record<string, unknown>)['version'];
  return typeof version === 'number' ? version : null;
}

function isLengthError(value: unknown): value is { requiredLength: number } {
  return typeof value === 'object' && value !== null && 'requiredLength' in value;
}
