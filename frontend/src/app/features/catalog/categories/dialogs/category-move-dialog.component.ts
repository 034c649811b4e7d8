import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { CATEGORY_LIMITS, ErrorCode, type CategoryDto } from '@depot/contracts';

import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { CategoriesService } from '../data-access/categories.service';
import { categoryLabel, categoryOptions, subtreeIds } from '../data-access/category-tree';

export interface CategoryMoveDialogData {
  category: CategoryDto;
  /** The whole tree, to offer the new parents. */
  categories: readonly CategoryDto[];
}

/** Value of the "top level" choice (a `mat-select` cannot tell `null` from "nothing chosen"). */
export const TOP_LEVEL = '';

/** Messages for the server's refusals, clearer than a generic conflict. */
const MOVE_REFUSALS: Record<string, string> = {
  [ErrorCode.CategoryCycle]: 'A category cannot move into itself or one of its subcategories.',
  [ErrorCode.CategoryTooDeep]: `The tree would become deeper than ${CATEGORY_LIMITS.maxDepth} levels there.`,
  [ErrorCode.CategoryNameTaken]: 'The new parent already has a category with this name.',
  [ErrorCode.VersionConflict]:
    'Someone else changed this category meanwhile. Close this dialog to see the latest tree, then try again.',
};

/**
 * Moves a category (with everything below it) under another parent, or to the top level. The
 * category's own subtree is not offered; the server checks again and its refusal is shown.
 */
@Component({
  selector: 'app-category-move-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>Move {{ category.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <div class="form-error" role="alert">{{ message }}</div>
        }
        <p class="current">Now in: {{ currentParentLabel }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>New parent</mat-label>
          <mat-select [formControl]="parent">
            <mat-option [value]="topLevel">(Top level)</mat-option>
            @for (option of options; track option.id) {
              <mat-option [value]="option.id">{{ option.label }}</mat-option>
            }
          </mat-select>
          <mat-hint>Its subcategories and products move with it.</mat-hint>
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Moving" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Move</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      inline-size: 100%;
      margin-block: 8px;
    }
    .current {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .form-error {
      margin-block-end: 12px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CategoryMoveDialogComponent {
  readonly #data = inject<CategoryMoveDialogData>(MAT_DIALOG_DATA);
  readonly #dialogRef = inject<MatDialogRef<CategoryMoveDialogComponent, CategoryDto>>(MatDialogRef);
  readonly #categories = inject(CategoriesService);

  protected readonly topLevel = TOP_LEVEL;
  protected readonly category = this.#data.category;
  protected readonly options = (() => {
    const excluded = subtreeIds(this.#data.categories, this.category.id);
    return categoryOptions(this.#data.categories).filter((option) => !excluded.has(option.id));
  })();
  protected readonly currentParentLabel = (() => {
    const parent = this.#data.categories.find((candidate) => candidate.id === this.category.parentId);
    return parent ? categoryLabel(parent) : '(Top level)';
  })();
  protected readonly parent = new FormControl<string>(this.category.parentId ?? TOP_LEVEL, { nonNullable: true });
  protected readonly form = new FormGroup({ parent: this.parent });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    const parentId = this.parent.value === TOP_LEVEL ? null : this.parent.value;
    if (parentId === this.category.parentId) {
      this.#dialogRef.close(undefined);
      return;
    }
    this.error.set(null);
    this.saving.set(true);
    this.#categories.update(this.category.id, { version: this.category.version, parentId }).subscribe({
      next: (moved) => {
        this.saving.set(false);
        this.#dialogRef.close(moved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toProblemDetails(error);
        const known = problem.code ? MOVE_REFUSALS[problem.code] : undefined;
        // The server's detail names the categories involved; prefer it when there is one.
        this.error.set(problem.detail ?? known ?? problemMessage(problem));
      },
    });
  }
}

/** Opens the dialog; emits the moved category, or `undefined` when cancelled or unchanged. */
export function openCategoryMoveDialog(dialog: MatDialog, data: CategoryMoveDialogData) {
  return dialog
    .open<CategoryMoveDialogComponent, CategoryMoveDialogData, CategoryDto>(CategoryMoveDialogComponent, {
      data,
      width: '480px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
