import type { MailTemplateName } from '@depot/contracts';

/** What each template needs. Every key must be present (null where there is nothing). */
export interface MailTemplateData {
  invite: { displayName: string; link: string; expiresInHours: number; invitedBy: string | null };
  'password-reset': { displayName: string; link: string; expiresInMinutes: number };
  'password-changed': { displayName: string; changedAt: Date };
  'mfa-changed': { displayName: string; change: 'enabled' | 'disabled' | 'reset'; changedAt: Date };
  'webhook-disabled': {
    displayName: string;
    url: string;
    reason: string;
    lastError: string;
    disabledAt: Date;
    link: string;
  };
  /** A business document sent to a customer or supplier, as the attached PDF. */
  document: {
    subject: string;
    /** The sender's own words (plain text; line breaks kept). */
    message: string;
    sellerName: string;
    attachments: string[];
  };
}

/** Subject lines (Handlebars, plain text). */
export const MAIL_SUBJECTS: Record<MailTemplateName, string> = {
  invite: 'You are invited to Depot',
  'password-reset': 'Reset your Depot password',
  'password-changed': 'Your Depot password was changed',
  'mfa-changed':
    '{{#if (eq change "enabled")}}Two-step verification turned on{{else if (eq change "disabled")}}Two-step verification turned off{{else}}Two-step verification reset{{/if}} for your Depot account',
  'webhook-disabled': 'Depot switched off your webhook endpoint',
  document: '{{subject}}',
};

export interface MailMessage<T extends MailTemplateName = MailTemplateName> {
  to: string;
  template: T;
  data: MailTemplateData[T];
  attachments?: MailAttachment[];
}

/** A file sent with a message (kept with the queued message until it is delivered). */
export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}
