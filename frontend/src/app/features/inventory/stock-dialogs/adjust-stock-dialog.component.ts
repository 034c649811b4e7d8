import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
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
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ADJUSTMENT_REASONS,
  ErrorCode,
  INVENTORY_LIMITS,
  type AdjustStockRequest,
  type AdjustmentReason,
  type StockAdjustmentResultDto,
  type StockLevelDto,
  type WarehouseDto,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { FormSubmission } from '../../../shared/forms/form-submission';
import { serverError } from '../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { ADJUSTMENT_REASON_LABELS } from '../data-access/inventory-labels';
import { StockService } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import { IdempotentSubmission } from '../../../shared/http/idempotent-submission';
import { type StockDialogData, loadStockDialogContext, submissionMessage } from './stock-dialog-data';

export type AdjustDirection = 'add' | 'remove';

export type AdjustStockForm = FormGroup<{
  warehouseId: FormControl<string>;
  direction: FormControl<AdjustDirection>;
  /** How many units, always positive; `direction` gives the sign. */
  quantity: FormControl<number | null>;
  reasonCode: FormControl<AdjustmentReason | null>;
  note: FormControl<string>;
}>;

export function createAdjustStockForm(data: StockDialogData): AdjustStockForm {
  const preset = data.quantity ?? null;
  return new FormGroup({
    warehouseId: new FormControl(data.warehouseId ?? '', { nonNullable: true, validators: [Validators.required] }),
    direction: new FormControl<AdjustDirection>(preset !== null && preset < 0 ? 'remove' : 'add', {
      nonNullable: true,
    }),
    quantity: new FormControl<number | null>(preset === null ? null : Math.abs(preset), {
      validators: [Validators.required, wholeQuantity],
    }),
    reasonCode: new FormControl<AdjustmentReason | null>(null, { validators: [Validators.required] }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(INVENTORY_LIMITS.noteMaxLength)],
    }),
  });
}

export function toAdjustRequest(productId: string, form: AdjustStockForm): AdjustStockRequest {
  const value = form.getRawValue();
  const quantity = value.quantity ?? 0;
  const note = value.note.trim();
  return {
    productId,
    warehouseId: value.warehouseId,
    quantity: value.direction === 'remove' ? -quantity : quantity,
    reasonCode: value.reasonCode ?? 'other',
    ...(note ? { note } : {}),
  };
}

/** A positive whole number of units, at most what one movement may move. */
export function wholeQuantity(control: AbstractControl<number | null>) {
  const value = control.value;
  if (value === null || (value as unknown) === '') {
    return null;
  }
  if (!Number.isInteger(value) || value < 1) {
    return { wholeQuantity: true };
  }
  return value > INVENTORY_LIMITS.maxQuantity ? { maxQuantity: true } : null;
}

/**
 * Adjusts the on-hand stock of one product in one warehouse by hand (a count correction, damage,
 * an opening balance...). The submission is idempotent: see IdempotentSubmission.
 */
@Component({
  selector: 'app-adjust-stock-dialog',
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
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './adjust-stock-dialog.component.html',
  styleUrl: './stock-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdjustStockDialogComponent {
  readonly #stock = inject(StockService);
  readonly #dialogRef = inject<MatDialogRef<AdjustStockDialogComponent, StockAdjustmentResultDto>>(MatDialogRef);
  protected readonly data = inject<StockDialogData>(MAT_DIALOG_DATA);
  readonly #submission = new IdempotentSubmission();

  protected readonly reasons = ADJUSTMENT_REASONS.map((code) => ({ code, label: ADJUSTMENT_REASON_LABELS[code] }));
  protected readonly noteMaxLength = INVENTORY_LIMITS.noteMaxLength;
  protected readonly form = createAdjustStockForm(this.data);
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly levels = signal<StockLevelDto[]>([]);
  protected readonly loading = signal(true);
  readonly #form = new FormSubmission(this.form, {
    routes: () => ({
      [ErrorCode.InsufficientStock]: {
        control: this.form.controls.quantity,
        message: 'There is not enough stock for this.',
      },
      [ErrorCode.WarehouseInactive]: { control: this.form.controls.warehouseId, message: 'Choose another warehouse.' },
      [ErrorCode.WarehouseNotFound]: { control: this.form.controls.warehouseId, message: 'Choose another warehouse.' },
    }),
    message: submissionMessage,
  });
  protected readonly saving = this.#form.saving;
  protected readonly error = this.#form.error;

  readonly #value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** The chosen warehouse's level (absent when the product has no stock there yet). */
  protected readonly level = computed(() => {
    const warehouseId = this.#value().warehouseId;
    return this.levels().find((level) => level.warehouseId === warehouseId) ?? null;
  });
  protected readonly onHandAfter = computed(() => {
    const value = this.#value();
    const quantity = value.quantity;
    if (!value.warehouseId || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
      return null;
    }
    return (this.level()?.onHand ?? 0) + (value.direction === 'remove' ? -quantity : quantity);
  });

  constructor() {
    loadStockDialogContext(inject(WarehousesService), this.#stock, this.data.productId).subscribe({
      next: ({ warehouses, levels }) => {
        this.loading.set(false);
        this.warehouses.set(warehouses);
        this.levels.set(levels);
        if (!this.form.controls.warehouseId.value && warehouses.length === 1) {
          this.form.controls.warehouseId.setValue(warehouses[0].id);
        }
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(`Could not load the warehouses: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }

  protected quantityError(): string {
    const control = this.form.controls.quantity;
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return 'Enter how many units.';
    }
    if (control.hasError('maxQuantity')) {
      return `At most ${INVENTORY_LIMITS.maxQuantity.toLocaleString('en-US')} units at once.`;
    }
    return 'Enter a whole number of at least 1.';
  }

  protected fieldError(name: 'warehouseId' | 'reasonCode' | 'note'): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (name === 'note') {
      return `Use at most ${this.noteMaxLength} characters.`;
    }
    return name === 'warehouseId' ? 'Choose a warehouse.' : 'Choose a reason.';
  }

  protected submit(): void {
    this.#form.submit(
      () => {
        const request = toAdjustRequest(this.data.productId, this.form);
        return this.#submission.send((key) => this.#stock.adjust(request, key));
      },
      (result) => this.#dialogRef.close(result),
    );
  }
}

/** Opens the adjust dialog; it closes with the result, or `undefined` when cancelled. */
export function openAdjustStockDialog(
  dialog: MatDialog,
  data: StockDialogData,
): Observable<StockAdjustmentResultDto | undefined> {
  return dialog
    .open<AdjustStockDialogComponent, StockDialogData, StockAdjustmentResultDto>(AdjustStockDialogComponent, {
      data,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
