import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { PAGINATION, Permission, type WarehouseDto, type WarehouseListQuery } from '@depot/contracts';
import { debounceTime, map, merge } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { openRecordHistoryDialog } from '../../../shared/history/record-history-dialog.component';
import { problemMessage } from '../../../shared/http/problem-details';
import { LoadMoreList } from '../../../shared/list/load-more-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { WAREHOUSE_AGGREGATE, WarehousesService } from '../data-access/warehouses.service';
import { openWarehouseDialog } from './warehouse-dialog.component';

export type ActiveFilter = 'all' | 'active' | 'inactive';

const SEARCH_DEBOUNCE_MS = 300;
const PAGE_SIZE = 50;

/** The warehouses (`/warehouses`): search, filter by state, create and edit in a dialog. */
@Component({
  selector: 'app-warehouse-list',
  imports: [
    ReactiveFormsModule,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
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
  protected readonly list = new LoadMoreList<WarehouseDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.list.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly active = new FormControl<ActiveFilter>('all', { nonNullable: true });
  protected readonly columns = computed(() => [
    'code',
    'name',
    'address',
    'active',
    'updatedAt',
    ...(this.canWrite() || this.canReadAudit() ? ['actions'] : []),
  ]);

  constructor() {
    this.#load();
    merge(this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS)), this.active.valueChanges.pipe(map(() => '')))
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.#load());
    inject(RealtimeService)
      .changes({ aggregateType: WAREHOUSE_AGGREGATE })
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.list.refresh());
  }

  protected create(): void {
    openWarehouseDialog(this.#dialog, {}).subscribe((saved) => {
      if (saved) {
        this.#snackBar.open(`Created warehouse ${saved.code}.`, 'Dismiss', { duration: 4000 });
        this.list.refresh();
      }
    });
  }

  protected edit(warehouse: WarehouseDto): void {
    openWarehouseDialog(this.#dialog, { warehouse }).subscribe((saved) => {
      if (saved) {
        this.#snackBar.open(`Saved warehouse ${saved.code}.`, 'Dismiss', { duration: 4000 });
        this.list.refresh();
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
    return this.search.value.trim() !== '' || this.active.value !== 'all';
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.active.setValue('all');
  }

  #load(): void {
    const q = this.search.value.trim();
    const active = this.active.value;
    const query: WarehouseListQuery = {
      limit: PAGE_SIZE,
      sort: 'code',
      ...(q ? { q } : {}),
      ...(active === 'all' ? {} : { active: active === 'active' }),
    };
    this.list.load((cursor) => this.#warehouses.list(cursor ? { ...query, cursor } : query));
  }
}
