import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { SAVED_VIEW_LIMITS, type SavedViewDto } from '@depot/contracts';
import type { Observable } from 'rxjs';

import { problemMessage, toProblemDetails } from '../http/problem-details';
import { SavedViewsService } from './saved-views.service';

export type SaveViewDialogData =
  { mode: 'create'; listKey: string; state: Record<string, string> } | { mode: 'edit'; view: SavedViewDto };

/** Saves the list's current filters as a named view, or renames / re-shares an existing one. */
@Component({
  selector: 'app-save-view-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatCheckbox,
    MatButton,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field appearance="outline" class="full">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" [maxlength]="maxLength" autocomplete="off" />
          <mat-error>Enter a name of at most {{ maxLength }} characters.</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="shared">Share with everyone</mat-checkbox>
        <mat-checkbox formControlName="isDefault">Open this list with this view</mat-checkbox>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .full {
      inline-size: 100%;
      margin-block-start: 8px;
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
export class SaveViewDialogComponent {
  readonly #data = inject<SaveViewDialogData>(MAT_DIALOG_DATA);
  readonly #dialogRef = inject<MatDialogRef<SaveViewDialogComponent, SavedViewDto>>(MatDialogRef);
  readonly #views = inject(SavedViewsService);

  protected readonly maxLength = SAVED_VIEW_LIMITS.nameMaxLength;
  protected readonly title = this.#data.mode === 'create' ? 'Save view' : `Edit view “${this.#data.view.name}”`;
  protected readonly form = new FormGroup({
    name: new FormControl(this.#data.mode === 'edit' ? this.#data.view.name : '', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(SAVED_VIEW_LIMITS.nameMaxLength),
        Validators.pattern(/\S/),
      ],
    }),
    shared: new FormControl(this.#data.mode === 'edit' ? this.#data.view.shared : false, { nonNullable: true }),
    isDefault: new FormControl(this.#data.mode === 'edit' ? this.#data.view.isDefault : false, { nonNullable: true }),
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, shared, isDefault } = this.form.getRawValue();
    const data = this.#data;
    const saved$: Observable<SavedViewDto> =
      data.mode === 'create'
        ? this.#views.create({ listKey: data.listKey, name: name.trim(), state: data.state, shared, isDefault })
        : this.#views.update(data.view.id, { version: data.view.version, name: name.trim(), shared, isDefault });
    this.saving.set(true);
    this.error.set(null);
    saved$.subscribe({
      next: (view) => {
        this.saving.set(false);
        this.#dialogRef.close(view);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemMessage(toProblemDetails(error)));
      },
    });
  }
}
