import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  Permission,
  STOCK_MOVEMENT_SORT_FIELDS,
  type LedgerConsistencyDto,
  type StockMovementDto,
  type StockMovementListQuery,
  type WarehouseDto,
} from '@depot/contracts';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { injectTableList } from '../../../shared/table/table-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { STOCK_AGGREGATE, StockService } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import {
  MOVEMENT_DEFAULT_SORT,
  type MovementFilters,
  activeMovementFilterCount,
  parseMovementFilters,
  sameMovementFilters,
  toMovementParams,
  toMovementQuery,
} from '../shared/movement-filters';
import { MovementFiltersComponent } from '../shared/movement-filters.component';
import { MovementTableComponent } from '../shared/movement-table.component';

/** Name of the downloaded CSV file, e.g. `stock-movements-2026-03-04.csv`. */
export function exportFileName(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `stock-movements-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/**
 * The stock ledger of all products (`/stock/movements`) on the shared data table: filters in the URL, CSV
 * export of the filtered ledger and a consistency check of stock levels against the ledger.
 */
@Component({
  selector: 'app-ledger',
  imports: [MatButton, MatProgressBar, DateTimePipe, IconComponent, MovementFiltersComponent, MovementTableComponent],
  templateUrl: './ledger.component.html',
  styleUrl: './ledger.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerComponent {
  readonly #stock = inject(StockService);
  readonly #document = inject(DOCUMENT);

  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly movements = injectTableList<StockMovementDto>({
    sortFields: STOCK_MOVEMENT_SORT_FIELDS,
    defaultSort: MOVEMENT_DEFAULT_SORT,
    fetch: (query, params) => this.#stock.movements({ ...query, ...toMovementQuery(parseMovementFilters(params)) }),
    rowId: (movement) => movement.id,
  });
  protected readonly state = computed(() => parseMovementFilters(this.movements.params()), {
    equal: sameMovementFilters,
  });
  protected readonly hasFilters = computed(() => activeMovementFilterCount(this.state()) > 0);
  /** Live events arrived since the list was loaded: offer to show them rather than jump. */
  protected readonly newMovements = signal(false);

  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  protected readonly checking = signal(false);
  protected readonly consistency = signal<LedgerConsistencyDto | null>(null);
  protected readonly consistencyError = signal<string | null>(null);

  constructor() {
    if (inject(AuthService).hasPermission(Permission.InventoryWarehousesRead)) {
      inject(WarehousesService)
        .all()
        .subscribe({ next: (all) => this.warehouses.set(all), error: () => undefined });
    }

    inject(RealtimeService)
      .changes({ aggregateType: STOCK_AGGREGATE })
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.newMovements.set(true));
  }

  protected onFilters(filters: MovementFilters): void {
    this.newMovements.set(false);
    this.movements.setFilters(toMovementParams(filters));
  }

  protected showNew(): void {
    this.newMovements.set(false);
    this.movements.reload();
  }

  protected exportCsv(): void {
    if (this.exporting()) {
      return;
    }
    // The export has the ledger's filters but no paging.
    const query: StockMovementListQuery = { ...toMovementQuery(this.state()), sort: MOVEMENT_DEFAULT_SORT };
    this.exporting.set(true);
    this.exportError.set(null);
    this.#stock.exportMovements(query).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        this.#download(blob, exportFileName());
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.exportError.set(`Could not export the ledger: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }

  protected checkConsistency(): void {
    this.checking.set(true);
    this.consistencyError.set(null);
    this.#stock.consistency().subscribe({
      next: (result) => {
        this.checking.set(false);
        this.consistency.set(result);
      },
      error: (error: unknown) => {
        this.checking.set(false);
        this.consistencyError.set(`Could not check the ledger: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }

  #download(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.#document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    this.#document.body.appendChild(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the URL is gone.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
