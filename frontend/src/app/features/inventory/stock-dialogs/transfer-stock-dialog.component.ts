import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
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
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ErrorCode,
  INVENTORY_LIMITS,
  type StockLevelDto,
  type StockTransferResultDto,
  type TransferStockRequest,
  type WarehouseDto,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { FormSubmission } from '../../../shared/forms/form-submission';
import { serverError } from '../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { StockService } from '../data-access/stock.service';
import { WarehousesService } from '../data-access/warehouses.service';
import { wholeQuantity } from './adjust-stock-dialog.component';
import { IdempotentSubmission } from '../../../shared/http/idempotent-submission';
import { type StockDialogData, loadStockDialogContext, submissionMessage } from './stock-dialog-data';

export type TransferStockForm = FormGroup<{
  fromWarehouseId: FormControl<string>;
  toWarehouseId: FormControl<string>;
  quantity: FormControl<number | null>;
  note: FormControl<string>;
}>;

/** The destination must differ from the source (set on the destination control, where it shows). */
function differentWarehouses(group: AbstractControl): ValidationErrors | null {
  const from = group.get('fromWarehouseId');
  const to = group.get('toWarehouseId');
  if (!from || !to) {
    return null;
  }
  const same = Boolean(from.value) && from.value === to.value;
  if (same && !to.hasError('sameWarehouse')) {
    to.setErrors({ ...to.errors, sameWarehouse: true });
  } else if (!same && to.hasError('sameWarehouse')) {
    const rest = Object.entries(to.errors ?? {}).filter(([key]) => key !== 'sameWarehouse');
    to.setErrors(rest.length ? Object.fromEntries(rest) : null);
  }
  return same ? { sameWarehouse: true } : null;
}

export function createTransferStockForm(data: StockDialogData): TransferStockForm {
  return new FormGroup(
    {
      fromWarehouseId: new FormControl(data.warehouseId ?? '', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      toWarehouseId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      quantity: new FormControl<number | null>(null, { validators: [Validators.required, wholeQuantity] }),
      note: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(INVENTORY_LIMITS.noteMaxLength)],
      }),
    },
    { validators: [differentWarehouses] },
  );
}

export function toTransferRequest(productId: string, form: TransferStockForm): TransferStockRequest {
  const value = form.getRawValue();
  const note = value.note.trim();
  return {
    productId,
    fromWarehouseId: value.fromWarehouseId,
    toWarehouseId: value.toWarehouseId,
    quantity: value.quantity ?? 0,
    ...(note ? { note } : {}),
  };
}

/** Moves stock of one product from one warehouse to another (both legs in one transaction). */
@Component({
  selector: 'app-transfer-stock-dialog',
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
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './transfer-stock-dialog.component.html',
  styleUrl: './stock-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransferStockDialogComponent {
  readonly #stock = inject(StockService);
  readonly #dialogRef = inject<MatDialogRef<TransferStockDialogComponent, StockTransferResultDto>>(MatDialogRef);
  protected readonly data = inject<StockDialogData>(MAT_DIALOG_DATA);
  readonly #submission = new IdempotentSubmission();

  protected readonly noteMaxLength = INVENTORY_LIMITS.noteMaxLength;
  protected readonly form = createTransferStockForm(this.data);
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly levels = signal<StockLevelDto[]>([]);
  protected readonly loading = signal(true);
  readonly #form = new FormSubmission(this.form, {
    routes: () => ({
      [ErrorCode.InsufficientStock]: {
        control: this.form.controls.quantity,
        message: 'There is not enough stock in the source.',
      },
      [ErrorCode.SameWarehouse]: {
        control: this.form.controls.toWarehouseId,
        message: 'Choose a warehouse other than the source.',
      },
    }),
    message: submissionMessage,
  });
  protected readonly saving = this.#form.saving;
  protected readonly error = this.#form.error;

  readonly #value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** Available stock in the chosen source warehouse (0 when it has none of the product). */
  protected readonly available = computed(() => {
    const from = this.#value().fromWarehouseId;
    if (!from) {
      return null;
    }
    return this.levels().find((level) => level.warehouseId === from)?.available ?? 0;
  });
  protected readonly sourceName = computed(() => {
    const from = this.#value().fromWarehouseId;
    return this.warehouses().find((warehouse) => warehouse.id === from)?.code ?? '';
  });

  constructor() {
    loadStockDialogContext(inject(WarehousesService), this.#stock, this.data.productId).subscribe({
      next: ({ warehouses, levels }) => {
        this.loading.set(false);
        this.warehouses.set(warehouses);
        this.levels.set(levels);
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
      return 'Enter how many units to move.';
    }
    if (control.hasError('maxQuantity')) {
      return `At most ${INVENTORY_LIMITS.maxQuantity.toLocaleString('en-US')} units at once.`;
    }
    return 'Enter a whole number of at least 1.';
  }

  protected warehouseError(name: 'fromWarehouseId' | 'toWarehouseId'): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('sameWarehouse')) {
      return 'Choose a warehouse other than the source.';
    }
    return name === 'fromWarehouseId' ? 'Choose where the stock comes from.' : 'Choose where the stock goes.';
  }

  protected noteError(): string {
    return serverError(this.form.controls.note) ?? `Use at most ${this.noteMaxLength} characters.`;
  }

  protected submit(): void {
    this.#form.submit(
      () => {
        const request = toTransferRequest(this.data.productId, this.form);
        return this.#submission.send((key) => this.#stock.transfer(request, key));
      },
      (result) => this.#dialogRef.close(result),
    );
  }
}

/** Opens the transfer dialog; it closes with the result, or `undefined` when cancelled. */
export function openTransferStockDialog(
  dialog: MatDialog,
  data: StockDialogData,
): Observable<StockTransferResultDto | undefined> {
  return dialog
    .open<TransferStockDialogComponent, StockDialogData, StockTransferResultDto>(TransferStockDialogComponent, {
      data,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
