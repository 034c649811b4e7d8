import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
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
import { MatSelect } from '@angular/material/select';
import {
  ErrorCode,
  type ProblemDetails,
  type PurchaseOrderDto,
  type PurchaseOrderLineDto,
  type ReceivePurchaseOrderRequest,
  type WarehouseDto,
  ORDER_LIMITS,
} from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { applyServerErrors, serverError, setServerError } from '../../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { WarehousesService } from '../../../inventory/data-access/warehouses.service';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { PurchaseOrdersService } from '../../data-access/purchase-orders.service';

export interface ReceiveDialogData {
  order: PurchaseOrderDto;
}

export type ReceiveForm = FormGroup<{
  warehouseId: FormControl<string>;
  /** One quantity per open line, in the order of `openLines(order)`. */
  lines: FormArray<FormControl<number | null>>;
  note: FormControl<string>;
}>;

/** What the API accepts for a receipt's note (the note of one status change). */
export const RECEIPT_NOTE_MAX_LENGTH = ORDER_LIMITS.transitionNoteMaxLength;

export const NOTHING_TO_RECEIVE_MESSAGE = 'Enter a quantity for at least one line.';

/** The lines that still expect goods. */
export function openLines(order: PurchaseOrderDto): PurchaseOrderLineDto[] {
  return order.lines.filter((line) => line.openQuantity > 0);
}

/** A whole number from 0 to what is still open on the line. */
export function receiveQuantityValidator(open: number): ValidatorFn {
  return (control: AbstractControl<number | null>): ValidationErrors | null => {
    const value = control.value;
    if (value === null || (value as unknown) === '') {
      return null;
    }
    if (!Number.isInteger(value) || value < 0) {
      return { wholeQuantity: true };
    }
    return value > open ? { maxOpen: { open } } : null;
  };
}

function somethingToReceive(control: AbstractControl<(number | null)[]>): ValidationErrors | null {
  return control.value.some((quantity) => typeof quantity === 'number' && quantity > 0) ? null : { nothing: true };
}

/** Every open line preset to its open quantity, into the order's warehouse. */
export function createReceiveForm(order: PurchaseOrderDto): ReceiveForm {
  return new FormGroup({
    warehouseId: new FormControl(order.warehouseId, { nonNullable: true, validators: [Validators.required] }),
    lines: new FormArray(
      openLines(order).map(
        (line) =>
          new FormControl<number | null>(line.openQuantity, {
            validators: [Validators.required, receiveQuantityValidator(line.openQuantity)],
          }),
      ),
      { validators: [somethingToReceive] },
    ),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(RECEIPT_NOTE_MAX_LENGTH)] }),
  });
}

/** Only lines with something to receive are sent. */
export function toReceiveRequest(order: PurchaseOrderDto, form: ReceiveForm): ReceivePurchaseOrderRequest {
  const value = form.getRawValue();
  const note = value.note.trim();
  const lines = openLines(order)
    .map((line, index) => ({ lineId: line.id, quantity: value.lines[index] ?? 0 }))
    .filter((line) => line.quantity > 0);
  return { warehouseId: value.warehouseId, lines, ...(note ? { note } : {}) };
}

/**
 * Books goods that arrived for a purchase order into stock: per line how many (preset to what is
 * still open), and into which warehouse (preset to the order's). The submission is idempotent.
 */
@Component({
  selector: 'app-receive-dialog',
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
  templateUrl: './receive-dialog.component.html',
  styleUrl: './receive-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReceiveDialogComponent {
  readonly #orders = inject(PurchaseOrdersService);
  readonly #dialogRef = inject<MatDialogRef<ReceiveDialogComponent, PurchaseOrderDto>>(MatDialogRef);
  readonly #submission = new IdempotentSubmission();

  protected readonly order = inject<ReceiveDialogData>(MAT_DIALOG_DATA).order;
  protected readonly lines = openLines(this.order);
  protected readonly form = createReceiveForm(this.order);
  protected readonly noteMaxLength = RECEIPT_NOTE_MAX_LENGTH;
  protected readonly warehouses = signal<WarehouseDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly submitted = signal(false);
  protected readonly nothingMessage = NOTHING_TO_RECEIVE_MESSAGE;

  readonly #value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly unitsToReceive = computed(() =>
    this.#value().lines.reduce<number>(
      (sum, quantity) => sum + (typeof quantity === 'number' && quantity > 0 ? quantity : 0),
      0,
    ),
  );
  /** The order's warehouse is offered even when it is not among the active ones (the server then says why). */
  protected readonly warehouseOptions = computed(() => {
    const active = this.warehouses().map(({ id, code, name }) => ({ id, label: `${code} · ${name}` }));
    return active.some((option) => option.id === this.order.warehouseId)
      ? active
      : [{ id: this.order.warehouseId, label: this.order.warehouseCode }, ...active];
  });

  constructor() {
    inject(WarehousesService)
      .all({ activeOnly: true })
      .subscribe({
        next: (warehouses) => {
          this.loading.set(false);
          this.warehouses.set(warehouses);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(`Could not load the warehouses: ${problemMessage(toProblemDetails(error))}`);
        },
      });
  }

  protected quantityError(index: number): string {
    const control = this.form.controls.lines.at(index);
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return 'Enter a quantity (0 to skip this line).';
    }
    if (control.hasError('maxOpen')) {
      return `At most ${this.lines[index].openQuantity}: that is all that is still open.`;
    }
    return 'Enter a whole number of 0 or more.';
  }

  protected fieldError(name: 'warehouseId' | 'note'): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    return name === 'note' ? `Use at most ${this.noteMaxLength} characters.` : 'Choose a warehouse.';
  }

  protected nothingToReceive(): boolean {
    return this.submitted() && this.form.controls.lines.hasError('nothing');
  }

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.submitted.set(true);
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = toReceiveRequest(this.order, this.form);
    this.saving.set(true);
    const result$: Observable<PurchaseOrderDto> = this.#submission.send((key) =>
      this.#orders.receive(this.order.id, request, key),
    );
    result$.subscribe({
      next: (order) => {
        this.saving.set(false);
        this.#dialogRef.close(order);
      },
      error: (problem: unknown) => {
        this.saving.set(false);
        this.#showProblem(isProblem(problem) ? problem : toProblemDetails(problem));
      },
    });
  }

  #showProblem(problem: ProblemDetails): void {
    if (problem.code === ErrorCode.WarehouseInactive || problem.code === ErrorCode.WarehouseNotFound) {
      setServerError(this.form.controls.warehouseId, problemMessage(problem));
      return;
    }
    if (problem.code === ErrorCode.OrderLineQuantityExceeded || problem.code === ErrorCode.InvalidOrderTransition) {
      this.error.set(`${problemMessage(problem)} Close this dialog to see the order as it is now.`);
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem);
      this.error.set(unmatched.length ? unmatched.map((fieldError) => fieldError.message).join(' ') : null);
      return;
    }
    this.error.set(submissionMessage(problem));
  }
}

/** Opens the receive dialog; it closes with the updated order, or `undefined` when cancelled. */
export function openReceiveDialog(
  dialog: MatDialog,
  data: ReceiveDialogData,
): Observable<PurchaseOrderDto | undefined> {
  return dialog
    .open<ReceiveDialogComponent, ReceiveDialogData, PurchaseOrderDto>(ReceiveDialogComponent, {
      data,
      width: '640px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
