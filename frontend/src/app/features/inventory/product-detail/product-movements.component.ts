import { ChangeDetectionStrategy, Component, computed, effect, input, untracked } from '@angular/core';
import { inject } from '@angular/core';
import { STOCK_MOVEMENT_SORT_FIELDS, type StockMovementDto, type WarehouseDto } from '@depot/contracts';

import { injectTableList } from '../../../shared/table/table-list';
import { StockService } from '../data-access/stock.service';
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

/** Prefix of this tab's query params (`mType`, `mCursor`…), apart from the product page's own. */
export const MOVEMENTS_PARAM_PREFIX = 'm';

/** The "Movements" tab: the ledger of one product on the shared data table, with the ledger's filters. */
@Component({
  selector: 'app-product-movements',
  imports: [MovementFiltersComponent, MovementTableComponent],
  template: `
    <app-movement-filters [filters]="filters()" [warehouses]="warehouses()" (filtersChange)="onFilters($event)" />
    <app-movement-table [list]="movements" [filtered]="hasFilters()" label="Movements of this product" />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductMovementsComponent {
  readonly #stock = inject(StockService);

  readonly productId = input.required<string>();
  readonly warehouses = input<WarehouseDto[]>([]);
  /** Bumped by the page when the product's stock changed. */
  readonly refresh = input(0);

  protected readonly movements = injectTableList<StockMovementDto>({
    sortFields: STOCK_MOVEMENT_SORT_FIELDS,
    defaultSort: MOVEMENT_DEFAULT_SORT,
    paramPrefix: MOVEMENTS_PARAM_PREFIX,
    context: () => this.productId(),
    fetch: (query, params) =>
      this.#stock.movements({
        ...query,
        ...toMovementQuery(parseMovementFilters(params, MOVEMENTS_PARAM_PREFIX)),
        productId: this.productId(),
      }),
    rowId: (movement) => movement.id,
  });
  protected readonly filters = computed(() => parseMovementFilters(this.movements.params(), MOVEMENTS_PARAM_PREFIX), {
    equal: sameMovementFilters,
  });
  protected readonly hasFilters = computed(() => activeMovementFilterCount(this.filters()) > 0);

  constructor() {
    effect(() => {
      if (this.refresh() > 0) {
        untracked(() => this.movements.reload());
      }
    });
  }

  protected onFilters(filters: MovementFilters): void {
    this.movements.setFilters(toMovementParams({ ...filters, q: '' }, MOVEMENTS_PARAM_PREFIX));
  }
}
