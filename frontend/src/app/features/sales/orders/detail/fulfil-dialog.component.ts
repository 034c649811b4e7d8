import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
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
import {
  ORDER_LIMITS,
  type FulfilSalesOrderRequest,
  type SalesOrderDto,
  type SalesOrderLineDto,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { toProblemDetails } from '../../../../shared/http/problem-details';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { SalesOrdersService } from '../../data-access/sales-orders.service';

export interface FulfilDialogData {
  order: SalesOrderDto;
}

type QuantityControl = FormControl<number | null>;

/** 0 up to what is reserved for the line. */
function shipQuantity(max: number) {
  return (control: AbstractControl<number | null>): ValidationErrors | null => {
    const value = control.value;
    if (value === null || (value as unknown) === '') {
      return null;
    }
    if (!Number.isInteger(value) || value < 0) {
      return { wholeQuantity: true };
    }
    return value > max ? { aboveReserved: { max } } : null;
  };
}

/** The request for the quantities entered (lines with 0 are left out). */
export function toFulfilRequest(
  order: SalesOrderDto,
  lines: readonly SalesOrderLineDto[],
  quantities: readonly (number | null)[],
  note: string,
): FulfilSalesOrderRequest {
  return {
    version: order.version,
    lines: lines
      .map((line, index) => ({ lineId: line.id, quantity: quantities[index] ?? 0 }))
      .filter((line) => line.quantity > 0),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

/** Ships reserved quantities of a sales order: per line, defaulting to everything reserved. */
@Component({
  selector: 'app-fulfil-dialog',
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
    <h2 mat-dialog-title>Fulfil {{ data.order.number }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="lead">Ship what is reserved. Lower a quantity to ship part of a line now and the rest later.</p>
        @if (error(); as message) {
          <div class="form-error" role="alert">{{ message }}</div>
        }
        <div formArrayName="quantities" class="ship-lines">
          @for (line of lines; track line.id; let i = $index) {
            <div class="ship-line">
              <span class="line-label">
                <span class="sku">{{ line.sku }}</span> · {{ line.productName }}
              </span>
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="quantity">
                <mat-label>Ship {{ line.sku }}</mat-label>
                <input matInput type="number" [formControlName]="i" min="0" [max]="line.reservedQuantity" step="1" />
                <mat-hint>{{ line.reservedQuantity }} reserved</mat-hint>
                <mat-error>Enter 0 to {{ line.reservedQuantity }}.</mat-error>
              </mat-form-field>
            </div>
          }
        </div>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Note (optional)</mat-label>
          <textarea matInput formControlName="note" rows="2" [maxlength]="noteMaxLength"></textarea>
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Shipping" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving() || nothingToShip()">Ship {{ shipCount() }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .ship-lines {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-block-end: 16px;
    }
    .ship-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    .sku {
      font-weight: 500;
    }
    .quantity {
      inline-size: 160px;
    }
    .full {
      inline-size: 100%;
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
export class FulfilDialogComponent {
  readonly #orders = inject(SalesOrdersService);
  readonly #dialogRef = inject<MatDialogRef<FulfilDialogComponent, SalesOrderDto>>(MatDialogRef);
  readonly #submission = new IdempotentSubmission();
  protected readonly data = inject<FulfilDialogData>(MAT_DIALOG_DATA);
  protected readonly noteMaxLength = ORDER_LIMITS.notesMaxLength;
  /** Only lines with something reserved can ship. */
  protected readonly lines = this.data.order.lines.filter((line) => line.reservedQuantity > 0);
  protected readonly form = new FormGroup({
    quantities: new FormArray<QuantityControl>(
      this.lines.map(
        (line) =>
          new FormControl<number | null>(line.reservedQuantity, {
            validators: [Validators.required, shipQuantity(line.reservedQuantity)],
          }),
      ),
    ),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(ORDER_LIMITS.notesMaxLength)] }),
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  readonly #quantities = toSignal(this.form.controls.quantities.valueChanges, {
    initialValue: this.form.controls.quantities.getRawValue(),
  });
  protected readonly shipCount = computed(() =>
    this.#quantities().reduce<number>((sum, quantity) => sum + (Number.isInteger(quantity) ? (quantity ?? 0) : 0), 0),
  );
  protected readonly nothingToShip = computed(() => this.shipCount() <= 0);

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.error.set(null);
    if (this.form.invalid || this.nothingToShip()) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const request = toFulfilRequest(this.data.order, this.lines, raw.quantities, raw.note);
    this.saving.set(true);
    this.#submission
      .send((key) => this.#orders.fulfil(this.data.order.id, request, key))
      .subscribe({
        next: (order) => {
          this.saving.set(false);
          this.#dialogRef.close(order);
        },
        error: (problem: unknown) => {
          this.saving.set(false);
          this.error.set(submissionMessage(isProblem(problem) ? problem : toProblemDetails(problem)));
        },
      });
  }
}

/** Opens the fulfil dialog; it closes with the updated order, or `undefined` when cancelled. */
export function openFulfilDialog(dialog: MatDialog, order: SalesOrderDto): Observable<SalesOrderDto | undefined> {
  return dialog
    .open<FulfilDialogComponent, FulfilDialogData, SalesOrderDto>(FulfilDialogComponent, {
      data: { order },
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
