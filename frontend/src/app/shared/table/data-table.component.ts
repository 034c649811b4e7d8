import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  type TemplateRef,
  computed,
  contentChild,
  contentChildren,
  effect,
  inject,
  input,
  Output,
  EventEmitter,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { ErrorCode } from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { IconComponent } from '../ui/icon/icon.component';
import { TableIconComponent } from './table-icon.component';
import { TableCellDirective, TableRowDetailDirective } from './table-cell.directive';
import type { TableColumn } from './table-column';
import { TableDensityService } from './table-density.service';
import type { TableList } from './table-list';
import {
  PAGE_SIZES,
  SELECT_ALL_LIMIT,
  formatCount,
  formatTotal,
  movedIndex,
  nextSort,
  pageRangeText,
  toggleSelection,
} from './table-state';

/** Below this width every row is a card (no sideways scrolling on phones). */
export const CARD_LAYOUT_QUERY = '(max-width: 599.98px)';

type RowLink = string | readonly unknown[] | null;

/**
 * The one table of every list: sortable columns (server fields only), "1–25 of 1,234" paging with
 * a page size, a column chooser and density, loading/empty/error states, keyboard row navigation
 * (arrows or j/k, Enter opens), selection with shift-click ranges and "select all N matching", and
 * cards instead of rows on phones. The state lives in the URL through the `TableList`.
 *
 * Slots: `[depotTableToolbar]` (left of the column chooser, e.g. a saved-views selector),
 * `[depotTableSelectionActions]` (shown while rows are selected, e.g. bulk actions) and
 * `[depotTableEmpty]` (under the empty-state text).
 */
@Component({
  selector: 'app-data-table',
  imports: [
    NgTemplateOutlet,
    MatButton,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    IconComponent,
    TableIconComponent,
  ],
  templateUrl: './data-table.component.html',
  styleUrl: './data-table.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataTableComponent<T> {
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #density = inject(TableDensityService);

  readonly list = input.required<TableList<T>>();
  readonly columns = input.required<readonly TableColumn<T>[]>();
  /** Accessible name of the table, e.g. "Products". */
  readonly label = input.required<string>();
  /** Where a row leads (Enter, a click on the row); `null` for rows that open nothing. */
  readonly rowLink = input<(row: T) => RowLink>(() => null);
  /** A short name of a row for the checkbox label, e.g. its SKU. */
  readonly rowLabel = input<(row: T) => string>((row) => this.list().rowId(row));
  readonly selectable = input(false);
  /** Loads the ids of every matching row (at most 1,000); defaults to paging through the list. */
  readonly selectAll = input<(() => Observable<string[]>) | null>(null);
  readonly emptyText = input('Nothing to show.');
  /** Empty-state text while filters are active. */
  readonly emptyFilteredText = input<string | null>(null);
  readonly filtered = input(false);

  /** A class on every row (e.g. `product-row`), for styles and tests. */
  readonly rowClass = input('');
  /** Ids of the rows whose `appRowDetail` content is shown. */
  readonly expanded = input<ReadonlySet<string>>(new Set());

  /** The selected row ids, after every change. */
  @Output() readonly selectionChange = new EventEmitter<string[]>();
  protected readonly detail = contentChild(TableRowDetailDirective);

  protected readonly cells = contentChildren(TableCellDirective);
  readonly #cellTemplates = computed(
    () => new Map(this.cells().map((cell) => [cell.appCell(), cell.template] as const)),
  );

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly cardLayout = toSignal(
    inject(BreakpointObserver)
      .observe(CARD_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly compact = this.#density.compact;

  protected readonly hideableColumns = computed(() => this.columns().filter((column) => column.hideable !== false));
  readonly #defaultVisible = computed(() =>
    this.columns()
      .filter((column) => !column.hiddenByDefault || column.hideable === false)
      .map((column) => column.key),
  );
  protected readonly visibleKeys = computed(() => {
    const all = this.columns();
    const chosen = this.list().parsedColumns(all.map((column) => column.key)) ?? this.#defaultVisible();
    return new Set([...chosen, ...all.filter((column) => column.hideable === false).map((column) => column.key)]);
  });
  protected readonly visibleColumns = computed(() =>
    this.columns().filter((column) => this.visibleKeys().has(column.key)),
  );
  protected readonly columnCount = computed(() => this.visibleColumns().length + (this.selectable() ? 1 : 0));
  protected readonly cardTitle = computed(() => {
    const visible = this.visibleColumns().filter((column) => column.card !== 'hidden');
    return visible.find((column) => column.card === 'title') ?? visible[0] ?? null;
  });
  protected readonly cardFields = computed(() =>
    this.visibleColumns().filter((column) => column.card !== 'hidden' && column !== this.cardTitle()),
  );
  protected readonly sortableColumns = computed(() => this.columns().filter((column) => this.#isSortable(column)));

  protected readonly rows = computed(() => this.list().rows());
  protected readonly ids = computed(() => this.rows().map((row) => this.list().rowId(row)));
  protected readonly rangeText = computed(() => {
    const list = this.list();
    return pageRangeText({
      pageIndex: list.pageIndex(),
      pageSize: list.pageSize(),
      rowCount: this.rows().length,
      total: list.total(),
      totalCapped: list.totalCapped(),
      hasNext: list.nextCursor() !== null,
    });
  });
  protected readonly invalidCursor = computed(() => this.list().problem()?.code === ErrorCode.InvalidCursor);
  protected readonly showEmpty = computed(
    () => this.list().loaded() && !this.list().problem() && this.rows().length === 0,
  );

  /** The row that holds the tab stop (roving tabindex). */
  protected readonly activeIndex = signal(0);

  readonly #selected = signal<ReadonlySet<string>>(new Set());
  #anchor: number | null = null;
  /** The selected row ids (also across pages). */
  readonly selectedIds = computed(() => [...this.#selected()]);
  protected readonly selectedCount = computed(() => this.#selected().size);
  protected readonly pageSelection = computed(() => {
    const ids = this.ids();
    const selected = this.#selected();
    const count = ids.filter((id) => selected.has(id)).length;
    return { all: ids.length > 0 && count === ids.length, some: count > 0 && count < ids.length };
  });
  protected readonly selectingAll = signal(false);
  protected readonly selectAllNote = signal<string | null>(null);
  /** Offer "Select all N matching" once the whole page is selected and more rows match. */
  protected readonly matchingCount = computed(() => {
    const list = this.list();
    const total = list.total();
    if (!this.pageSelection().all || this.selectedCount() >= Math.min(total ?? Infinity, SELECT_ALL_LIMIT)) {
      return null;
    }
    if (total !== null && total > this.rows().length) {
      return {
        text: total > SELECT_ALL_LIMIT ? `the first ${formatCount(SELECT_ALL_LIMIT)}` : `all ${formatCount(total)}`,
      };
    }
    return total === null && list.nextCursor() ? { text: 'all' } : null;
  });
  protected readonly totalText = computed(() => {
    const total = this.list().total();
    return total === null ? null : formatTotal(total, this.list().totalCapped());
  });

  constructor() {
    // New filters: the old selection no longer matches what is shown.
    let filterKey: string | null = null;
    effect(() => {
      const key = this.list().filterKey();
      if (filterKey !== null && key !== filterKey) {
        untracked(() => this.clearSelection());
      }
      filterKey = key;
    });
    // A new page: the tab stop goes back to its first row.
    effect(() => {
      this.rows();
      untracked(() => this.activeIndex.set(0));
    });
  }

  clearSelection(): void {
    this.#setSelection(new Set());
    this.selectAllNote.set(null);
  }

  protected cellTemplate(key: string): TemplateRef<unknown> | null {
    return this.#cellTemplates().get(key) ?? null;
  }

  protected cellValue(column: TableColumn<T>, row: T): string {
    const value = column.value?.(row);
    return value === null || value === undefined ? '' : String(value);
  }

  protected isSelected(id: string): boolean {
    return this.#selected().has(id);
  }

  protected sortState(column: TableColumn<T>): 'ascending' | 'descending' | null {
    const sort = this.list().sort();
    if (!sort || !column.sortField || sort.field !== column.sortField) {
      return null;
    }
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  }

  protected isSortable(column: TableColumn<T>): boolean {
    return this.#isSortable(column);
  }

  protected sortBy(column: TableColumn<T>): void {
    if (column.sortField && this.#isSortable(column)) {
      this.list().setSort(nextSort(this.list().sort(), column.sortField, column.sortStart));
    }
  }

  /** The phone layout's "Sort by" select: `field` or `-field`. */
  protected onSortSelect(value: string): void {
    const descending = value.startsWith('-');
    this.list().setSort({ field: value.replace(/^-/, ''), direction: descending ? 'desc' : 'asc' });
  }

  protected sortValue(): string {
    const sort = this.list().sort();
    return sort ? (sort.direction === 'desc' ? `-${sort.field}` : sort.field) : '';
  }

  protected toggleColumn(key: string): void {
    const visible = new Set(this.visibleKeys());
    if (visible.has(key)) {
      visible.delete(key);
    } else {
      visible.add(key);
    }
    const keys = this.columns()
      .map((column) => column.key)
      .filter((columnKey) => visible.has(columnKey));
    const defaults = this.#defaultVisible();
    const isDefault =
      keys.length === defaults.length && keys.every((columnKey, index) => columnKey === defaults[index]);
    this.list().setColumns(isDefault ? null : keys);
  }

  protected toggleDensity(): void {
    this.#density.toggle();
  }

  protected onCheckboxClick(event: MouseEvent, index: number): void {
    event.stopPropagation();
    const next = toggleSelection({
      ids: this.ids(),
      selected: this.#selected(),
      index,
      anchor: this.#anchor,
      shift: event.shiftKey,
    });
    if (!event.shiftKey) {
      this.#anchor = index;
    }
    this.activeIndex.set(index);
    this.#setSelection(next);
    const checkbox = event.target;
    if (checkbox instanceof HTMLInputElement) {
      checkbox.checked = next.has(this.ids()[index] ?? '');
    }
  }

  protected togglePage(): void {
    const next = new Set(this.#selected());
    if (this.pageSelection().all) {
      this.ids().forEach((id) => next.delete(id));
    } else {
      this.ids().forEach((id) => next.add(id));
    }
    this.#anchor = null;
    this.selectAllNote.set(null);
    this.#setSelection(next);
  }

  protected selectAllMatching(): void {
    const load = this.selectAll() ?? (() => this.list().loadIds(SELECT_ALL_LIMIT));
    this.selectingAll.set(true);
    load().subscribe({
      next: (ids) => {
        const limited = ids.slice(0, SELECT_ALL_LIMIT);
        this.selectingAll.set(false);
        this.#setSelection(new Set(limited));
        const total = this.list().total();
        this.selectAllNote.set(
          total !== null && total > limited.length
            ? `${formatCount(limited.length)} rows selected (the most at once).`
            : `All ${formatCount(limited.length)} matching rows selected.`,
        );
      },
      error: () => {
        this.selectingAll.set(false);
        this.selectAllNote.set('Could not select all matching rows. Try again.');
      },
    });
  }

  protected onRowClick(event: MouseEvent, row: T, index: number): void {
    this.activeIndex.set(index);
    if (event.target instanceof Element && event.target.closest('a, button, input, select, textarea, label')) {
      return;
    }
    this.#open(row, event.ctrlKey || event.metaKey);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      target.closest('textarea, select, input:not([type="checkbox"]), [contenteditable="true"]')
    ) {
      return;
    }
    const moved = movedIndex(event.key, this.activeIndex(), this.rows().length);
    if (moved !== null) {
      event.preventDefault();
      this.activeIndex.set(moved);
      this.#focusRow(moved);
      return;
    }
    const row = this.rows()[this.activeIndex()];
    const onRow = target instanceof HTMLElement && target.hasAttribute('data-row-index');
    if (event.key === 'Enter' && onRow && row !== undefined) {
      event.preventDefault();
      this.#open(row, false);
    } else if (event.key === ' ' && onRow && this.selectable()) {
      event.preventDefault();
      this.#setSelection(
        toggleSelection({
          ids: this.ids(),
          selected: this.#selected(),
          index: this.activeIndex(),
          anchor: null,
          shift: false,
        }),
      );
    }
  }

  protected onRowFocus(index: number): void {
    this.activeIndex.set(index);
  }

  #open(row: T, newTab: boolean): void {
    const link = this.rowLink()(row);
    if (link === null) {
      return;
    }
    const tree = typeof link === 'string' ? this.#router.parseUrl(link) : this.#router.createUrlTree([...link]);
    if (newTab) {
      window.open(this.#router.serializeUrl(tree), '_blank', 'noopener');
      return;
    }
    void this.#router.navigateByUrl(tree);
  }

  #focusRow(index: number): void {
    this.#host.nativeElement.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
  }

  #isSortable(column: TableColumn<T>): boolean {
    return column.sortField !== undefined && this.list().sortFields.includes(column.sortField);
  }

  #setSelection(next: ReadonlySet<string>): void {
    this.#selected.set(next);
    this.selectionChange.emit([...next]);
  }
}
