import type { ListQuery } from './pagination';

/** The e-mails Depot sends. */
export const MAIL_TEMPLATES = [
  'invite',
  'password-reset',
  'password-changed',
  'mfa-changed',
  'webhook-disabled',
  'document',
] as const;
export type MailTemplateName = (typeof MAIL_TEMPLATES)[number];

/** A message kept in the development mailbox (when no SMTP server is configured). */
export interface DevMailDto {
  id: string;
  to: string;
  subject: string;
  template: MailTemplateName;
  html: string;
  text: string;
  /** Files attached to the message (names, types and sizes; the content went to the recipient). */
  attachments: MailAttachmentDto[];
  createdAt: string;
}

export interface MailAttachmentDto {
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface DevMailListQuery extends Pick<ListQuery, 'limit' | 'cursor'> {
  /** Only messages to this address (case-insensitive). */
  to?: string;
}

/**
 * Where an outgoing message stands. `queued`: waiting for its first attempt; `sending`: an
 * instance is sending it now; `retrying`: an attempt failed and another is scheduled
 * (`nextAttemptAt`); `sent`: the SMTP server (or the development mailbox) took it; `failed`: every
 * attempt of the retry schedule failed; an administrator can queue it again.
 */
export const MAIL_MESSAGE_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'failed'] as const;
export type MailMessageStatus = (typeof MAIL_MESSAGE_STATUSES)[number];

/**
 * An outgoing e-mail as administrators see it: the envelope and its delivery, never the body
 * (which may hold a password-reset or invitation link).
 */
export interface MailMessageDto {
  id: string;
  to: string;
  template: MailTemplateName;
  subject: string;
  status: MailMessageStatus;
  /** Attempts made so far. */
  attempts: number;
  /** When the next attempt is due (`queued` and `retrying` only). */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  /** Why the last attempt failed (short, without credentials); `null` once sent. */
  lastError: string | null;
  sentAt: string | null;
  /** The request that queued the message (`X-Request-Id`), for finding it in the logs. */
  requestId: string | null;
  createdAt: string;
}

export interface MailMessageListQuery extends Pick<ListQuery, 'limit' | 'cursor' | 'sort' | 'includeTotal'> {
  status?: MailMessageStatus;
  /** Only messages to this address (case-insensitive). */
  to?: string;
}
