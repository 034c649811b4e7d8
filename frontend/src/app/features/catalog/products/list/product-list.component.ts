import { DOCUMENT } from '@angular/common';
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
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { PAGINATION, PRODUCT_SORT_FIELDS, Permission, type CategoryDto, type ProductDto } from '@depot/contracts';
import { debounceTime, map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { blobErrorToProblem, saveBlob } from '../../../../shared/http/download';
import { problemMessage } from '../../../../shared/http/problem-details';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
import { formatSort } from '../../../../shared/table/table-state';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { CategoriesService } from '../../categories/data-access/categories.service';
import { categoryLabel, categoryOptions } from '../../categories/data-access/category-tree';
import { PRODUCT_AGGREGATE, ProductsService } from '../data-access/products.service';
import {
  DEFAULT_FILTERS,
  MAX_ATTRIBUTE_FILTERS,
  PRODUCT_DEFAULT_SORT,
  type ProductFilters,
  STATUS_FILTERS,
  type StatusFilter,
  activeFilterCount,
  parseAttributeFilter,
  parseProductFilters,
  sameFilters,
  toFilterParams,
  toProductQuery,
} from './product-list-state';
import { ProductBulkActionsComponent } from './product-bulk-actions.component';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

const SEARCH_DEBOUNCE_MS = 300;
/** A burst of product changes (an import, a bulk edit) reloads the page once. */
export const LIVE_REFRESH_DEBOUNCE_MS = 500;

/**
 * Product list on the shared data table: server-side search, filters, sort and keyset paging with
 * the total. The URL query is the single source of truth for the view (see `TableList`).
 */
@Component({
  selector: 'app-product-list',
  imports: [
    SavedViewsComponent,
    ProductBulkActionsComponent,
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatFormField,
    MatLabel,
    MatHint,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatSlideToggle,
    MatButton,
    MatAnchor,
    MoneyPipe,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
  ],
  templateUrl: './product-list.component.html',
  styleUrl: './product-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductListComponent {
  readonly #products = inject(ProductsService);
  readonly #auth = inject(AuthService);
  readonly #document = inject(DOCUMENT);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly statusFilters = STATUS_FILTERS;
  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.CatalogProductsWrite));
  /** The import wizard also takes opening stock, which needs another permission. */
  protected readonly canImport = computed(
    () => this.canWrite() || this.#auth.permissions().has(Permission.InventoryStockAdjust),
  );
  protected readonly maxAttributeFilters = MAX_ATTRIBUTE_FILTERS;

  readonly #categories = signal<CategoryDto[]>([]);
  protected readonly categoryOptions = computed(() => categoryOptions(this.#categories()));
  readonly #categoryLabels = computed(
    () => new Map(this.#categories().map((category) => [category.id, categoryLabel(category)])),
  );
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  /** The attribute filter being typed, before Enter turns it into a chip. */
  protected readonly attributeInput = new FormControl('', { nonNullable: true });
  protected readonly attributeInputInvalid = signal(false);

  protected readonly list = injectTableList<ProductDto>({
    sortFields: PRODUCT_SORT_FIELDS,
    defaultSort: PRODUCT_DEFAULT_SORT,
    fetch: (query, params) => this.#products.list({ ...query, ...toProductQuery(parseProductFilters(params)) }),
    rowId: (product) => product.id,
  });
  protected readonly filters = computed(() => parseProductFilters(this.list.params()), { equal: sameFilters });
  protected readonly filterCount = computed(() => activeFilterCount(this.filters()));
  /** The selected product ids (for bulk actions). */
  readonly selectedIds = signal<string[]>([]);

  protected readonly columns: readonly TableColumn<ProductDto>[] = [
    { key: 'sku', label: 'SKU', sortField: 'sku', hideable: false, card: 'title', nowrap: true },
    { key: 'name', label: 'Name', sortField: 'name' },
    { key: 'category', label: 'Category', value: (product) => this.categoryName(product.categoryId), card: 'hidden' },
    { key: 'priceMinor', label: 'Price', sortField: 'priceMinor', align: 'end', nowrap: true },
    { key: 'unit', label: 'Unit', value: (product) => product.unit, card: 'hidden' },
    { key: 'status', label: 'Status' },
    { key: 'updatedAt', label: 'Updated', sortField: 'updatedAt', sortStart: 'desc', nowrap: true, card: 'hidden' },
  ];
  protected readonly productLink = (product: ProductDto): string[] => ['/products', product.id];
  protected readonly productLabel = (product: ProductDto): string => product.sku;

  protected readonly search = new FormControl(this.filters().q, { nonNullable: true });

  constructor() {
    const destroyRef = inject(DestroyRef);

    // Someone changed a product: show the current page as it is now.
    inject(RealtimeService)
      .changes({ aggregateType: PRODUCT_AGGREGATE })
      .pipe(debounceTime(LIVE_REFRESH_DEBOUNCE_MS), takeUntilDestroyed(destroyRef))
      .subscribe(() => this.list.reload());

    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.filters().q) {
          this.#setFilters({ ...this.filters(), q });
        }
      });

    // Back/forward or a link changed the query: show it in the box without searching again.
    effect(() => {
      const q = this.filters().q;
      untracked(() => {
        if (this.search.value.trim() !== q) {
          this.search.setValue(q, { emitEvent: false });
        }
      });
    });

    this.attributeInput.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => this.attributeInputInvalid.set(false));

    // Categories only label rows and fill the filter: the list works without them.
    inject(CategoriesService)
      .list()
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe({ next: (categories) => this.#categories.set(categories), error: () => undefined });
  }

  protected categoryName(id: string | null): string {
    return id ? (this.#categoryLabels().get(id) ?? '') : '';
  }

  protected onCategory(categoryId: string | null): void {
    this.#setFilters({ ...this.filters(), categoryId });
  }

  protected onBelowReorderPoint(belowReorderPoint: boolean): void {
    this.#setFilters({ ...this.filters(), belowReorderPoint });
  }

  protected onStatus(status: StatusFilter): void {
    this.#setFilters({ ...this.filters(), status });
  }

  protected addAttributeFilter(): void {
    const text = this.attributeInput.value.trim();
    if (!text) {
      return;
    }
    const filter = parseAttributeFilter(text);
    const current = this.filters().attributes;
    if (!filter || current.length >= MAX_ATTRIBUTE_FILTERS) {
      this.attributeInputInvalid.set(true);
      return;
    }
    this.attributeInput.setValue('');
    if (!current.includes(filter)) {
      this.#setFilters({ ...this.filters(), attributes: [...current, filter] });
    }
  }

  protected removeAttributeFilter(filter: string): void {
    this.#setFilters({ ...this.filters(), attributes: this.filters().attributes.filter((item) => item !== filter) });
  }

  /** Downloads the products matching the current search and filters (all pages) as CSV. */
  protected exportCsv(): void {
    if (this.exporting()) {
      return;
    }
    this.exporting.set(true);
    this.exportError.set(null);
    const sort = this.list.sort();
    this.#products
      .exportCsv({ ...(sort ? { sort: formatSort(sort) } : {}), ...toProductQuery(this.filters()) })
      .subscribe({
        next: (file) => {
          this.exporting.set(false);
          saveBlob(this.#document, file.blob, file.fileName);
          this.#snackBar.open(`Downloaded ${file.fileName}.`, 'Dismiss', { duration: 4000 });
        },
        error: (error: unknown) => {
          void blobErrorToProblem(error).then((problem) => {
            this.exporting.set(false);
            this.exportError.set(problemMessage(problem));
          });
        },
      });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.#setFilters(DEFAULT_FILTERS);
  }

  protected statusLabel(status: StatusFilter): string {
    return status === 'all' ? 'All' : status === 'active' ? 'Active' : 'Archived';
  }

  #setFilters(filters: ProductFilters): void {
    this.list.setFilters(toFilterParams(filters));
  }
}
