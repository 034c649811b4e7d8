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
  cursor: string | null;
}

export const MAIL_PAGE_SIZE = 50;
export const EMPTY_MAIL_FILTERS: MailListState = { status: '', to: '', cursor: null };

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
    cursor: params.get('cursor') || null,
  };
}

export function toMailQueryParams(state: MailListState): Params {
  const params: Params = {};
  if (state.status) {
    params['status'] = state.status;
  }
  if (state.to) {
    params['to'] = state.to;
  }
  if (state.cursor) {
    params['cursor'] = state.cursor;
  }
  return params;
}

export function toMailApiQuery(state: MailListState): MailMessageListQuery {
  return {
    limit: MAIL_PAGE_SIZE,
    ...(state.status ? { status: state.status } : {}),
    ...(state.to ? { to: state.to } : {}),
    ...(state.cursor ? { cursor: state.cursor } : {}),
  };
}

export function sameMailListState(a: MailListState, b: MailListState): boolean {
  return a.status === b.status && a.to === b.to && a.cursor === b.cursor;
}
