import { ChangeDetectionStrategy, Component, EventEmitter, Output, effect, input, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MOVEMENT_TYPES, PAGINATION, type MovementType, type WarehouseDto } from '@depot/contracts';
import { debounceTime } from 'rxjs';

import { ListFiltersComponent } from '../../../shared/table/list-filters.component';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { MOVEMENT_TYPE_LABELS } from '../data-access/inventory-labels';
import {
  EMPTY_MOVEMENT_FILTERS,
  type MovementFilters,
  activeMovementFilterCount,
  sameMovementFilters,
} from './movement-filters';

const FILTER_DEBOUNCE_MS = 300;

/**
 * The filter form of a list of stock movements, shared by the ledger and a product's movements tab:
 * product search (ledger only), warehouse, type and a date range. It shows `filters` and emits the
 * edited ones; the page keeps them in the URL.
 */
@Component({
  selector: 'app-movement-filters',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    IconComponent,
    ListFiltersComponent,
  ],
  template: `
    <app-list-filters [activeCount]="activeCount(filters())">
      <form class="filters" [formGroup]="form" aria-label="Filter movements" novalidate>
        @if (showSearch()) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
            <mat-label>Product (SKU or name)</mat-label>
            <app-icon matPrefix name="search" class="prefix-icon" />
            <input matInput type="search" formControlName="q" autocomplete="off" [maxlength]="maxSearchLength" />
          </mat-form-field>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Warehouse</mat-label>
          <mat-select formControlName="warehouseId">
            <mat-option value="">All warehouses</mat-option>
            @for (warehouse of warehouses(); track warehouse.id) {
              <mat-option [value]="warehouse.id">{{ warehouse.code }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Type</mat-label>
          <mat-select formControlName="type">
            <mat-option value="">All types</mat-option>
            @for (option of types; track option.type) {
              <mat-option [value]="option.type">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>From</mat-label>
          <input matInput type="date" formControlName="from" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>To</mat-label>
          <input matInput type="date" formControlName="to" />
        </mat-form-field>
        @if (activeCount(filters()) > 0) {
          <button mat-button type="button" class="clear" (click)="clear()">Clear filters</button>
        }
      </form>
    </app-list-filters>
  `,
  styles: `
    :host {
      display: block;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-block-end: 16px;
    }
    mat-form-field {
      flex: 0 1 170px;
    }
    .grow {
      flex: 1 1 240px;
    }
    .prefix-icon {
      margin-inline: 12px 4px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MovementFiltersComponent {
  readonly filters = input.required<MovementFilters>();
  readonly warehouses = input<WarehouseDto[]>([]);
  /** Adds the product search (the ledger of all products). */
  readonly showSearch = input(false);
  @Output() readonly filtersChange = new EventEmitter<MovementFilters>();

  protected readonly types = MOVEMENT_TYPES.map((type) => ({ type, label: MOVEMENT_TYPE_LABELS[type] }));
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly activeCount = activeMovementFilterCount;
  protected readonly form = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    warehouseId: new FormControl('', { nonNullable: true }),
    type: new FormControl<MovementType | ''>('', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    // The URL changed (back/forward, a link): show it without emitting it again.
    effect(() => {
      const filters = this.filters();
      untracked(() => this.form.setValue({ ...filters }, { emitEvent: false }));
    });
    this.form.valueChanges.pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed()).subscribe(() => {
      const raw = this.form.getRawValue();
      const next: MovementFilters = { ...raw, q: raw.q.trim() };
      if (!sameMovementFilters(next, this.filters())) {
        this.filtersChange.emit(next);
      }
    });
  }

  protected clear(): void {
    this.form.setValue(EMPTY_MOVEMENT_FILTERS, { emitEvent: false });
    this.filtersChange.emit(EMPTY_MOVEMENT_FILTERS);
  }
}
