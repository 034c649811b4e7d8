import { BreakpointObserver } from '@angular/cdk/layout';
import { DOCUMENT, Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ErrorCode,
  PAGINATION,
  Permission,
  type CategoryDto,
  type Page,
  type ProductDto,
  type ProblemDetails,
} from '@depot/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';
import { CategoriesService } from '../../categories/data-access/categories.service';
import { categoryLabel, categoryOptions } from '../../categories/data-access/category-tree';
import { blobErrorToProblem, saveBlob } from '../../../../shared/http/download';
import { PRODUCT_AGGREGATE, ProductsService } from '../data-access/products.service';
import {
  DEFAULT_LIST_STATE,
  DEFAULT_SORT,
  MAX_ATTRIBUTE_FILTERS,
  PAGE_SIZES,
  type ProductListState,
  STATUS_FILTERS,
  type StatusFilter,
  filterKey,
  hasActiveFilters,
  parseAttributeFilter,
  parseListState,
  sameListState,
  toApiQuery,
  toFilterQuery,
  toQueryParams,
} from './product-list-state';

/** Key in `history.state` for the cursors of the pages before the current one. */
export const CURSOR_STACK_KEY = 'productListCursors';

const SEARCH_DEBOUNCE_MS = 300;
/** A burst of product changes (an import, a bulk edit) reloads the page once. */
export const LIVE_REFRESH_DEBOUNCE_MS = 500;
const ALL_COLUMNS = ['sku', 'name', 'category', 'priceMinor', 'unit', 'status', 'updatedAt'] as const;
const NARROW_COLUMNS = ['sku', 'name', 'priceMinor', 'status'] as const;

type LoadResult =
  { kind: 'loading' } | { kind: 'loaded'; page: Page<ProductDto> } | { kind: 'failed'; problem: ProblemDetails };

/**
 * Product list with server-side search, filter, sort and keyset paging. The URL query is the
 * single source of truth for the view, so reload, bookmarks and back/forward all restore it.
 * "Previous" needs the cursors of the earlier pages; they travel in `history.state` next to
 * the URL, which the browser keeps for each history entry and across reloads.
 */
@Component({
  selector: 'app-product-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatTableModule,
    MatSort,
    MatSortHeader,
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
    MatProgressBar,
    MoneyPipe,
    IconComponent,
    SavedViewsComponent,
  ],
  templateUrl: './product-list.component.html',
  styleUrl: './product-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductListComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #products = inject(ProductsService);
  readonly #auth = inject(AuthService);
  readonly #location = inject(Location);
  readonly #document = inject(DOCUMENT);
  readonly #snackBar = inject(MatSnackBar);
  readonly #reload = new Subject<void>();
  readonly #totals = new Map<string, number>();

  protected readonly pageSizes = PAGE_SIZES;
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

  readonly #view = toSignal(
    this.#route.queryParamMap.pipe(
      map((params) => ({ state: parseListState(params), stack: this.#readCursorStack() })),
    ),
    { requireSync: true },
  );
  protected readonly state = computed(() => this.#view().state, { equal: sameListState });
  protected readonly cursorStack = computed(() => this.#view().stack);
  protected readonly pageNumber = computed(() =>
    this.state().cursor ? Math.max(this.cursorStack().length, 1) + 1 : 1,
  );

  readonly #result = signal<LoadResult>({ kind: 'loading' });
  readonly #lastPage = signal<Page<ProductDto> | null>(null);
  protected readonly loading = computed(() => this.#result().kind === 'loading');
  protected readonly problem = computed(() => {
    const result = this.#result();
    return result.kind === 'failed' ? result.problem : null;
  });
  protected readonly problemText = computed(() => {
    const problem = this.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly invalidCursor = computed(() => this.problem()?.code === ErrorCode.InvalidCursor);
  /** Rows stay on screen while the next page loads, so the table does not jump. */
  protected readonly items = computed(() => this.#lastPage()?.items ?? []);
  protected readonly nextCursor = computed(() => this.#lastPage()?.nextCursor ?? null);
  protected readonly total = signal<number | null>(null);
  protected readonly hasFilters = computed(() => hasActiveFilters(this.state()));

  protected readonly columns = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => (state.matches ? [...NARROW_COLUMNS] : [...ALL_COLUMNS]))),
    { initialValue: [...ALL_COLUMNS] },
  );

  protected readonly search = new FormControl(this.state().q, { nonNullable: true });

  constructor() {
    const destroyRef = inject(DestroyRef);

    this.#route.queryParamMap
      .pipe(
        map(parseListState),
        distinctUntilChanged(sameListState),
        tap((state) => {
          // Back/forward or a link changed the query: show it in the box without searching again.
          if (this.search.value.trim() !== state.q) {
            this.search.setValue(state.q, { emitEvent: false });
          }
        }),
        switchMap((state) =>
          this.#reload.pipe(
            startWith(undefined),
            switchMap(() => this.#load(state)),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((result) => this.#result.set(result));

    // Someone changed a product: show the current page as it is now.
    inject(RealtimeService)
      .changes({ aggregateType: PRODUCT_AGGREGATE })
      .pipe(debounceTime(LIVE_REFRESH_DEBOUNCE_MS), takeUntilDestroyed(destroyRef))
      .subscribe(() => this.#reload.next());

    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.state().q) {
          this.#navigate({ ...this.state(), q, cursor: null }, []);
        }
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
    this.#navigate({ ...this.state(), categoryId, cursor: null }, []);
  }

  protected onBelowReorderPoint(belowReorderPoint: boolean): void {
    this.#navigate({ ...this.state(), belowReorderPoint, cursor: null }, []);
  }

  protected addAttributeFilter(): void {
    const text = this.attributeInput.value.trim();
    if (!text) {
      return;
    }
    const filter = parseAttributeFilter(text);
    const current = this.state().attributes;
    if (!filter || current.length >= MAX_ATTRIBUTE_FILTERS) {
      this.attributeInputInvalid.set(true);
      return;
    }
    this.attributeInput.setValue('');
    if (!current.includes(filter)) {
      this.#navigate({ ...this.state(), attributes: [...current, filter], cursor: null }, []);
    }
  }

  protected removeAttributeFilter(filter: string): void {
    this.#navigate(
      { ...this.state(), attributes: this.state().attributes.filter((item) => item !== filter), cursor: null },
      [],
    );
  }

  /** Downloads the products matching the current search and filters (all pages) as CSV. */
  protected exportCsv(): void {
    if (this.exporting()) {
      return;
    }
    this.exporting.set(true);
    this.exportError.set(null);
    this.#products.exportCsv(toFilterQuery(this.state())).subscribe({
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

  protected onSort(sort: Sort): void {
    const field = sort.active as ProductListState['sort']['field'];
    const next = sort.direction === '' ? DEFAULT_SORT : { field, direction: sort.direction };
    this.#navigate({ ...this.state(), sort: next, cursor: null }, []);
  }

  protected onStatus(status: StatusFilter): void {
    this.#navigate({ ...this.state(), status, cursor: null }, []);
  }

  protected onPageSize(limit: number): void {
    this.#navigate({ ...this.state(), limit, cursor: null }, []);
  }

  protected nextPage(): void {
    const next = this.nextCursor();
    if (next) {
      this.#navigate({ ...this.state(), cursor: next }, [...this.cursorStack(), this.state().cursor ?? '']);
    }
  }

  protected previousPage(): void {
    const stack = [...this.cursorStack()];
    // Without a remembered stack (e.g. a shared link), "Previous" goes back to the first page.
    const previous = stack.pop() ?? '';
    this.#navigate({ ...this.state(), cursor: previous || null }, stack);
  }

  protected firstPage(): void {
    this.#navigate({ ...this.state(), cursor: null }, []);
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.#navigate({ ...DEFAULT_LIST_STATE, sort: this.state().sort, limit: this.state().limit }, []);
  }

  protected retry(): void {
    this.#reload.next();
  }

  protected openRow(event: MouseEvent, product: ProductDto): void {
    // The SKU link navigates by itself (and supports ctrl/middle click); don't do it twice.
    if (event.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.#router.navigate(this.productLink(product), { relativeTo: this.#route });
  }

  /** Where a row leads (relative to the list): the product's page. */
  protected productLink(product: ProductDto): string[] {
    return [product.id];
  }

  protected statusLabel(status: StatusFilter): string {
    return status === 'all' ? 'All' : status === 'active' ? 'Active' : 'Archived';
  }

  #load(state: ProductListState) {
    return this.#products.list(toApiQuery(state)).pipe(
      map((page): LoadResult => {
        const key = filterKey(state);
        if (page.total !== undefined) {
          this.#totals.set(key, page.total);
        }
        this.total.set(this.#totals.get(key) ?? null);
        this.#lastPage.set(page);
        return { kind: 'loaded', page };
      }),
      catchError((error: unknown) => {
        this.#lastPage.set(null);
        return of<LoadResult>({ kind: 'failed', problem: toProblemDetails(error) });
      }),
      startWith<LoadResult>({ kind: 'loading' }),
    );
  }

  #navigate(state: ProductListState, cursorStack: string[]): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: toQueryParams(state),
      state: { [CURSOR_STACK_KEY]: cursorStack },
    });
  }

  #readCursorStack(): string[] {
    const state: unknown = this.#router.currentNavigation()?.extras.state ?? this.#location.getState();
    if (typeof state !== 'object' || state === null) {
      return [];
    }
    const stack: unknown = (state as Record<string, unknown>)[CURSOR_STACK_KEY];
    return Array.isArray(stack) ? stack.filter((cursor): cursor is string => typeof cursor === 'string') : [];
  }
}
