import { Location } from '@angular/common';
import { DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap, type Params, Router } from '@angular/router';
import type { Page, ProblemDetails } from '@depot/contracts';
import { Subject, type Observable, catchError, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { problemMessage, toProblemDetails } from '../http/problem-details';
import { readCursorStack } from '../list/cursor-stack';
import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  SELECT_ALL_LIMIT,
  type TableSort,
  formatSort,
  parseColumns,
  parsePageSize,
  parseSort,
} from './table-state';

/** What the table asks of a list for one page. */
export interface TablePageQuery {
  limit: number;
  cursor?: string;
  sort?: string;
  includeTotal: true;
}

export interface TableListOptions<T> {
  /** Fields the server sorts by (the contracts' `<ENTITY>_SORT_FIELDS`); empty when it cannot sort. */
  sortFields?: readonly string[];
  /** The order without a `sort` param, e.g. `-createdAt`; leave out for the server's default. */
  defaultSort?: string;
  /** The server sorts by `defaultSort` without being told: send `sort` only when another order is chosen. */
  defaultSortImplied?: boolean;
  /** Prefix of this list's query params when it shares the URL with a page (e.g. a tab). */
  paramPrefix?: string;
  /** Loads one page; `params` is the whole URL query, from which the list reads its filters. */
  fetch: (query: TablePageQuery, params: ParamMap) => Observable<Page<T>>;
  rowId: (row: T) => string;
  /**
   * Anything else the rows depend on (read from signals, e.g. a component input such as the product
   * id of a tab): a change loads the first page again. Loading starts once it can be read.
   */
  context?: () => unknown;
}

type LoadState<T> =
  { kind: 'loading' } | { kind: 'loaded'; page: Page<T> } | { kind: 'failed'; problem: ProblemDetails };

/** Query param names the table itself owns (before the prefix). */
const TABLE_PARAMS = ['sort', 'limit', 'cursor', 'cols'] as const;

/**
 * The state and data of one list shown in a `app-data-table`. All of it (filters, sort, page size,
 * cursor, visible columns) lives in the URL query, so reload, bookmarks, back/forward and saved
 * views restore it. Keyset paging goes back with a stack of the earlier pages' cursors kept in
 * `history.state` next to the URL. Create it in a component's field initializer
 * (`injectTableList`): it reads the route and unsubscribes with the component.
 */
export class TableList<T> {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #location = inject(Location);
  readonly #reload = new Subject<void>();
  /** The last total seen per filter set, for pages answered without one. */
  readonly #totals = new Map<string, { total: number; capped: boolean }>();
  readonly #options: TableListOptions<T>;
  readonly #prefix: string;
  readonly #stackKey: string;

  /** The whole URL query. */
  readonly params: () => ParamMap;
  readonly #stack: () => string[];
  readonly sortFields: readonly string[];
  readonly sort = computed<TableSort | null>(
    () =>
      parseSort(this.params().get(this.param('sort')), this.sortFields) ??
      parseSort(this.#options.defaultSort, this.sortFields),
  );
  readonly pageSize = computed(() => parsePageSize(this.params().get(this.param('limit'))));
  readonly cursor = computed(() => this.params().get(this.param('cursor')) || null);
  /** Visible column keys from the URL, or `null` for the table's defaults. */
  readonly columnsParam = computed(() => this.params().get(this.param('cols')));
  /** 0-based index of the page on screen. */
  readonly pageIndex = computed(() => (this.cursor() ? Math.max(this.#stack().length, 1) : 0));
  /** Changes whenever the filters (anything but paging, order and columns) change. */
  readonly filterKey = computed(() => filterKeyOf(this.params(), this.#ownParams()));

  readonly #state = signal<LoadState<T>>({ kind: 'loading' });
  readonly #lastPage = signal<Page<T> | null>(null);
  readonly loading = computed(() => this.#state().kind === 'loading');
  /** True once a page of the current query arrived. */
  readonly loaded = computed(() => this.#state().kind === 'loaded');
  readonly problem = computed(() => {
    const state = this.#state();
    return state.kind === 'failed' ? state.problem : null;
  });
  readonly problemText = computed(() => {
    const problem = this.problem();
    return problem ? problemMessage(problem) : '';
  });
  /** Rows stay on screen while the next page loads, so the table does not jump. */
  readonly rows = computed(() => this.#lastPage()?.items ?? []);
  readonly nextCursor = computed(() => this.#lastPage()?.nextCursor ?? null);
  readonly total = computed(() => this.#lastPage()?.total ?? null);
  readonly totalCapped = computed(() => this.#lastPage()?.totalCapped === true);

  constructor(options: TableListOptions<T>) {
    this.#options = options;
    this.#prefix = options.paramPrefix ?? '';
    this.#stackKey = `${this.#prefix || 'list'}Cursors`;
    this.sortFields = options.sortFields ?? [];
    const view = toSignal(
      this.#route.queryParamMap.pipe(
        map((params) => ({ params, stack: readCursorStack(this.#router, this.#location, this.#stackKey) })),
      ),
      { requireSync: true },
    );
    this.params = () => view().params;
    this.#stack = () => view().stack;

    const destroyRef = inject(DestroyRef);
    // Without a context the first page loads at once; a context (an input) is read once it is set.
    const context = options.context;
    const context$ = context ? toObservable(computed(() => context())) : of(undefined);
    this.#route.queryParamMap
      .pipe(
        switchMap((params) => context$.pipe(map((value) => ({ params, value })))),
        map(({ params, value }) => ({
          params,
          key: `${fetchKeyOf(params, this.param('cols'))}|${JSON.stringify(value) ?? ''}`,
        })),
        distinctUntilChanged((a, b) => a.key === b.key),
        map(({ params }) => params),
        switchMap((params) =>
          this.#reload.pipe(
            startWith(undefined),
            switchMap(() => this.#load(params)),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((state) => this.#state.set(state));
  }

  /** The URL name of one of the table's own params. */
  param(name: (typeof TABLE_PARAMS)[number]): string {
    return this.#prefix ? `${this.#prefix}${name[0]?.toUpperCase()}${name.slice(1)}` : name;
  }

  /** Loads the current page again (Retry, or after a live change). */
  reload(): void {
    this.#reload.next();
  }

  /** Changes filters (`null` removes one) and goes back to the first page. */
  setFilters(filters: Params): void {
    this.#navigate({ ...filters, [this.param('cursor')]: null }, []);
  }

  /** Removes the given filters and goes to the first page. */
  clearFilters(keys: readonly string[]): void {
    this.setFilters(Object.fromEntries(keys.map((key) => [key, null])));
  }

  setSort(sort: TableSort): void {
    const value = formatSort(sort);
    const isDefault = value === this.#options.defaultSort;
    this.#navigate({ [this.param('sort')]: isDefault ? null : value, [this.param('cursor')]: null }, []);
  }

  setPageSize(size: number): void {
    const limit = PAGE_SIZES.find((allowed) => allowed === size) ?? DEFAULT_PAGE_SIZE;
    this.#navigate(
      { [this.param('limit')]: limit === DEFAULT_PAGE_SIZE ? null : String(limit), [this.param('cursor')]: null },
      [],
    );
  }

  /** Visible columns; `null` goes back to the defaults. */
  setColumns(keys: readonly string[] | null): void {
    this.#navigate({ [this.param('cols')]: keys ? keys.join(',') : null }, this.#stack(), true);
  }

  nextPage(): void {
    const next = this.nextCursor();
    if (next) {
      this.#navigate({ [this.param('cursor')]: next }, [...this.#stack(), this.cursor() ?? '']);
    }
  }

  previousPage(): void {
    const stack = [...this.#stack()];
    // Without a remembered stack (e.g. a shared link), "Previous" goes back to the first page.
    const previous = stack.pop() ?? '';
    this.#navigate({ [this.param('cursor')]: previous || null }, stack);
  }

  firstPage(): void {
    this.#navigate({ [this.param('cursor')]: null }, []);
  }

  /**
   * The ids of every row matching the current filters, at most `limit` (for "Select all N
   * matching"): pages through the list itself, 100 rows at a time.
   */
  loadIds(limit: number = SELECT_ALL_LIMIT): Observable<string[]> {
    const params = this.params();
    const sort = this.sort();
    const base: TablePageQuery = { limit: 100, includeTotal: true, ...(sort ? { sort: formatSort(sort) } : {}) };
    const from = (cursor: string | null, ids: string[]): Observable<string[]> =>
      this.#options.fetch(cursor ? { ...base, cursor } : base, params).pipe(
        switchMap((page) => {
          const all = [...ids, ...page.items.map((row) => this.#options.rowId(row))];
          return page.nextCursor && all.length < limit ? from(page.nextCursor, all) : of(all.slice(0, limit));
        }),
      );
    return from(null, []);
  }

  rowId(row: T): string {
    return this.#options.rowId(row);
  }

  parsedColumns(known: readonly string[]): string[] | null {
    return parseColumns(this.columnsParam(), known);
  }

  #ownParams(): string[] {
    return TABLE_PARAMS.map((name) => this.param(name));
  }

  #load(params: ParamMap): Observable<LoadState<T>> {
    const chosen = parseSort(params.get(this.param('sort')), this.sortFields);
    const sort =
      chosen ?? (this.#options.defaultSortImplied ? null : parseSort(this.#options.defaultSort, this.sortFields));
    const cursor = params.get(this.param('cursor'));
    const query: TablePageQuery = {
      limit: parsePageSize(params.get(this.param('limit'))),
      includeTotal: true,
      ...(sort ? { sort: formatSort(sort) } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const key = filterKeyOf(params, this.#ownParams());
    return this.#options.fetch(query, params).pipe(
      map((page) => {
        if (page.total !== undefined) {
          this.#totals.set(key, { total: page.total, capped: page.totalCapped === true });
          return page;
        }
        const known = this.#totals.get(key);
        return known ? { ...page, total: known.total, totalCapped: known.capped } : page;
      }),
      tap((page) => this.#lastPage.set(page)),
      map((page): LoadState<T> => ({ kind: 'loaded', page })),
      catchError((error: unknown) => {
        this.#lastPage.set(null);
        return of<LoadState<T>>({ kind: 'failed', problem: toProblemDetails(error) });
      }),
      startWith<LoadState<T>>({ kind: 'loading' }),
    );
  }

  #navigate(queryParams: Params, stack: string[], replaceUrl = false): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams,
      queryParamsHandling: 'merge',
      state: { [this.#stackKey]: stack },
      replaceUrl,
    });
  }
}

/** Creates a `TableList` (in an injection context, e.g. a component field). */
export function injectTableList<T>(options: TableListOptions<T>): TableList<T> {
  return new TableList<T>(options);
}

/** The query without the given params, as a stable string. */
function filterKeyOf(params: ParamMap, without: readonly string[]): string {
  return JSON.stringify(
    params.keys
      .filter((key) => !without.includes(key))
      .sort()
      .map((key) => [key, params.getAll(key)]),
  );
}

/** What decides the rows on screen: everything but the visible columns. */
function fetchKeyOf(params: ParamMap, colsParam: string): string {
  return filterKeyOf(params, [colsParam]);
}

/**
 * A filter query for `TableList.setFilters`: every key in `keys` that `params` leaves out becomes
 * `null`, so the merge removes it from the URL.
 */
export function filterParams(keys: readonly string[], params: Params): Params {
  return Object.fromEntries(keys.map((key) => [key, params[key] ?? null]));
}
