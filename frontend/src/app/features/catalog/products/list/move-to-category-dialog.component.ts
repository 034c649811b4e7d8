import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { type Observable, map } from 'rxjs';

export interface MoveToCategoryDialogData {
  count: number;
  options: readonly { id: string; label: string }[];
}

/** The answer: a category id, `null` for "no category", or `undefined` when cancelled. */
export type MoveTarget = string | null | undefined;

/** Picks the category the selected products move to (or none). */
@Component({
  selector: 'app-move-to-category-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
  ],
  template: `
    <h2 mat-dialog-title>Move {{ data.count }} {{ data.count === 1 ? 'product' : 'products' }}</h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="target">
        <mat-label>Category</mat-label>
        <mat-select [formControl]="target">
          <mat-option [value]="null">No category</mat-option>
          @for (option of data.options; track option.id) {
            <mat-option [value]="option.id">{{ option.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="{ categoryId: target.value }">Move</button>
    </mat-dialog-actions>
  `,
  styles: `
    .target {
      width: 100%;
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveToCategoryDialogComponent {
  protected readonly data = inject<MoveToCategoryDialogData>(MAT_DIALOG_DATA);
  protected readonly target = new FormControl<string | null>(null);
}

export function openMoveToCategoryDialog(dialog: MatDialog, data: MoveToCategoryDialogData): Observable<MoveTarget> {
  return dialog
    .open<MoveToCategoryDialogComponent, MoveToCategoryDialogData, { categoryId: string | null } | undefined>(
      MoveToCategoryDialogComponent,
      { data, autoFocus: 'first-tabbable', restoreFocus: true, width: '420px', maxWidth: '95vw' },
    )
    .afterClosed()
    .pipe(map((answer) => (answer === undefined ? undefined : answer.categoryId)));
}
