import type { MailMessageStatus } from './mail';

/** The documents Depot e-mails to partners. */
export const MailedDocument = {
  Invoice: 'invoice',
  CreditNote: 'credit_note',
  OrderConfirmation: 'order_confirmation',
  DeliveryNote: 'delivery_note',
  PurchaseOrder: 'purchase_order',
} as const;
export type MailedDocument = (typeof MailedDocument)[keyof typeof MailedDocument];

export const DOCUMENT_MAIL_LIMITS = {
  subjectMaxLength: 200,
  messageMaxLength: 5000,
  emailMaxLength: 254,
} as const;

/**
 * E-mail a document to the partner: `to` defaults to the customer's or supplier's e-mail
 * address, `subject` and `message` to a standard text naming the document. The PDF is attached
 * (and, for invoices and credit notes, the e-invoice XML once Depot produces it).
 */
export interface SendDocumentRequest {
  to?: string;
  subject?: string;
  message?: string;
}

/** One e-mail of a document, with where its delivery stands (for the record's timeline). */
export interface DocumentMailDto {
  /** The outgoing message's id (see `GET /mail-messages` for administrators). */
  id: string;
  document: MailedDocument;
  /** The document's number, e.g. `INV-2026-000123`. */
  number: string;
  to: string;
  subject: string;
  attachments: string[];
  status: MailMessageStatus;
  sentAt: string | null;
  lastError: string | null;
  /** Who sent it. */
  sentBy: string;
  createdAt: string;
}
