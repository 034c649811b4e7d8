import { type ParamMap, type Params } from '@angular/router';
import {
  EMAIL_MAX_LENGTH,
  MAIL_MESSAGE_STATUSES,
  type MailMessageListQuery,
  type MailMessageStatus,
} from '@depot/contracts';

/** Filters and page of the outgoing mail list; all of it lives in the URL query. */
export interface MailListState {
  status: MailMessageStatus | '';
  to: string;
}

export const EMPTY_MAIL_FILTERS: MailListState = { status: '', to: '' };

export const MAIL_STATUS_LABELS: Readonly<Record<MailMessageStatus, string>> = {
  queued: 'Queued',
  sending: 'Sending',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
};

/** Reads the view from the URL; malformed values are dropped rather than sent to the API. */
export function parseMailListState(params: ParamMap): MailListState {
  const status = params.get('status') ?? '';
  const to = (params.get('to') ?? '').trim();
  return {
    status: (MAIL_MESSAGE_STATUSES as readonly string[]).includes(status) ? (status as MailMessageStatus) : '',
    to: to.length <= EMAIL_MAX_LENGTH ? to : '',
  };
}

/** The URL query of the filters for a merge: empty ones are `null` (removed from the URL). */
export function toMailQueryParams(state: MailListState): Params {
  return { status: state.status || null, to: state.to || null };
}

/** The API query of the filters (the table adds paging). */
export function toMailApiQuery(state: MailListState): MailMessageListQuery {
  return {
    ...(state.status ? { status: state.status } : {}),
    ...(state.to ? { to: state.to } : {}),
  };
}

export function sameMailListState(a: MailListState, b: MailListState): boolean {
  return a.status === b.status && a.to === b.to;
}
