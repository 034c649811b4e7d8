import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
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
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { ErrorCode, PARTNER_LIMITS, type PartnerDto, type PartnerKind, type ProblemDetails } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { applyServerErrors, serverError, setServerError } from '../../../shared/forms/server-errors';
import { HttpStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { PartnersService } from '../data-access/partners.service';
import { PARTNER_KINDS } from '../data-access/purchasing-labels';
import {
  type PartnerTextField,
  createPartnerForm,
  resetPartnerForm,
  toCreatePartnerRequest,
  toUpdatePartnerRequest,
} from './partner-form';

export interface PartnerDialogData {
  kind: PartnerKind;
  /** The partner to edit; absent to create one. */
  partner?: PartnerDto;
}

export function partnerConflictMessage(noun: string): string {
  return `This ${noun} was changed by someone else since you opened it. Load the latest version, then apply your change again.`;
}

const LABELS: Record<PartnerTextField | 'paymentTermsDays', string> = {
  code: 'Code',
  name: 'Name',
  contactName: 'Contact',
  email: 'E-mail',
  phone: 'Phone',
  billingAddress: 'Billing address',
  shippingAddress: 'Shipping address',
  taxId: 'Tax id',
  notes: 'Notes',
  paymentTermsDays: 'Payment terms',
};

/** Creates a supplier or customer, or edits one (with optimistic locking on `version`). */
@Component({
  selector: 'app-partner-dialog',
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
    MatSlideToggle,
    MatButton,
    MatProgressBar,
  ],
  templateUrl: './partner-dialog.component.html',
  styleUrl: './partner-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerDialogComponent {
  readonly #partners = inject(PartnersService);
  readonly #dialogRef = inject<MatDialogRef<PartnerDialogComponent, PartnerDto>>(MatDialogRef);
  readonly #data = inject<PartnerDialogData>(MAT_DIALOG_DATA);

  protected readonly config = PARTNER_KINDS[this.#data.kind];
  protected readonly limits = PARTNER_LIMITS;
  protected readonly conflictMessage = partnerConflictMessage(this.config.noun);
  protected readonly partner = signal<PartnerDto | null>(this.#data.partner ?? null);
  protected readonly isNew = this.partner() === null;
  protected readonly form = createPartnerForm(this.#data.partner);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly error = signal<string | null>(null);

  protected errorText(name: PartnerTextField | 'paymentTermsDays'): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return `${LABELS[name]} is required.`;
    }
    const maxLength: unknown = control.getError('maxlength');
    if (typeof maxLength === 'object' && maxLength !== null && 'requiredLength' in maxLength) {
      return `Use at most ${String(maxLength.requiredLength)} characters.`;
    }
    if (control.hasError('pattern')) {
      return 'Use upper-case letters, digits, "-" and "_", starting with a letter or digit.';
    }
    if (control.hasError('email')) {
      return 'Enter an e-mail address like orders@example.com.';
    }
    if (control.hasError('paymentTerms')) {
      return `Enter a whole number of days from 0 to ${this.limits.maxPaymentTermsDays}.`;
    }
    return `${LABELS[name]} is invalid.`;
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
    if (this.saving()) {
      return;
    }
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const kind = this.config.kind;
    const current = this.partner();
    const request$: Observable<PartnerDto> = current
      ? this.#partners.update(kind, current.id, toUpdatePartnerRequest(this.form, current.version))
      : this.#partners.create(kind, toCreatePartnerRequest(this.form));
    this.saving.set(true);
    request$.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.#dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.#showProblem(toProblemDetails(error));
      },
    });
  }

  /** After a version conflict: load the current state (the user's edits are replaced). */
  protected reloadLatest(): void {
    const current = this.partner();
    if (!current) {
      return;
    }
    this.saving.set(true);
    this.#partners.get(this.config.kind, current.id).subscribe({
      next: (latest) => {
        this.saving.set(false);
        this.partner.set(latest);
        resetPartnerForm(this.form, latest);
        this.conflict.set(false);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(problemMessage(toProblemDetails(error)));
      },
    });
  }

  #showProblem(problem: ProblemDetails): void {
    if (problem.status === HttpStatus.Conflict && problem.code === ErrorCode.VersionConflict) {
      this.conflict.set(true);
      return;
    }
    if (problem.code === ErrorCode.PartnerCodeTaken) {
      setServerError(this.form.controls.code, problem.detail ?? `Another ${this.config.noun} already uses this code.`);
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem);
      this.error.set(unmatched.length ? unmatched.map((fieldError) => fieldError.message).join(' ') : null);
      return;
    }
    this.error.set(problemMessage(problem));
  }
}

/** Opens the dialog; it closes with the saved partner, or `undefined` when cancelled. */
export function openPartnerDialog(dialog: MatDialog, data: PartnerDialogData): Observable<PartnerDto | undefined> {
  return dialog
    .open<PartnerDialogComponent, PartnerDialogData, PartnerDto>(PartnerDialogComponent, {
      data,
      width: '640px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
