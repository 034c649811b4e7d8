import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import {
  MOVEMENT_TYPES,
  PAGINATION,
  Permission,
  type LedgerConsistencyDto,
  type MovementType,
  type StockMovementListQuery,
  type StockMovementDto,
  type WarehouseDto,
} from '@depot/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { LoadMoreList } from '../../../shared/list/load-more-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { MOVEMENT_TYPE_LABELS } from '../data-access/inventory-labels';
import { STOCK_AGGREGATE, StockService } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import { MovementTableComponent } from '../shared/movement-table.component';
import {
  type LedgerFilters,
  EMPTY_LEDGER_FILTERS,
  hasLedgerFilters,
  parseLedgerFilters,
  sameLedgerFilters,
  toLedgerApiQuery,
  toLedgerQueryParams,
} from './ledger-state';

const FILTER_DEBOUNCE_MS = 300;

/** Name of the downloaded CSV file, e.g. `stock-movements-2026-03-04.csv`. */
export function exportFileName(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `stock-movements-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/**
 * The stock ledger of all products (`/stock/movements`): filters in the URL, "Load more", CSV
 * export of the filtered ledger and a consistency check of stock levels against the ledger.
 */
@Component({
  selector: 'app-ledger',
  imports: [
    ReactiveFormsModule,
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
    MovementTableComponent,
  ],
  templateUrl: './ledger.component.html',
  styleUrl: './ledger.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LedgerComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #stock = inject(StockService);
  readonly #document = inject(DOCUMENT);

  protected readonly types = MOVEMENT_TYPES.map((type) => ({ type, label: MOVEMENT_TYPE_LABELS[type] }));
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly movements = new LoadMoreList<StockMovementDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.movements.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly state = toSignal(this.#route.queryParamMap.pipe(map(parseLedgerFilters)), {
    requireSync: true,
  });
  protected readonly hasFilters = computed(() => hasLedgerFilters(this.state()));
  /** Live events arrived since the list was loaded: offer to show them rather than jump. */
  protected readonly newMovements = signal(false);

  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);
  protected readonly checking = signal(false);
  protected readonly consistency = signal<LedgerConsistencyDto | null>(null);
  protected readonly consistencyError = signal<string | null>(null);

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    warehouseId: new FormControl('', { nonNullable: true }),
    type: new FormControl<MovementType | ''>('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    if (inject(AuthService).hasPermission(Permission.InventoryWarehousesRead)) {
      inject(WarehousesService)
        .all()
        .subscribe({ next: (all) => this.warehouses.set(all), error: () => undefined });
    }

    this.#route.queryParamMap
      .pipe(map(parseLedgerFilters), distinctUntilChanged(sameLedgerFilters), takeUntilDestroyed())
      .subscribe((filters) => {
        this.filters.setValue(filters, { emitEvent: false });
        this.newMovements.set(false);
        const query = toLedgerApiQuery(filters);
        this.movements.load((cursor) => this.#stock.movements(cursor ? { ...query, cursor } : query));
      });

    this.filters.valueChanges.pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed()).subscribe(() => {
      const raw = this.filters.getRawValue();
      const next: LedgerFilters = { ...raw, q: raw.q.trim() };
      if (!sameLedgerFilters(next, this.state())) {
        this.#navigate(next);
      }
    });

    inject(RealtimeService)
      .changes({ aggregateType: STOCK_AGGREGATE })
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.newMovements.set(true));
  }

  protected showNew(): void {
    this.newMovements.set(false);
    this.movements.refresh();
  }

  protected clearFilters(): void {
    this.#navigate(EMPTY_LEDGER_FILTERS);
  }

  protected exportCsv(): void {
    if (this.exporting()) {
      return;
    }
    // The export has the ledger's filters but no paging.
    const query: StockMovementListQuery = { ...toLedgerApiQuery(this.state()), limit: undefined };
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

  #navigate(filters: LedgerFilters): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: toLedgerQueryParams(filters) });
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
