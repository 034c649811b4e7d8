import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
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
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import {
  ErrorCode,
  INVOICE_LIMITS,
  PAYMENT_METHODS,
  type InvoiceDto,
  type PaymentMethod,
  type RecordPaymentRequest,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { serverError, setServerError } from '../../../../shared/forms/server-errors';
import { toProblemDetails } from '../../../../shared/http/problem-details';
import { formatMinorAsMajor, formatMoney, parseMajorToMinor } from '../../../../shared/money/money';
import { DAY_PATTERN, dayToIso } from '../../../inventory/data-access/inventory-labels';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { InvoicesService } from '../../data-access/invoices.service';
import { PAYMENT_METHOD_LABELS } from '../../data-access/sales-labels';

export interface RecordPaymentDialogData {
  invoice: InvoiceDto;
}

export type RecordPaymentForm = FormGroup<{
  /** Major units as typed ("19.99"). */
  amount: FormControl<string>;
  method: FormControl<PaymentMethod>;
  reference: FormControl<string>;
  /** `YYYY-MM-DD`. */
  paidOn: FormControl<string>;
}>;

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An amount above zero and at most what is still owed. */
export function paymentAmount(invoice: Pick<InvoiceDto, 'currency' | 'balanceMinor'>) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const text = control.value ?? '';
    if (text.trim() === '') {
      return null;
    }
    const minor = parseMajorToMinor(text, invoice.currency);
    if (minor === null) {
      return { money: true };
    }
    if (minor <= 0) {
      return { positive: true };
    }
    return minor > invoice.balanceMinor ? { aboveBalance: true } : null;
  };
}

function pastOrToday(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) {
    return null;
  }
  if (!DAY_PATTERN.test(value)) {
    return { day: true };
  }
  return value > today() ? { future: true } : null;
}

export function createRecordPaymentForm(invoice: InvoiceDto): RecordPaymentForm {
  return new FormGroup({
    amount: new FormControl(formatMinorAsMajor(invoice.balanceMinor, invoice.currency), {
      nonNullable: true,
      validators: [Validators.required, paymentAmount(invoice)],
    }),
    method: new FormControl<PaymentMethod>('bank_transfer', { nonNullable: true, validators: [Validators.required] }),
    reference: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(INVOICE_LIMITS.referenceMaxLength)],
    }),
    paidOn: new FormControl(today(), { nonNullable: true, validators: [Validators.required, pastOrToday] }),
  });
}

/** The request; a payment dated today is recorded at the current time, an earlier one at the day's start. */
export function toRecordPaymentRequest(
  form: RecordPaymentForm,
  invoice: InvoiceDto,
  now = new Date(),
): RecordPaymentRequest {
  const value = form.getRawValue();
  const reference = value.reference.trim();
  return {
    amountMinor: parseMajorToMinor(value.amount, invoice.currency) ?? 0,
    method: value.method,
    reference: reference || null,
    paidAt: value.paidOn === today(now) ? now.toISOString() : (dayToIso(value.paidOn) ?? now.toISOString()),
  };
}

/** Records a payment against an invoice (idempotent: a retried submission is recorded once). */
@Component({
  selector: 'app-record-payment-dialog',
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
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
  ],
  template: `
    <h2 mat-dialog-title>Record payment</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="lead">{{ data.invoice.number }} · balance {{ balance }}</p>
        @if (error(); as message) {
          <div class="form-error" role="alert">{{ message }}</div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Amount</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" required />
          <span matTextSuffix>{{ data.invoice.currency }}</span>
          <mat-hint>At most {{ balance }}</mat-hint>
          <mat-error>{{ amountError() }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Method</mat-label>
          <mat-select formControlName="method" required>
            @for (method of methods; track method.value) {
              <mat-option [value]="method.value">{{ method.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Reference (optional)</mat-label>
          <input matInput formControlName="reference" autocomplete="off" [maxlength]="referenceMaxLength" />
          <mat-error>Use at most {{ referenceMaxLength }} characters.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Paid on</mat-label>
          <input matInput type="date" formControlName="paidOn" [max]="maxDay" required />
          <mat-error>{{ dateError() }}</mat-error>
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Recording the payment" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Record payment</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .lead {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .full {
      inline-size: 100%;
      margin-block: 8px 12px;
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
export class RecordPaymentDialogComponent {
  readonly #invoices = inject(InvoicesService);
  readonly #dialogRef = inject<MatDialogRef<RecordPaymentDialogComponent, InvoiceDto>>(MatDialogRef);
  readonly #submission = new IdempotentSubmission();
  protected readonly data = inject<RecordPaymentDialogData>(MAT_DIALOG_DATA);
  protected readonly balance = formatMoney(this.data.invoice.balanceMinor, this.data.invoice.currency);
  protected readonly methods = PAYMENT_METHODS.map((value) => ({ value, label: PAYMENT_METHOD_LABELS[value] }));
  protected readonly referenceMaxLength = INVOICE_LIMITS.referenceMaxLength;
  protected readonly maxDay = today();
  protected readonly form = createRecordPaymentForm(this.data.invoice);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected amountError(): string {
    const control = this.form.controls.amount;
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return 'Enter the amount paid.';
    }
    if (control.hasError('positive')) {
      return 'Enter an amount above zero.';
    }
    if (control.hasError('aboveBalance')) {
      return `The balance is ${this.balance}; a payment cannot be more.`;
    }
    return 'Enter an amount like 19.99.';
  }

  protected dateError(): string {
    const control = this.form.controls.paidOn;
    if (control.hasError('future')) {
      return 'A payment cannot be in the future.';
    }
    return 'Enter the day of the payment.';
  }

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = toRecordPaymentRequest(this.form, this.data.invoice);
    this.saving.set(true);
    this.#submission
      .send((key) => this.#invoices.recordPayment(this.data.invoice.id, request, key))
      .subscribe({
        next: (invoice) => {
          this.saving.set(false);
          this.#dialogRef.close(invoice);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = isProblem(error) ? error : toProblemDetails(error);
          if (problem.code === ErrorCode.InvoiceOverpaid) {
            setServerError(this.form.controls.amount, problem.detail ?? 'This is more than the invoice still owes.');
            return;
          }
          this.error.set(submissionMessage(problem));
        },
      });
  }
}

/** Opens the payment dialog; it closes with the updated invoice, or `undefined` when cancelled. */
export function openRecordPaymentDialog(dialog: MatDialog, invoice: InvoiceDto): Observable<InvoiceDto | undefined> {
  return dialog
    .open<RecordPaymentDialogComponent, RecordPaymentDialogData, InvoiceDto>(RecordPaymentDialogComponent, {
      data: { invoice },
      width: '480px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
