import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { Permission, type CategoryDto } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { openRecordHistoryDialog } from '../../../../shared/history/record-history-dialog.component';
import { AuthService } from '../../../../core/auth/auth.service';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { CategoriesService } from '../data-access/categories.service';
import { categoryLabel, visibleCategories } from '../data-access/category-tree';
import { openCategoryMoveDialog } from '../dialogs/category-move-dialog.component';
import { openCategoryNameDialog } from '../dialogs/category-name-dialog.component';

type LoadState = 'loading' | 'ready' | 'failed';

/**
 * The category tree as an indented list with expand/collapse, product and subcategory counts,
 * and (with `catalog.categories.write`) create, rename, move and delete.
 */
@Component({
  selector: 'app-category-tree',
  imports: [RouterLink, MatButton, MatIconButton, MatProgressBar, MatTooltip, IconComponent],
  templateUrl: './category-tree.component.html',
  styleUrl: './category-tree.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryTreeComponent {
  readonly #categoriesService = inject(CategoriesService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly canWrite = computed(() => this.#auth.permissions().has(Permission.CatalogCategoriesWrite));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly categories = signal<CategoryDto[]>([]);
  protected readonly loadState = signal<LoadState>('loading');
  protected readonly loadError = signal<string | null>(null);
  /** A refused change (e.g. deleting a category that is not empty), as the server explained it. */
  protected readonly actionError = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly rows = computed(() => visibleCategories(this.categories(), this.expanded()));
  protected readonly total = computed(() => this.categories().length);

  constructor() {
    this.#load();
  }

  protected isExpanded(category: CategoryDto): boolean {
    return this.expanded().has(category.id);
  }

  protected toggle(category: CategoryDto): void {
    const next = new Set(this.expanded());
    if (!next.delete(category.id)) {
      next.add(category.id);
    }
    this.expanded.set(next);
  }

  protected expandAll(): void {
    this.expanded.set(
      new Set(
        this.categories()
          .filter((c) => c.childCount > 0)
          .map((c) => c.id),
      ),
    );
  }

  protected collapseAll(): void {
    this.expanded.set(new Set());
  }

  protected label(category: CategoryDto): string {
    return categoryLabel(category);
  }

  protected counts(category: CategoryDto): string {
    const products = `${category.productCount} ${category.productCount === 1 ? 'product' : 'products'}`;
    if (category.childCount === 0) {
      return products;
    }
    return `${products} · ${category.childCount} ${category.childCount === 1 ? 'subcategory' : 'subcategories'}`;
  }

  protected isEmpty(category: CategoryDto): boolean {
    return category.productCount === 0 && category.childCount === 0;
  }

  protected deleteTooltip(category: CategoryDto): string {
    if (this.isEmpty(category)) {
      return `Delete ${category.name}`;
    }
    return category.childCount > 0
      ? 'Move or delete its subcategories first'
      : 'Move its products to another category first';
  }

  protected create(parent: CategoryDto | null): void {
    this.#afterDialog(openCategoryNameDialog(this.#dialog, { mode: 'create', parent }), (created) => {
      if (parent) {
        this.expanded.set(new Set([...this.expanded(), parent.id]));
      }
      return `Created ${categoryLabel(created)}.`;
    });
  }

  protected history(category: CategoryDto): void {
    openRecordHistoryDialog(this.#dialog, {
      title: `History of category ${category.name}`,
      entityType: 'category',
      entityId: category.id,
    });
  }

  protected rename(category: CategoryDto): void {
    this.#afterDialog(
      openCategoryNameDialog(this.#dialog, { mode: 'rename', category }),
      (renamed) => `Renamed to ${renamed.name}.`,
    );
  }

  protected move(category: CategoryDto): void {
    this.#afterDialog(openCategoryMoveDialog(this.#dialog, { category, categories: this.categories() }), (moved) => {
      // Show it where it went.
      this.expanded.set(new Set([...this.expanded(), ...this.#ancestorIds(moved)]));
      return `Moved to ${categoryLabel(moved)}.`;
    });
  }

  protected remove(category: CategoryDto): void {
    if (!this.canWrite() || !this.isEmpty(category)) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: 'Delete category?',
      message: `${categoryLabel(category)} will be deleted.`,
      confirmLabel: 'Delete',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.actionError.set(null);
      this.#categoriesService.delete(category.id).subscribe({
        next: () => {
          this.#snackBar.open(`Deleted ${category.name}.`, 'Dismiss', { duration: 4000 });
          this.#load();
        },
        error: (error: unknown) => {
          this.actionError.set(`Could not delete ${category.name}: ${problemMessage(toProblemDetails(error))}`);
          // The counts were probably stale: show the current ones.
          this.#load();
        },
      });
    });
  }

  protected retry(): void {
    this.#load();
  }

  #afterDialog(closed: Observable<CategoryDto | undefined>, done: (category: CategoryDto) => string): void {
    this.actionError.set(null);
    closed.subscribe((category) => {
      if (category) {
        this.#snackBar.open(done(category), 'Dismiss', { duration: 4000 });
        this.#load();
      }
    });
  }

  #ancestorIds(category: CategoryDto): string[] {
    const byId = new Map(this.categories().map((candidate) => [candidate.id, candidate]));
    const ids: string[] = [];
    let parentId = category.parentId;
    while (parentId && !ids.includes(parentId)) {
      ids.push(parentId);
      parentId = byId.get(parentId)?.parentId ?? null;
    }
    return ids;
  }

  #load(): void {
    this.loadState.set('loading');
    this.#categoriesService.list().subscribe({
      next: (categories) => {
        this.categories.set(categories);
        this.loadState.set('ready');
        this.loadError.set(null);
      },
      error: (error: unknown) => {
        this.loadState.set('failed');
        this.loadError.set(problemMessage(toProblemDetails(error)));
      },
    });
  }
}
