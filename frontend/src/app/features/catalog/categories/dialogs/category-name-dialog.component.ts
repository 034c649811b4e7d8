import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { CATEGORY_LIMITS, ErrorCode, type CategoryDto } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { serverError, setServerError } from '../../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { CategoriesService } from '../data-access/categories.service';
import { categoryLabel } from '../data-access/category-tree';

/** Create a root category (`parent` null), a child of `parent`, or rename `category`. */
export type CategoryNameDialogData =
  { mode: 'create'; parent: CategoryDto | null } | { mode: 'rename'; category: CategoryDto };

/**
 * Asks for a category name and saves it; closes with the saved category, or `undefined` when
 * cancelled. A taken sibling name shows on the field; other refusals above the form.
 */
@Component({
  selector: 'app-category-name-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <div class="form-error" role="alert">{{ message }}</div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Name</mat-label>
          <input matInput [formControl]="name" required [maxlength]="maxLength" autocomplete="off" />
          @if (hint) {
            <mat-hint>{{ hint }}</mat-hint>
          }
          <mat-error>{{ nameError() }}</mat-error>
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ submitLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .full {
      inline-size: 100%;
      margin-block: 8px;
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
export class CategoryNameDialogComponent {
  readonly #data = inject<CategoryNameDialogData>(MAT_DIALOG_DATA);
  readonly #dialogRef = inject<MatDialogRef<CategoryNameDialogComponent, CategoryDto>>(MatDialogRef);
  readonly #categories = inject(CategoriesService);

  protected readonly maxLength = CATEGORY_LIMITS.nameMaxLength;
  protected readonly title =
    this.#data.mode === 'rename'
      ? `Rename ${this.#data.category.name}`
      : this.#data.parent
        ? `New category in ${this.#data.parent.name}`
        : 'New category';
  protected readonly hint =
    this.#data.mode === 'create' && this.#data.parent ? `Inside ${categoryLabel(this.#data.parent)}` : '';
  protected readonly submitLabel = this.#data.mode === 'rename' ? 'Rename' : 'Create';
  protected readonly name = new FormControl(this.#data.mode === 'rename' ? this.#data.category.name : '', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(CATEGORY_LIMITS.nameMaxLength), Validators.pattern(/\S/)],
  });
  protected readonly form = new FormGroup({ name: this.name });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected nameError(): string {
    return (
      serverError(this.name) ??
      (this.name.hasError('maxlength') ? `Use at most ${this.maxLength} characters.` : 'Enter a name.')
    );
  }

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.error.set(null);
    if (this.name.invalid) {
      this.name.markAsTouched();
      return;
    }
    const name = this.name.value.trim();
    const data = this.#data;
    if (data.mode === 'rename' && name === data.category.name) {
      this.#dialogRef.close(undefined);
      return;
    }
    const saved$: Observable<CategoryDto> =
      data.mode === 'rename'
        ? this.#categories.update(data.category.id, { version: data.category.version, name })
        : this.#categories.create({ name, parentId: data.parent?.id ?? null });
    this.saving.set(true);
    saved$.subscribe({
      next: (category) => {
        this.saving.set(false);
        this.#dialogRef.close(category);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toProblemDetails(error);
        if (problem.code === ErrorCode.CategoryNameTaken) {
          setServerError(this.name, problem.detail ?? 'A category with this name already exists here.');
          return;
        }
        const fieldError = problem.errors?.find((item) => item.field === 'name');
        if (fieldError) {
          setServerError(this.name, fieldError.message);
          return;
        }
        this.error.set(
          problem.code === ErrorCode.VersionConflict
            ? 'Someone else changed this category meanwhile. Close this dialog to see the latest tree, then try again.'
            : problemMessage(problem),
        );
      },
    });
  }
}

/** Opens the dialog; emits the saved category, or `undefined` when cancelled. */
export function openCategoryNameDialog(
  dialog: MatDialog,
  data: CategoryNameDialogData,
): Observable<CategoryDto | undefined> {
  return dialog
    .open<CategoryNameDialogComponent, CategoryNameDialogData, CategoryDto>(CategoryNameDialogComponent, {
      data,
      width: '440px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
