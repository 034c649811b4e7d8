import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { DOCUMENT } from '@angular/common';
import { ProductBulkAction, type BulkResult, type CategoryDto } from '@depot/contracts';
import { type Observable, of, switchMap } from 'rxjs';

import type { BulkAction, BulkActionContext } from '../../../../shared/bulk/bulk-action';
import { BulkActionBarComponent } from '../../../../shared/bulk/bulk-action-bar.component';
import { BulkService } from '../../../../shared/bulk/bulk.service';
import { openPriceChangeDialog } from '../../../../shared/bulk/price-change-dialog.component';
import { blobErrorToProblem, saveBlob } from '../../../../shared/http/download';
import { problemMessage } from '../../../../shared/http/problem-details';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { CategoriesService } from '../../categories/data-access/categories.service';
import { categoryOptions } from '../../categories/data-access/category-tree';
import { EXPORT_SELECTED_MAX, ProductsService } from '../data-access/products.service';
import { openMoveToCategoryDialog } from './move-to-category-dialog.component';

/**
 * The products' bulk actions (archive, activate, move to category, change prices with a preview,
 * export selected) in the bulk action bar. Needs only the selected `ids`, so it drops into a
 * table's selection-actions slot.
 */
@Component({
  selector: 'app-product-bulk-actions',
  imports: [BulkActionBarComponent],
  template: `
    <app-bulk-action-bar
      [ids]="ids()"
      [actions]="actions"
      (cleared)="cleared.emit()"
      (completed)="completed.emit($event)"
    />
    @if (exportError(); as message) {
      <p class="error" role="alert">Could not export: {{ message }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductBulkActionsComponent {
  readonly #dialog = inject(MatDialog);
  readonly #bulk = inject(BulkService);
  readonly #products = inject(ProductsService);
  readonly #categoriesService = inject(CategoriesService);
  readonly #snackBar = inject(MatSnackBar);
  readonly #document = inject(DOCUMENT);

  readonly ids = input.required<readonly string[]>();
  readonly cleared = output<void>();
  readonly completed = output<BulkResult>();

  protected readonly exportError = signal<string | null>(null);
  readonly #categories = signal<CategoryDto[] | null>(null);
  readonly #categoryOptions = computed(() => categoryOptions(this.#categories() ?? []));

  protected readonly actions: readonly BulkAction[] = [
    {
      key: 'archive',
      label: 'Archive',
      icon: 'archive',
      run: (context) => this.#confirmed(context, 'Archive', ProductBulkAction.Archive),
    },
    {
      key: 'activate',
      label: 'Activate',
      icon: 'unarchive',
      run: (context) => this.#confirmed(context, 'Activate', ProductBulkAction.Activate),
    },
    { key: 'move', label: 'Move to category', icon: 'moveTo', run: (context) => this.#move(context) },
    {
      key: 'price',
      label: 'Change prices',
      icon: 'edit',
      run: (context) =>
        openPriceChangeDialog(this.#dialog, context.ids).pipe(
          switchMap((change) =>
            change === null
              ? of(null)
              : this.#bulk.run('products', {
                  action: ProductBulkAction.ChangePrice,
                  ids: [...context.ids],
                  operationId: context.operationId,
                  ...change,
                }),
          ),
        ),
    },
    {
      key: 'export',
      label: 'Export selected',
      icon: 'download',
      run: (context) => {
        this.#export(context.ids);
        return of(null);
      },
    },
  ];

  #move(context: BulkActionContext): Observable<BulkResult | null> {
    const categories$ = this.#categories() === null ? this.#categoriesService.list() : of(this.#categories() ?? []);
    return categories$.pipe(
      switchMap((categories) => {
        this.#categories.set(categories);
        return openMoveToCategoryDialog(this.#dialog, {
          count: context.ids.length,
          options: this.#categoryOptions(),
        });
      }),
      switchMap((categoryId) =>
        categoryId === undefined
          ? of(null)
          : this.#bulk.run('products', {
              action: ProductBulkAction.MoveToCategory,
              ids: [...context.ids],
              operationId: context.operationId,
              categoryId,
            }),
      ),
    );
  }

  #export(ids: readonly string[]): void {
    if (ids.length > EXPORT_SELECTED_MAX) {
      this.exportError.set(
        `select at most ${EXPORT_SELECTED_MAX} products to export them, or export all matching rows with Export CSV.`,
      );
      return;
    }
    this.exportError.set(null);
    this.#products.exportCsv({}, ids).subscribe({
      next: (file) => {
        saveBlob(this.#document, file.blob, file.fileName);
        this.#snackBar.open(`Downloaded ${file.fileName}.`, 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        void blobErrorToProblem(error).then((problem) => this.exportError.set(problemMessage(problem)));
      },
    });
  }

  #confirmed(
    context: BulkActionContext,
    verb: string,
    action: typeof ProductBulkAction.Archive | typeof ProductBulkAction.Activate,
  ): Observable<BulkResult | null> {
    const count = context.ids.length;
    return openConfirmDialog(this.#dialog, {
      title: `${verb} ${count} ${count === 1 ? 'product' : 'products'}?`,
      message:
        action === ProductBulkAction.Archive
          ? 'Archived products are hidden from active lists and cannot be ordered; you can activate them again.'
          : 'The products become available for orders again.',
      confirmLabel: verb,
    }).pipe(
      switchMap((confirmed) =>
        confirmed
          ? this.#bulk.run('products', { action, ids: [...context.ids], operationId: context.operationId })
          : of(null),
      ),
    );
  }
}
