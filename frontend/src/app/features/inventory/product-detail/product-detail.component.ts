import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { type CategoryDto, Permission, ProductStatus, type ProductDto, type WarehouseDto } from '@depot/contracts';
import { EMPTY, debounceTime, map, switchMap } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { RecordHistoryComponent } from '../../../shared/history/record-history.component';
import { HttpStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { MoneyPipe } from '../../../shared/money/money.pipe';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { PageHeaderComponent } from '../../../shared/ui/page-header/page-header.component';
import { CategoriesService } from '../../catalog/categories/data-access/categories.service';
import { PRODUCT_AGGREGATE, ProductsService } from '../../catalog/products/data-access/products.service';
import { signedQuantity } from '../data-access/inventory-labels';
import { STOCK_AGGREGATE } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import { openAdjustStockDialog } from '../stock-dialogs/adjust-stock-dialog.component';
import { openTransferStockDialog } from '../stock-dialogs/transfer-stock-dialog.component';
import { ProductMovementsComponent } from './product-movements.component';
import { ProductStockComponent } from './product-stock.component';

/** A burst of stock events (a transfer has two legs, an import many) refreshes once. */
export const STOCK_REFRESH_DEBOUNCE_MS = 300;

type LoadState = 'loading' | 'ready' | 'not-found' | 'failed';

/**
 * One product (`/products/:id`): its header with the actions the user may take, all of its fields,
 * and tabs for its stock per warehouse, its ledger and its audit history. Stock and header follow live events, so
 * another user's adjustment shows without a reload.
 */
@Component({
  selector: 'app-product-detail',
  imports: [
    RouterLink,
    MatButton,
    MatAnchor,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    MoneyPipe,
    DateTimePipe,
    IconComponent,
    PageHeaderComponent,
    ProductStockComponent,
    ProductMovementsComponent,
    RecordHistoryComponent,
  ],
  templateUrl: './product-detail.component.html',
  styleUrl: './product-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductDetailComponent {
  readonly #products = inject(ProductsService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #warehouses = inject(WarehousesService);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), {
    requireSync: true,
  });
  protected readonly product = signal<ProductDto | null>(null);
  protected readonly loadState = signal<LoadState>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  /** Bumped when the product's stock changed: the stock and movements tabs load again. */
  protected readonly stockRefresh = signal(0);
  /** Bumped when the product itself changed: the history tab loads again. */
  protected readonly productRefresh = signal(0);

  readonly #permissions = this.#auth.permissions;
  protected readonly canEdit = computed(() => this.#permissions().has(Permission.CatalogProductsWrite));
  protected readonly canReadStock = computed(() => this.#permissions().has(Permission.InventoryStockRead));
  protected readonly canAdjust = computed(() => this.#permissions().has(Permission.InventoryStockAdjust));
  protected readonly canTransfer = computed(() => this.#permissions().has(Permission.InventoryStockTransfer));
  protected readonly canReadAudit = computed(() => this.#permissions().has(Permission.AuditRead));
  protected readonly isArchived = computed(() => this.product()?.status === ProductStatus.Archived);
  protected readonly heading = computed(() => {
    const product = this.product();
    return product ? `${product.sku} · ${product.name}` : 'Product';
  });
  readonly #categories = signal<readonly CategoryDto[]>([]);
  /** "Tools / Hand tools" for the product's category. */
  protected readonly categoryPath = computed(() => {
    const categoryId = this.product()?.categoryId;
    const category = categoryId ? this.#categories().find((candidate) => candidate.id === categoryId) : undefined;
    return category ? category.path.join(' / ') : '';
  });
  protected readonly attributes = computed(() =>
    Object.entries(this.product()?.attributes ?? {}).map(([key, value]) => ({ key, value: String(value) })),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.#load(id));
    });
    inject(CategoriesService)
      .list()
      .subscribe({ next: (all) => this.#categories.set(all), error: () => undefined });
    if (this.#permissions().has(Permission.InventoryWarehousesRead)) {
      this.#warehouses.all().subscribe({ next: (all) => this.warehouses.set(all), error: () => undefined });
    }

    const realtime = inject(RealtimeService);
    const id$ = toObservable(this.id);
    id$
      .pipe(
        switchMap((id) => (id ? realtime.changes({ aggregateType: STOCK_AGGREGATE, aggregateId: id }) : EMPTY)),
        debounceTime(STOCK_REFRESH_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.stockRefresh.update((tick) => tick + 1));
    id$
      .pipe(
        switchMap((id) => (id ? realtime.changes({ aggregateType: PRODUCT_AGGREGATE, aggregateId: id }) : EMPTY)),
        debounceTime(STOCK_REFRESH_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.#load(this.id(), true);
        this.productRefresh.update((tick) => tick + 1);
      });
  }

  protected adjust(): void {
    const product = this.product();
    if (!product || !this.canAdjust()) {
      return;
    }
    openAdjustStockDialog(this.#dialog, {
      productId: product.id,
      sku: product.sku,
      productName: product.name,
    }).subscribe((result) => {
      if (result) {
        this.stockRefresh.update((tick) => tick + 1);
        this.#snackBar.open(
          `Adjusted ${product.sku} in ${result.level.warehouseCode} by ${signedQuantity(result.movement.onHandChange)}: ${result.level.onHand} on hand.`,
          'Dismiss',
          { duration: 5000 },
        );
      }
    });
  }

  protected transfer(): void {
    const product = this.product();
    if (!product || !this.canTransfer()) {
      return;
    }
    openTransferStockDialog(this.#dialog, {
      productId: product.id,
      sku: product.sku,
      productName: product.name,
    }).subscribe((result) => {
      if (result) {
        this.stockRefresh.update((tick) => tick + 1);
        this.#snackBar.open(
          `Moved ${Math.abs(result.movements[0].onHandChange)} of ${product.sku} from ${result.from.warehouseCode} to ${result.to.warehouseCode}.`,
          'Dismiss',
          { duration: 5000 },
        );
      }
    });
  }

  protected retry(): void {
    this.#load(this.id());
  }

  /** `quiet`: a live refresh keeps the page as it is while loading and if it fails. */
  #load(id: string, quiet = false): void {
    if (!quiet) {
      this.loadState.set('loading');
      this.loadProblem.set(null);
    }
    this.#products.get(id).subscribe({
      next: (product) => {
        this.product.set(product);
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        if (quiet) {
          return;
        }
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }
}
