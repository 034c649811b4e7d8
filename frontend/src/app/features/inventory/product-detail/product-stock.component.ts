import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Permission, type IncomingStockDto, type StockAsOfDto, type StockLevelDto } from '@depot/contracts';

import { AuthService } from '../../../core/auth/auth.service';
import { formatCalendarDate } from '../../../shared/format/calendar-date';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { LoadMoreList } from '../../../shared/list/load-more-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { PurchaseOrdersService } from '../../purchasing/data-access/purchase-orders.service';
import { StockService } from '../data-access/stock.service';

/** `datetime-local` value ("2026-03-04T14:05") in the user's time zone, to ISO; null when invalid. */
export function localDateTimeToIso(value: string): string | null {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The "Stock" tab: one row per warehouse with totals, and the stock at a past moment. Users who
 * may read purchase orders also see what is incoming (open on submitted purchase orders).
 */
@Component({
  selector: 'app-product-stock',
  imports: [
    ReactiveFormsModule,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatButton,
    MatProgressBar,
    DateTimePipe,
    IconComponent,
  ],
  templateUrl: './product-stock.component.html',
  styleUrl: './product-stock.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductStockComponent {
  readonly #stock = inject(StockService);
  readonly #purchaseOrders = inject(PurchaseOrdersService);
  readonly #auth = inject(AuthService);

  readonly productId = input.required<string>();
  /** Bumped by the page when the product's stock changed (a live event or an own adjustment). */
  readonly refresh = input(0);

  protected readonly canSeeIncoming = computed(() => this.#auth.permissions().has(Permission.PurchasingOrdersRead));
  protected readonly columns = computed(() =>
    this.canSeeIncoming()
      ? ['warehouse', 'onHand', 'reserved', 'available', 'incoming', 'reorderPoint']
      : ['warehouse', 'onHand', 'reserved', 'available', 'reorderPoint'],
  );
  protected readonly asOfColumns = ['warehouse', 'onHand', 'reserved'];
  protected readonly levels = new LoadMoreList<StockLevelDto>(inject(DestroyRef));
  protected readonly totals = computed(() =>
    this.levels.items().reduce(
      (sum, level) => ({
        onHand: sum.onHand + level.onHand,
        reserved: sum.reserved + level.reserved,
        available: sum.available + level.available,
      }),
      { onHand: 0, reserved: 0, available: 0 },
    ),
  );
  protected readonly problemText = computed(() => {
    const problem = this.levels.problem();
    return problem ? problemMessage(problem) : '';
  });

  /** Open purchase quantities per warehouse; `null` until loaded (or when they could not be). */
  protected readonly incoming = signal<IncomingStockDto[] | null>(null);
  protected readonly incomingTotal = computed(() =>
    (this.incoming() ?? []).reduce((sum, entry) => sum + entry.quantity, 0),
  );
  /** Incoming into warehouses where the product has no stock row yet. */
  protected readonly incomingElsewhere = computed(() => {
    const levels = this.levels.items();
    return (this.incoming() ?? []).filter((entry) => !levels.some((level) => level.warehouseId === entry.warehouseId));
  });

  protected readonly asOfControl = new FormControl('', { nonNullable: true });
  protected readonly asOf = signal<StockAsOfDto | null>(null);
  protected readonly asOfLoading = signal(false);
  protected readonly asOfError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const productId = this.productId();
      untracked(() =>
        this.levels.load((cursor) => this.#stock.levels({ productId, limit: 100, cursor: cursor ?? undefined })),
      );
    });
    effect(() => {
      if (this.refresh() > 0) {
        untracked(() => this.levels.refresh());
      }
    });
    effect(() => {
      const productId = this.productId();
      this.refresh();
      if (this.canSeeIncoming()) {
        untracked(() => this.#loadIncoming(productId));
      }
    });
  }

  protected incomingIn(warehouseId: string): IncomingStockDto | null {
    return this.incoming()?.find((entry) => entry.warehouseId === warehouseId) ?? null;
  }

  protected expectedLabel(entry: IncomingStockDto): string {
    return entry.nextExpectedDate ? `expected ${formatCalendarDate(entry.nextExpectedDate)}` : '';
  }

  protected isLow(level: StockLevelDto): boolean {
    return level.reorderPoint > 0 && level.available < level.reorderPoint;
  }

  protected showAsOf(): void {
    const at = localDateTimeToIso(this.asOfControl.value);
    if (!at) {
      this.asOfError.set('Choose a date and time.');
      return;
    }
    this.asOfLoading.set(true);
    this.asOfError.set(null);
    this.#stock.asOf(this.productId(), at).subscribe({
      next: (result) => {
        this.asOfLoading.set(false);
        this.asOf.set(result);
      },
      error: (error: unknown) => {
        this.asOfLoading.set(false);
        this.asOfError.set(problemMessage(toProblemDetails(error)));
      },
    });
  }

  protected clearAsOf(): void {
    this.asOfControl.setValue('');
    this.asOf.set(null);
    this.asOfError.set(null);
  }

  #loadIncoming(productId: string): void {
    // A figure that could not be loaded shows as "—", not as 0.
    this.#purchaseOrders.incoming(productId).subscribe({
      next: (incoming) => this.incoming.set(incoming),
      error: () => this.incoming.set(null),
    });
  }
}
