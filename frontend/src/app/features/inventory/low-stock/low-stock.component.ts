import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { LOW_STOCK_SORT_FIELDS, Permission, type LowStockItemDto, type WarehouseDto } from '@depot/contracts';
import { debounceTime } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DataTableComponent } from '../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../shared/table/table-cell.directive';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import type { TableColumn } from '../../../shared/table/table-column';
import { injectTableList } from '../../../shared/table/table-list';
import { STOCK_AGGREGATE, StockService } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import { openAdjustStockDialog } from '../stock-dialogs/adjust-stock-dialog.component';
import { SavedViewsComponent } from '../../../shared/saved-views/saved-views.component';

const ID_PATTERN = /^[0-9a-zA-Z-]{1,64}$/;
export const LOW_STOCK_REFRESH_DEBOUNCE_MS = 500;

/**
 * Products whose available stock in a warehouse is below their reorder point (`/stock/low`),
 * on the shared data table (sortable by SKU), with a
 * quick adjustment per row.
 */
@Component({
  selector: 'app-low-stock',
  imports: [
    SavedViewsComponent,
    RouterLink,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    MatAnchor,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
  ],
  templateUrl: './low-stock.component.html',
  styleUrl: './low-stock.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LowStockComponent {
  readonly #stock = inject(StockService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #auth = inject(AuthService);

  protected readonly canAdjust = computed(() => this.#auth.permissions().has(Permission.InventoryStockAdjust));
  /** Shortfalls become purchase orders on the reorder page. */
  protected readonly canReorder = computed(() => this.#auth.permissions().has(Permission.PurchasingOrdersWrite));
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly items = injectTableList<LowStockItemDto>({
    sortFields: LOW_STOCK_SORT_FIELDS,
    fetch: (query, params) => {
      const warehouseId = warehouseFilter(params.get('warehouseId'));
      return this.#stock.lowStock({ ...query, ...(warehouseId ? { warehouseId } : {}) });
    },
    rowId: (item) => `${item.productId}:${item.warehouseId}`,
  });
  protected readonly warehouseId = computed(() => warehouseFilter(this.items.params().get('warehouseId')));
  protected readonly productLink = (item: LowStockItemDto): string[] => ['/products', item.productId];
  protected readonly columns = computed((): TableColumn<LowStockItemDto>[] => [
    { key: 'product', label: 'Product', sortField: 'sku', hideable: false, card: 'title' },
    { key: 'warehouse', label: 'Warehouse', value: (item) => item.warehouseCode, nowrap: true },
    { key: 'available', label: 'Available', value: (item) => item.available, align: 'end' },
    { key: 'reorderPoint', label: 'Reorder point', value: (item) => item.reorderPoint, align: 'end' },
    { key: 'shortfall', label: 'Shortfall', align: 'end' },
    {
      key: 'reorderQuantity',
      label: 'Reorder quantity',
      value: (item) => item.reorderQuantity,
      align: 'end',
      card: 'hidden',
    },
    ...(this.canAdjust() ? [{ key: 'actions', label: 'Actions', labelHidden: true, hideable: false }] : []),
  ]);

  constructor() {
    if (this.#auth.hasPermission(Permission.InventoryWarehousesRead)) {
      inject(WarehousesService)
        .all()
        .subscribe({ next: (all) => this.warehouses.set(all), error: () => undefined });
    }
    inject(RealtimeService)
      .changes({ aggregateType: STOCK_AGGREGATE })
      .pipe(debounceTime(LOW_STOCK_REFRESH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.items.reload());
  }

  protected onWarehouse(warehouseId: string): void {
    this.items.setFilters({ warehouseId: warehouseId || null });
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
        this.items.reload();
      }
    });
  }
}

function warehouseFilter(value: string | null): string {
  return value && ID_PATTERN.test(value) ? value : '';
}
