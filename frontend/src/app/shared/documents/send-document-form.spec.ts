import { DOCUMENT_MAIL_LIMITS, MailedDocument } from '@depot/contracts';

import { setServerError } from '../forms/server-errors';
import {
  type DocumentMailContext,
  createSendDocumentForm,
  documentMessage,
  documentSubject,
  refreshSendDocumentForm,
  requireRecipient,
  sendDocumentFieldError,
  toSendDocumentRequest,
} from './send-document-form';

const invoice: DocumentMailContext = {
  document: MailedDocument.Invoice,
  number: 'INV-2026-000123',
  recipientName: 'Nordic Interiors',
  senderName: 'Depot Demo GmbH',
};

describe('send document form', () => {
  it('names the document, its number and the company in the subject', () => {
    expect(documentSubject(invoice)).toBe('Invoice INV-2026-000123 from Depot Demo GmbH');
    expect(documentSubject({ ...invoice, document: MailedDocument.DeliveryNote, number: 'SO-2026-000042' })).toBe(
      'Delivery note SO-2026-000042 from Depot Demo GmbH',
    );
    // Before the company settings have a legal name.
    expect(documentSubject({ ...invoice, senderName: null })).toBe('Invoice INV-2026-000123');
  });

  it('prefills a short polite message that names the document, greets the recipient and signs with the company', () => {
    expect(documentMessage(invoice)).toBe(
      'Dear Nordic Interiors,\n\nPlease find attached our invoice INV-2026-000123.\n\nKind regards\nDepot Demo GmbH',
    );
    const purchaseOrder = documentMessage({
      document: MailedDocument.PurchaseOrder,
      number: 'PO-2026-000007',
      recipientName: null,
      senderName: null,
    });
    expect(purchaseOrder).toMatch(/^Hello,\n\nPlease find attached our purchase order PO-2026-000007\./);
    expect(purchaseOrder).toMatch(/Kind regards$/);
    expect(documentMessage({ ...invoice, document: MailedDocument.OrderConfirmation, number: 'SO-1' })).toContain(
      'order confirmation for SO-1',
    );
  });

  it('starts valid with the prefilled texts and an empty recipient (the address on file)', () => {
    const form = createSendDocumentForm(invoice);
    expect(form.getRawValue()).toEqual({
      to: '',
      subject: 'Invoice INV-2026-000123 from Depot Demo GmbH',
      message: documentMessage(invoice),
    });
    expect(form.valid).toBe(true);
  });

  it('refuses a malformed or too long address, and a blank or too long subject or message', () => {
    const form = createSendDocumentForm(invoice);
    const { to, subject, message } = form.controls;
    to.setValue('not an address');
    expect(sendDocumentFieldError(form, 'to')).toBe('Enter an e-mail address like name@example.com.');
    to.setValue(`${'a'.repeat(DOCUMENT_MAIL_LIMITS.emailMaxLength)}@example.com`);
    expect(to.hasError('maxlength')).toBe(true);
    to.setValue('anna@nordic.example');
    expect(to.valid).toBe(true);

    subject.setValue('   ');
    expect(sendDocumentFieldError(form, 'subject')).toBe('Enter a subject.');
    subject.setValue('x'.repeat(DOCUMENT_MAIL_LIMITS.subjectMaxLength + 1));
    expect(sendDocumentFieldError(form, 'subject')).toBe(
      `Use at most ${DOCUMENT_MAIL_LIMITS.subjectMaxLength} characters.`,
    );
    subject.setValue('x'.repeat(DOCUMENT_MAIL_LIMITS.subjectMaxLength));
    expect(subject.valid).toBe(true);

    message.setValue('');
    expect(sendDocumentFieldError(form, 'message')).toBe('Enter a message.');
    message.setValue('x'.repeat(DOCUMENT_MAIL_LIMITS.messageMaxLength + 1));
    expect(message.hasError('maxlength')).toBe(true);
  });

  it('needs a recipient once it is known that the partner has no address on file', () => {
    const form = createSendDocumentForm(invoice);
    requireRecipient(form);
    expect(sendDocumentFieldError(form, 'to')).toBe('Enter the e-mail address to send it to.');
    form.controls.to.setValue('anna@nordic.example');
    expect(form.valid).toBe(true);
  });

  it("shows the server's message under its field first", () => {
    const form = createSendDocumentForm(invoice);
    setServerError(form.controls.to, 'Nordic Interiors has no e-mail address.');
    expect(sendDocumentFieldError(form, 'to')).toBe('Nordic Interiors has no e-mail address.');
  });

  it('fills in the address and names that arrive later, but never over what the user changed', () => {
    const form = createSendDocumentForm({ ...invoice, senderName: null });
    form.controls.subject.setValue('My own subject');
    form.controls.subject.markAsDirty();
    refreshSendDocumentForm(form, { ...invoice, recipientName: 'Anna Berg' }, 'anna@nordic.example');
    expect(form.getRawValue()).toEqual({
      to: 'anna@nordic.example',
      subject: 'My own subject',
      message: documentMessage({ ...invoice, recipientName: 'Anna Berg' }),
    });

    const typed = createSendDocumentForm(invoice);
    typed.controls.to.setValue('someone@else.example');
    typed.controls.to.markAsDirty();
    refreshSendDocumentForm(typed, invoice, 'anna@nordic.example');
    expect(typed.controls.to.value).toBe('someone@else.example');
  });

  it('sends trimmed texts and leaves out an empty recipient', () => {
    const form = createSendDocumentForm(invoice);
    form.setValue({ to: ' ', subject: ' Invoice ', message: '\nHello\n\nBye\n' });
    expect(toSendDocumentRequest(form)).toEqual({ subject: 'Invoice', message: 'Hello\n\nBye' });
    form.controls.to.setValue(' anna@nordic.example ');
    expect(toSendDocumentRequest(form)).toEqual({
      to: 'anna@nordic.example',
      subject: 'Invoice',
      message: 'Hello\n\nBye',
    });
  });
});
