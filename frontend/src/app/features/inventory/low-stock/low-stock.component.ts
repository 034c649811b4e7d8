import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Permission, type LowStockItemDto, type WarehouseDto } from '@depot/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { problemMessage } from '../../../shared/http/problem-details';
import { LoadMoreList } from '../../../shared/list/load-more-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { type LowStockQuery, STOCK_AGGREGATE, StockService } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import { openAdjustStockDialog } from '../stock-dialogs/adjust-stock-dialog.component';

const PAGE_SIZE = 50;
export const LOW_STOCK_REFRESH_DEBOUNCE_MS = 500;

/**
 * Products whose available stock in a warehouse is below their reorder point (`/stock/low`),
 * in the order the API returns them, with a quick adjustment per row.
 */
@Component({
  selector: 'app-low-stock',
  imports: [
    RouterLink,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    MatAnchor,
    MatProgressBar,
    IconComponent,
  ],
  templateUrl: './low-stock.component.html',
  styleUrl: './low-stock.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LowStockComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #stock = inject(StockService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #auth = inject(AuthService);

  protected readonly canAdjust = computed(() => this.#auth.permissions().has(Permission.InventoryStockAdjust));
  /** Shortfalls become purchase orders on the reorder page. */
  protected readonly canReorder = computed(() => this.#auth.permissions().has(Permission.PurchasingOrdersWrite));
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly warehouseId = toSignal(
    this.#route.queryParamMap.pipe(map((params) => params.get('warehouseId') ?? '')),
    { requireSync: true },
  );
  protected readonly items = new LoadMoreList<LowStockItemDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.items.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly columns = computed(() => [
    'product',
    'warehouse',
    'available',
    'reorderPoint',
    'shortfall',
    'reorderQuantity',
    ...(this.canAdjust() ? ['actions'] : []),
  ]);

  constructor() {
    if (this.#auth.hasPermission(Permission.InventoryWarehousesRead)) {
      inject(WarehousesService)
        .all()
        .subscribe({ next: (all) => this.warehouses.set(all), error: () => undefined });
    }
    this.#route.queryParamMap
      .pipe(
        map((params) => params.get('warehouseId') ?? ''),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((warehouseId) => {
        const query: LowStockQuery = { limit: PAGE_SIZE, ...(warehouseId ? { warehouseId } : {}) };
        this.items.load((cursor) => this.#stock.lowStock(cursor ? { ...query, cursor } : query));
      });
    inject(RealtimeService)
      .changes({ aggregateType: STOCK_AGGREGATE })
      .pipe(debounceTime(LOW_STOCK_REFRESH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.items.refresh());
  }

  protected onWarehouse(warehouseId: string): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: warehouseId ? { warehouseId } : {},
    });
  }

  /** Opens the adjust dialog for the row, suggesting the reorder quantity as an addition. */
  protected adjust(item: LowStockItemDto): void {
    openAdjustStockDialog(this.#dialog, {
      productId: item.productId,
      sku: item.sku,
      productName: item.productName,
      warehouseId: item.warehouseId,
      quantity: item.reorderQuantity > 0 ? item.reorderQuantity : item.shortfall,
    }).subscribe((result) => {
      if (result) {
        this.#snackBar.open(
          `${item.sku} in ${result.level.warehouseCode}: ${result.level.available} available now.`,
          'Dismiss',
          { duration: 4000 },
        );
        this.items.refresh();
      }
    });
  }
}
