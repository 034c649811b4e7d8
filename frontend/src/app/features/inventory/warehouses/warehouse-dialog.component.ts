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
import { MatSlideToggle } from '@angular/material/slide-toggle';
import {
  ErrorCode,
  WAREHOUSE_LIMITS,
  type CreateWarehouseRequest,
  type UpdateWarehouseRequest,
  type WarehouseDto,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { FormSubmission } from '../../../shared/forms/form-submission';
import { serverError } from '../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { WarehousesService } from '../data-access/warehouses.service';

export interface WarehouseDialogData {
  /** The warehouse to edit; absent to create one. */
  warehouse?: WarehouseDto;
}

export const WAREHOUSE_CONFLICT_MESSAGE =
  'This warehouse was changed by someone else since you opened it. Load the latest version, then apply your change again.';

export type WarehouseForm = FormGroup<{
  code: FormControl<string>;
  name: FormControl<string>;
  address: FormControl<string>;
  active: FormControl<boolean>;
}>;

export function createWarehouseForm(warehouse?: WarehouseDto): WarehouseForm {
  return new FormGroup({
    code: new FormControl(warehouse?.code ?? '', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(WAREHOUSE_LIMITS.codeMaxLength),
        Validators.pattern(WAREHOUSE_LIMITS.codePattern),
      ],
    }),
    name: new FormControl(warehouse?.name ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(WAREHOUSE_LIMITS.nameMaxLength)],
    }),
    address: new FormControl(warehouse?.address ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(WAREHOUSE_LIMITS.addressMaxLength)],
    }),
    active: new FormControl(warehouse?.active ?? true, { nonNullable: true }),
  });
}

export function toCreateWarehouseRequest(form: WarehouseForm): CreateWarehouseRequest {
  const value = form.getRawValue();
  return { code: value.code.trim(), name: value.name.trim(), address: value.address.trim() || null };
}

export function toUpdateWarehouseRequest(form: WarehouseForm, version: number): UpdateWarehouseRequest {
  return { version, ...toCreateWarehouseRequest(form), active: form.controls.active.value };
}

/** Creates a warehouse or edits one (with optimistic locking on `version`). */
@Component({
  selector: 'app-warehouse-dialog',
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
    MatSlideToggle,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './warehouse-dialog.component.html',
  styleUrl: './warehouse-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WarehouseDialogComponent {
  readonly #warehouses = inject(WarehousesService);
  readonly #dialogRef = inject<MatDialogRef<WarehouseDialogComponent, WarehouseDto>>(MatDialogRef);

  protected readonly limits = WAREHOUSE_LIMITS;
  protected readonly conflictMessage = WAREHOUSE_CONFLICT_MESSAGE;
  protected readonly warehouse = signal<WarehouseDto | null>(
    inject<WarehouseDialogData>(MAT_DIALOG_DATA).warehouse ?? null,
  );
  protected readonly isNew = this.warehouse() === null;
  protected readonly form = createWarehouseForm(this.warehouse() ?? undefined);
  protected readonly conflict = signal(false);
  readonly #form = new FormSubmission(this.form, {
    routes: () => ({
      [ErrorCode.VersionConflict]: { handle: () => this.conflict.set(true) },
      [ErrorCode.WarehouseCodeTaken]: {
        control: this.form.controls.code,
        message: 'Another warehouse already uses this code.',
      },
    }),
  });
  protected readonly saving = this.#form.saving;
  protected readonly error = this.#form.error;

  protected errorText(name: 'code' | 'name' | 'address'): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return name === 'code' ? 'Enter a code.' : 'Enter a name.';
    }
    const maxLength: unknown = control.getError('maxlength');
    if (typeof maxLength === 'object' && maxLength !== null && 'requiredLength' in maxLength) {
      return `Use at most ${String(maxLength.requiredLength)} characters.`;
    }
    if (control.hasError('pattern')) {
      return 'Use upper-case letters, digits, "-" and "_", starting with a letter or digit.';
    }
    return 'This value is invalid.';
  }

  /** Codes are upper case: convert as the user types, so the pattern is easy to meet. */
  protected upperCaseCode(): void {
    const control = this.form.controls.code;
    const upper = control.value.toUpperCase();
    if (upper !== control.value) {
      control.setValue(upper);
    }
  }

  protected submit(): void {
    this.#form.submit(
      (): Observable<WarehouseDto> => {
        const current = this.warehouse();
        return current
          ? this.#warehouses.update(current.id, toUpdateWarehouseRequest(this.form, current.version))
          : this.#warehouses.create(toCreateWarehouseRequest(this.form));
      },
      (saved) => this.#dialogRef.close(saved),
    );
  }

  /** After a version conflict: load the current state (the user's edits are replaced). */
  protected reloadLatest(): void {
    const current = this.warehouse();
    if (!current) {
      return;
    }
    this.saving.set(true);
    this.#warehouses.get(current.id).subscribe({
      next: (latest) => {
        this.saving.set(false);
        this.warehouse.set(latest);
        this.form.reset({
          code: latest.code,
          name: latest.name,
          address: latest.address ?? '',
          active: latest.active,
        });
        this.conflict.set(false);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemMessage(toProblemDetails(error)));
      },
    });
  }
}

/** Opens the dialog; it closes with the saved warehouse, or `undefined` when cancelled. */
export function openWarehouseDialog(
  dialog: MatDialog,
  data: WarehouseDialogData,
): Observable<WarehouseDto | undefined> {
  return dialog
    .open<WarehouseDialogComponent, WarehouseDialogData, WarehouseDto>(WarehouseDialogComponent, {
      data,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
