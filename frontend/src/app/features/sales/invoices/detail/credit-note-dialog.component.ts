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
import { INVOICE_LIMITS, type InvoiceDto } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { toProblemDetails } from '../../../../shared/http/problem-details';
import { formatMoney } from '../../../../shared/money/money';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { InvoicesService } from '../../data-access/invoices.service';

export interface CreditNoteDialogData {
  invoice: InvoiceDto;
}

/** Issues a credit note for everything of an invoice not yet credited; closes with the credit note. */
@Component({
  selector: 'app-credit-note-dialog',
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
    <h2 mat-dialog-title>Issue credit note</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="lead">
          Credits {{ uncredited }} of {{ data.invoice.number }} (everything not credited yet). A credit note cannot be
          withdrawn.
        </p>
        @if (error(); as message) {
          <div class="form-error" role="alert">{{ message }}</div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" [maxlength]="reasonMaxLength" required></textarea>
          <mat-hint align="end">{{ reason.value.length }} / {{ reasonMaxLength }}</mat-hint>
          <mat-error>Say why the invoice is credited.</mat-error>
        </mat-form-field>
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Issuing the credit note" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Issue credit note</button>
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
export class CreditNoteDialogComponent {
  readonly #invoices = inject(InvoicesService);
  readonly #dialogRef = inject<MatDialogRef<CreditNoteDialogComponent, InvoiceDto>>(MatDialogRef);
  readonly #submission = new IdempotentSubmission();
  protected readonly data = inject<CreditNoteDialogData>(MAT_DIALOG_DATA);
  protected readonly uncredited = formatMoney(
    this.data.invoice.totalMinor - this.data.invoice.creditedMinor,
    this.data.invoice.currency,
  );
  protected readonly reasonMaxLength = INVOICE_LIMITS.reasonMaxLength;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(INVOICE_LIMITS.reasonMaxLength), notBlank],
  });
  protected readonly form = new FormGroup({ reason: this.reason });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.error.set(null);
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    const reason = this.reason.value.trim();
    this.saving.set(true);
    this.#submission
      .send((key) => this.#invoices.createCreditNote(this.data.invoice.id, { reason }, key))
      .subscribe({
        next: (creditNote) => {
          this.saving.set(false);
          this.#dialogRef.close(creditNote);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(submissionMessage(isProblem(error) ? error : toProblemDetails(error)));
        },
      });
  }
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

export function openCreditNoteDialog(dialog: MatDialog, invoice: InvoiceDto): Observable<InvoiceDto | undefined> {
  return dialog
    .open<CreditNoteDialogComponent, CreditNoteDialogData, InvoiceDto>(CreditNoteDialogComponent, {
      data: { invoice },
      width: '480px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
