import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type ParamMap } from '@angular/router';
import {
  PAGINATION,
  Permission,
  WAREHOUSE_SORT_FIELDS,
  type WarehouseDto,
  type WarehouseListQuery,
} from '@depot/contracts';
import { debounceTime, map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { openRecordHistoryDialog } from '../../../shared/history/record-history-dialog.component';
import { DataTableComponent } from '../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../shared/table/table-column';
import { injectTableList } from '../../../shared/table/table-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { WAREHOUSE_AGGREGATE, WarehousesService } from '../data-access/warehouses.service';
import { openWarehouseDialog } from './warehouse-dialog.component';
import { SavedViewsComponent } from '../../../shared/saved-views/saved-views.component';

export type ActiveFilter = 'all' | 'active' | 'inactive';

const SEARCH_DEBOUNCE_MS = 300;
const ACTIVE_FILTERS: readonly ActiveFilter[] = ['all', 'active', 'inactive'];

interface WarehouseFilters {
  q: string;
  active: ActiveFilter;
}

function parseWarehouseFilters(params: ParamMap): WarehouseFilters {
  const active = params.get('active');
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    active: ACTIVE_FILTERS.find((filter) => filter === active) ?? 'all',
  };
}

function toWarehouseQuery(filters: WarehouseFilters): WarehouseListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.active === 'all' ? {} : { active: filters.active === 'active' }),
  };
}

/** The warehouses (`/warehouses`) on the shared data table: search and state in the URL, create and edit in a dialog. */
@Component({
  selector: 'app-warehouse-list',
  imports: [
    SavedViewsComponent,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
    DateTimePipe,
    IconComponent,
  ],
  templateUrl: './warehouse-list.component.html',
  styleUrl: './warehouse-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarehouseListComponent {
  readonly #warehouses = inject(WarehousesService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);

  readonly #auth = inject(AuthService);

  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.InventoryWarehousesWrite));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly list = injectTableList<WarehouseDto>({
    sortFields: WAREHOUSE_SORT_FIELDS,
    defaultSort: 'code',
    fetch: (query, params) => this.#warehouses.list({ ...query, ...toWarehouseQuery(parseWarehouseFilters(params)) }),
    rowId: (warehouse) => warehouse.id,
  });
  protected readonly filters = computed(() => parseWarehouseFilters(this.list.params()), {
    equal: (a, b) => a.q === b.q && a.active === b.active,
  });
  protected readonly filterCount = computed(
    () => (this.filters().q ? 1 : 0) + (this.filters().active !== 'all' ? 1 : 0),
  );
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly active = new FormControl<ActiveFilter>('all', { nonNullable: true });
  protected readonly columns = computed((): TableColumn<WarehouseDto>[] => [
    { key: 'code', label: 'Code', sortField: 'code', hideable: false, card: 'title', nowrap: true },
    { key: 'name', label: 'Name', sortField: 'name' },
    { key: 'address', label: 'Address', value: (warehouse) => warehouse.address ?? '' },
    { key: 'active', label: 'State' },
    { key: 'updatedAt', label: 'Updated', nowrap: true, card: 'hidden' },
    ...(this.canWrite() || this.canReadAudit()
      ? [{ key: 'actions', label: 'Actions', labelHidden: true, hideable: false, nowrap: true }]
      : []),
  ]);

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        if (this.search.value.trim() !== filters.q) {
          this.search.setValue(filters.q, { emitEvent: false });
        }
        this.active.setValue(filters.active, { emitEvent: false });
      });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== this.filters().q) {
          this.list.setFilters({ q: q || null });
        }
      });
    this.active.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((active) => this.list.setFilters({ active: active === 'all' ? null : active }));
    inject(RealtimeService)
      .changes({ aggregateType: WAREHOUSE_AGGREGATE })
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.list.reload());
  }

  protected create(): void {
    openWarehouseDialog(this.#dialog, {}).subscribe((saved) => {
      if (saved) {
        this.#snackBar.open(`Created warehouse ${saved.code}.`, 'Dismiss', { duration: 4000 });
        this.list.reload();
      }
    });
  }

  protected edit(warehouse: WarehouseDto): void {
    openWarehouseDialog(this.#dialog, { warehouse }).subscribe((saved) => {
      if (saved) {
        this.#snackBar.open(`Saved warehouse ${saved.code}.`, 'Dismiss', { duration: 4000 });
        this.list.reload();
      }
    });
  }

  protected history(warehouse: WarehouseDto): void {
    openRecordHistoryDialog(this.#dialog, {
      title: `History of warehouse ${warehouse.code}`,
      entityType: 'warehouse',
      entityId: warehouse.id,
    });
  }

  protected hasFilters(): boolean {
    return this.filterCount() > 0;
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.list.setFilters({ q: null, active: null });
  }
}
