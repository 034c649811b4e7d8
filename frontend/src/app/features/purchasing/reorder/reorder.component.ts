import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormRecord, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  Permission,
  REPLENISHMENT_LIMITS,
  type PurchaseOrderDto,
  type ReplenishmentGroupDto,
  type ReplenishmentItemDto,
  type ReplenishmentLineInput,
  type WarehouseDto,
} from '@depot/contracts';
import { map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { newUuid } from '../../../shared/bulk/bulk.service';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { MoneyPipe } from '../../../shared/money/money.pipe';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { WarehousesService } from '../../inventory/data-access/warehouses.service';
import { ReplenishmentService } from '../data-access/replenishment.service';

/** Key of a suggestion row: a product in a warehouse. */
export function rowKey(item: Pick<ReplenishmentItemDto, 'productId' | 'warehouseId'>): string {
  return `${item.productId}:${item.warehouseId}`;
}

/** The lines to order: rows of groups with a supplier and a quantity above 0. */
export function orderLines(
  groups: readonly ReplenishmentGroupDto[],
  quantities: Readonly<Record<string, number | null | undefined>>,
): ReplenishmentLineInput[] {
  return groups
    .filter((group) => group.supplier !== null)
    .flatMap((group) => group.items)
    .map((item) => ({ item, quantity: quantities[rowKey(item)] ?? 0 }))
    .filter(({ quantity }) => Number.isInteger(quantity) && quantity > 0)
    .map(({ item, quantity }) => ({ productId: item.productId, warehouseId: item.warehouseId, quantity }));
}

/**
 * Reorder (`/purchasing/reorder`): what is below its reorder point, grouped by preferred supplier,
 * with editable suggested quantities; "Create purchase orders" makes one draft per supplier in one
 * step and links to them.
 */
@Component({
  selector: 'app-reorder',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './reorder.component.html',
  styleUrl: './reorder.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReorderComponent {
  readonly #replenishment = inject(ReplenishmentService);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #destroyRef = inject(DestroyRef);
  readonly #auth = inject(AuthService);

  protected readonly maxQuantity = REPLENISHMENT_LIMITS.maxQuantity;
  protected readonly groups = signal<ReplenishmentGroupDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly created = signal<PurchaseOrderDto[]>([]);
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly warehouseId = toSignal(
    this.#route.queryParamMap.pipe(map((params) => params.get('warehouseId') ?? '')),
    { requireSync: true },
  );
  protected readonly quantities = new FormRecord<FormControl<number | null>>({});
  readonly #quantityValues = signal<Readonly<Record<string, number | null | undefined>>>({});
  protected readonly lines = computed(() => orderLines(this.groups(), this.#quantityValues()));
  /** How many drafts "Create" makes (one per supplier with something to order). */
  protected readonly supplierCount = computed(() => {
    const quantities = this.#quantityValues();
    return this.groups().filter(
      (group) => group.supplier !== null && group.items.some((item) => (quantities[rowKey(item)] ?? 0) > 0),
    ).length;
  });
  /** Idempotency key of the current "Create" intent: a double click or a retry creates the drafts once. */
  #createKey = newUuid();

  constructor() {
    if (this.#auth.hasPermission(Permission.InventoryWarehousesRead)) {
      inject(WarehousesService)
        .all()
        .pipe(takeUntilDestroyed(this.#destroyRef))
        .subscribe({ next: (all) => this.warehouses.set(all), error: () => undefined });
    }
    this.quantities.valueChanges
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe((value) => this.#quantityValues.set(value));
    this.#route.queryParamMap.pipe(takeUntilDestroyed(this.#destroyRef)).subscribe(() => this.load());
  }

  protected load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    const warehouseId = this.warehouseId();
    this.#replenishment
      .suggestions(warehouseId ? { warehouseId } : {})
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (groups) => {
          for (const key of Object.keys(this.quantities.controls)) {
            this.quantities.removeControl(key, { emitEvent: false });
          }
          for (const item of groups.flatMap((group) => group.items)) {
            this.quantities.addControl(
              rowKey(item),
              new FormControl<number | null>(item.suggestedQuantity, [
                Validators.min(0),
                Validators.max(REPLENISHMENT_LIMITS.maxQuantity),
              ]),
              { emitEvent: false },
            );
          }
          this.quantities.updateValueAndValidity();
          this.groups.set(groups);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loadError.set(problemMessage(toProblemDetails(error)));
          this.loading.set(false);
        },
      });
  }

  protected onWarehouse(warehouseId: string): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: { warehouseId: warehouseId || null },
    });
  }

  protected control(item: ReplenishmentItemDto): FormControl<number | null> {
    return this.quantities.controls[rowKey(item)];
  }

  protected supplierName(group: ReplenishmentGroupDto): string {
    return group.supplier ? `${group.supplier.name} (${group.supplier.code})` : 'No preferred supplier';
  }

  protected create(): void {
    const lines = this.lines();
    if (lines.length === 0 || this.creating() || this.quantities.invalid) {
      return;
    }
    this.creating.set(true);
    this.createError.set(null);
    this.#replenishment.createPurchaseOrders({ lines }, this.#createKey).subscribe({
      next: (orders) => {
        this.#createKey = newUuid();
        this.creating.set(false);
        this.created.set(orders);
        this.load();
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.createError.set(problemMessage(toProblemDetails(error)));
      },
    });
  }
}
