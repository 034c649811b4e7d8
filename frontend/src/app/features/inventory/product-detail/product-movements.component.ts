import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  MOVEMENT_TYPES,
  type MovementType,
  type StockMovementDto,
  type StockMovementListQuery,
  type WarehouseDto,
} from '@depot/contracts';

import { problemMessage } from '../../../shared/http/problem-details';
import { LoadMoreList } from '../../../shared/list/load-more-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { MOVEMENT_TYPE_LABELS, dayToIso } from '../data-access/inventory-labels';
import { StockService } from '../data-access/stock.service';
import { MovementTableComponent } from '../shared/movement-table.component';

export const MOVEMENTS_PAGE_SIZE = 25;

/** The "Movements" tab: the ledger of one product, newest first, with filters and "Load more". */
@Component({
  selector: 'app-product-movements',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    IconComponent,
    MovementTableComponent,
  ],
  templateUrl: './product-movements.component.html',
  styleUrl: './product-movements.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductMovementsComponent {
  readonly #stock = inject(StockService);

  readonly productId = input.required<string>();
  readonly warehouses = input<WarehouseDto[]>([]);
  /** Bumped by the page when the product's stock changed. */
  readonly refresh = input(0);

  protected readonly types = MOVEMENT_TYPES.map((type) => ({ type, label: MOVEMENT_TYPE_LABELS[type] }));
  protected readonly movements = new LoadMoreList<StockMovementDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.movements.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly filters = new FormGroup({
    warehouseId: new FormControl('', { nonNullable: true }),
    type: new FormControl<MovementType | ''>('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const productId = this.productId();
      untracked(() => this.#load(productId));
    });
    effect(() => {
      if (this.refresh() > 0) {
        untracked(() => this.movements.refresh());
      }
    });
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.#load(this.productId()));
  }

  protected hasFilters(): boolean {
    return Object.values(this.filters.getRawValue()).some((value) => value !== '');
  }

  protected clearFilters(): void {
    this.filters.setValue({ warehouseId: '', type: '', from: '', to: '' });
  }

  #load(productId: string): void {
    const value = this.filters.getRawValue();
    const query: StockMovementListQuery = {
      productId,
      limit: MOVEMENTS_PAGE_SIZE,
      ...(value.warehouseId ? { warehouseId: value.warehouseId } : {}),
      ...(value.type ? { type: value.type } : {}),
      ...(value.from ? { from: dayToIso(value.from) } : {}),
      ...(value.to ? { to: dayToIso(value.to, true) } : {}),
    };
    this.movements.load((cursor) => this.#stock.movements(cursor ? { ...query, cursor } : query));
  }
}
