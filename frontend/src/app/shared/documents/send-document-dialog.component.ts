import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
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
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  DOCUMENT_MAIL_LIMITS,
  ErrorCode,
  Permission,
  type CompanySettingsDto,
  type DocumentMailDto,
  type PartnerDto,
} from '@depot/contracts';
import { type Observable, catchError, forkJoin, of } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { CompanySettingsService } from '../company/company-settings.service';
import { FormSubmission } from '../forms/form-submission';
import { IdempotentSubmission } from '../http/idempotent-submission';
import { problemMessage } from '../http/problem-details';
import {
  DOCUMENT_LABELS,
  DocumentsService,
  documentFileName,
  documentPartnerKind,
  type DocumentRef,
} from './documents.service';
import {
  type DocumentMailContext,
  createSendDocumentForm,
  refreshSendDocumentForm,
  requireRecipient,
  sendDocumentFieldError,
  toSendDocumentRequest,
} from './send-document-form';

export interface SendDocumentDialogData extends DocumentRef {
  /** The customer (or, for a purchase order, the supplier) the document is for. */
  partnerId: string;
  partnerName: string;
}

/** The snack bar text after the server has queued the e-mail. */
export function mailQueuedMessage(mail: Pick<DocumentMailDto, 'to'>): string {
  return `E-mail queued to ${mail.to}.`;
}

/**
 * E-mails one document to its customer or supplier: recipient (prefilled with the partner's
 * address), subject and message (prefilled with a standard text naming the document and the
 * company), with the PDF attached. Closes with the queued e-mail; it is sent in the background.
 */
@Component({
  selector: 'app-send-document-dialog',
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
    <h2 mat-dialog-title>
      E-mail {{ documentName }} <span class="number">{{ data.number }}</span>
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="lead">For the {{ partnerWord }} {{ data.partnerName }}; it is sent in the background.</p>
        <p class="attachment-line">
          Attachment <span class="attachment" data-testid="attachment">{{ attachment }}</span>
        </p>
        @if (error(); as message) {
          <div class="form-error" role="alert">{{ message }}</div>
        }
        <div class="progress-slot">
          @if (loading() || saving()) {
            <mat-progress-bar
              mode="indeterminate"
              [attr.aria-label]="saving() ? 'Sending the e-mail' : 'Preparing the e-mail'"
            />
          }
        </div>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>To</mat-label>
          <input
            matInput
            type="email"
            formControlName="to"
            autocomplete="email"
            [maxlength]="limits.emailMaxLength"
            [required]="recipientRequired()"
          />
          @if (recipientHint(); as hint) {
            <mat-hint>{{ hint }}</mat-hint>
          }
          <mat-error>{{ fieldError('to') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Subject</mat-label>
          <input matInput formControlName="subject" autocomplete="off" [maxlength]="limits.subjectMaxLength" required />
          <mat-error>{{ fieldError('subject') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="full">
          <mat-label>Message</mat-label>
          <textarea
            matInput
            formControlName="message"
            rows="8"
            [maxlength]="limits.messageMaxLength"
            required
          ></textarea>
          <mat-hint align="end">{{ form.controls.message.value.length }} / {{ limits.messageMaxLength }}</mat-hint>
          <mat-error>{{ fieldError('message') }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving() || loading()">
          {{ saving() ? 'Sending…' : 'Send' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .number {
      white-space: nowrap;
    }
    .lead,
    .attachment-line {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .attachment {
      margin-inline-start: 4px;
      color: var(--mat-sys-on-surface);
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.92em;
    }
    .progress-slot {
      block-size: 4px;
      margin-block-end: 8px;
    }
    .full {
      inline-size: 100%;
      margin-block: 4px 12px;
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
export class SendDocumentDialogComponent {
  readonly #documents = inject(DocumentsService);
  readonly #dialogRef = inject<MatDialogRef<SendDocumentDialogComponent, DocumentMailDto>>(MatDialogRef);
  protected readonly data = inject<SendDocumentDialogData>(MAT_DIALOG_DATA);

  protected readonly limits = DOCUMENT_MAIL_LIMITS;
  readonly #partnerKind = documentPartnerKind(this.data.document);
  protected readonly partnerWord = this.#partnerKind;
  protected readonly documentName = DOCUMENT_LABELS[this.data.document].toLowerCase();
  protected readonly attachment = documentFileName(this.data.document, this.data.number);
  readonly #context: DocumentMailContext = {
    document: this.data.document,
    number: this.data.number,
    recipientName: this.data.partnerName,
    senderName: null,
  };
  protected readonly form = createSendDocumentForm(this.#context);
  /** Loading the partner's address and the company's name for the prefilled texts. */
  protected readonly loading = signal(true);
  /** The partner as loaded: `undefined` while loading or when it could not be read. */
  readonly #partner = signal<PartnerDto | undefined>(undefined);
  protected readonly recipientRequired = computed(() => {
    const partner = this.#partner();
    return partner !== undefined && !partner.email;
  });
  protected readonly recipientHint = computed(() => {
    if (this.loading()) {
      return null;
    }
    const partner = this.#partner();
    if (!partner) {
      return `Leave empty to use the ${this.#partnerKind}'s address on file.`;
    }
    return partner.email ? null : `${partner.name} has no e-mail address on file.`;
  });

  readonly #submission = new FormSubmission(this.form, {
    routes: () => ({
      [ErrorCode.DocumentNotAvailable]: {
        handle: (problem) =>
          this.error.set(
            `The ${this.documentName} of ${this.data.number} is not available: ${problemMessage(problem)}`,
          ),
      },
    }),
  });
  /** One key per user submission: a retry after a network error queues one e-mail, not two. */
  readonly #idempotency = new IdempotentSubmission();
  protected readonly saving = this.#submission.saving;
  protected readonly error = this.#submission.error;

  constructor() {
    const permissions = inject(AuthService).permissions();
    const canReadPartner = permissions.has(
      this.#partnerKind === 'supplier' ? Permission.PurchasingSuppliersRead : Permission.SalesCustomersRead,
    );
    forkJoin({
      partner: canReadPartner
        ? this.#documents.partner(this.#partnerKind, this.data.partnerId).pipe(catchError(() => of(undefined)))
        : of(undefined),
      company: inject(CompanySettingsService)
        .get()
        .pipe(catchError(() => of<CompanySettingsDto | null>(null))),
    })
      .pipe(takeUntilDestroyed())
      .subscribe(({ partner, company }) => this.#prefill(partner, company));
  }

  protected fieldError(name: 'to' | 'subject' | 'message'): string {
    return sendDocumentFieldError(this.form, name);
  }

  protected submit(): void {
    if (this.loading()) {
      return;
    }
    const request = toSendDocumentRequest(this.form);
    this.#submission.submit(
      () => this.#idempotency.send((key) => this.#documents.send(this.data, request, key)),
      (mail) => this.#dialogRef.close(mail),
    );
  }

  #prefill(partner: PartnerDto | undefined, company: CompanySettingsDto | null): void {
    this.#partner.set(partner);
    refreshSendDocumentForm(
      this.form,
      {
        ...this.#context,
        recipientName: partner?.contactName || partner?.name || this.data.partnerName,
        senderName: company?.legalName ?? null,
      },
      partner?.email ?? null,
    );
    if (partner && !partner.email) {
      requireRecipient(this.form);
    }
    this.loading.set(false);
  }
}

/** Opens the e-mail dialog; it closes with the queued e-mail, or `undefined` when cancelled. */
export function openSendDocumentDialog(
  dialog: MatDialog,
  data: SendDocumentDialogData,
): Observable<DocumentMailDto | undefined> {
  return dialog
    .open<SendDocumentDialogComponent, SendDocumentDialogData, DocumentMailDto>(SendDocumentDialogComponent, {
      data,
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
