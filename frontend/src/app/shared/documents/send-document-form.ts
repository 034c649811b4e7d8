import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import { DOCUMENT_MAIL_LIMITS, MailedDocument, type SendDocumentRequest } from '@depot/contracts';

import { serverError } from '../forms/server-errors';
import { DOCUMENT_LABELS } from './documents.service';

export type SendDocumentForm = FormGroup<{
  /** Empty: the partner's address on file (the server's default). */
  to: FormControl<string>;
  subject: FormControl<string>;
  message: FormControl<string>;
}>;

/** What the prefilled texts name: the document, who gets it and who sends it. */
export interface DocumentMailContext {
  document: MailedDocument;
  number: string;
  /** The contact person or, without one, the customer's or supplier's name. */
  recipientName: string | null;
  /** The company's legal name from the company settings, when set. */
  senderName: string | null;
}

/** `Invoice INV-2026-000123 from Depot Demo GmbH`. */
export function documentSubject(context: DocumentMailContext): string {
  const subject = `${DOCUMENT_LABELS[context.document]} ${context.number}`;
  return context.senderName ? `${subject} from ${context.senderName}` : subject;
}

const LEADS: Readonly<Record<MailedDocument, (number: string) => string>> = {
  [MailedDocument.Invoice]: (number) => `Please find attached our invoice ${number}.`,
  [MailedDocument.CreditNote]: (number) => `Please find attached our credit note ${number}.`,
  [MailedDocument.OrderConfirmation]: (number) =>
    `Thank you for your order. Please find attached our order confirmation for ${number}.`,
  [MailedDocument.DeliveryNote]: (number) => `Please find attached the delivery note for your order ${number}.`,
  [MailedDocument.PurchaseOrder]: (number) =>
    `Please find attached our purchase order ${number}. Kindly confirm the order and its delivery date.`,
};

/** A short, polite message naming the document (the whole body of the e-mail; the PDF is attached). */
export function documentMessage(context: DocumentMailContext): string {
  const greeting = context.recipientName ? `Dear ${context.recipientName},` : 'Hello,';
  const closing = context.senderName ? `Kind regards\n${context.senderName}` : 'Kind regards';
  return `${greeting}\n\n${LEADS[context.document](context.number)}\n\n${closing}`;
}

/** Whitespace alone is no subject or message. */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

export function createSendDocumentForm(context: DocumentMailContext, to = ''): SendDocumentForm {
  return new FormGroup({
    to: new FormControl(to, {
      nonNullable: true,
      validators: [Validators.email, Validators.maxLength(DOCUMENT_MAIL_LIMITS.emailMaxLength)],
    }),
    subject: new FormControl(documentSubject(context), {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(DOCUMENT_MAIL_LIMITS.subjectMaxLength)],
    }),
    message: new FormControl(documentMessage(context), {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(DOCUMENT_MAIL_LIMITS.messageMaxLength)],
    }),
  });
}

/**
 * Fills in what the first texts could not know yet (the partner's address, the contact's and the
 * company's names), leaving alone every field the user has already changed.
 */
export function refreshSendDocumentForm(form: SendDocumentForm, context: DocumentMailContext, to: string | null): void {
  const { controls } = form;
  if (to && controls.to.pristine && !controls.to.value) {
    controls.to.setValue(to);
  }
  if (controls.subject.pristine) {
    controls.subject.setValue(documentSubject(context));
  }
  if (controls.message.pristine) {
    controls.message.setValue(documentMessage(context));
  }
}

/** The partner has no address on file: the recipient must be typed in. */
export function requireRecipient(form: SendDocumentForm): void {
  form.controls.to.addValidators(Validators.required);
  form.controls.to.updateValueAndValidity();
}

/** The request: an empty recipient is left out (the server then uses the partner's address). */
export function toSendDocumentRequest(form: SendDocumentForm): SendDocumentRequest {
  const value = form.getRawValue();
  const to = value.to.trim();
  return { ...(to ? { to } : {}), subject: value.subject.trim(), message: value.message.trim() };
}

/** The message under a field: the server's words first, then the first client-side problem. */
export function sendDocumentFieldError(form: SendDocumentForm, name: 'to' | 'subject' | 'message'): string {
  const control = form.controls[name];
  const fromServer = serverError(control);
  if (fromServer) {
    return fromServer;
  }
  if (control.hasError('required')) {
    return { to: 'Enter the e-mail address to send it to.', subject: 'Enter a subject.', message: 'Enter a message.' }[
      name
    ];
  }
  const maxLength: unknown = control.getError('maxlength');
  if (typeof maxLength === 'object' && maxLength !== null && 'requiredLength' in maxLength) {
    return `Use at most ${String(maxLength.requiredLength)} characters.`;
  }
  if (control.hasError('email')) {
    return 'Enter an e-mail address like name@example.com.';
  }
  return 'This value is invalid.';
}
