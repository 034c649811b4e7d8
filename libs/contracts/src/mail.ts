import type { ListQuery } from './pagination';

/** The e-mails Depot sends. */
export const MAIL_TEMPLATES = [
  'invite',
  'password-reset',
  'password-changed',
  'mfa-changed',
  'webhook-disabled',
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
  createdAt: string;
}

export interface DevMailListQuery extends Pick<ListQuery, 'limit' | 'cursor'> {
  /** Only messages to this address (case-insensitive). */
  to?: string;
}
