import {
  type AuditEventDto,
  type AuditFieldChangeDto,
  type AuditRef,
  CURRENCY_MINOR_DIGITS,
  type CurrencyCode,
  auditFieldSpec,
} from '@depot/contracts';

import { formatMoney } from '../money/money';

export const EMPTY_VALUE = '–';
const MAX_LENGTH = 120;
const numberFormat = new Intl.NumberFormat('en-US');
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });

/** One side of a change as shown: text, and the record it links to when it is a reference. */
export interface ShownValue {
  text: string;
  ref: AuditRef | null;
}

/** A changed field as shown in the history. */
export interface ShownChange {
  field: string;
  label: string;
  kind: AuditFieldChangeDto['kind'];
  before: ShownValue;
  after: ShownValue;
  /** What the field is about (the warehouse of "On hand · BER-1"). */
  ref: AuditRef | null;
}

function isCurrency(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && value in CURRENCY_MINOR_DIGITS;
}

function shorten(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}…` : text;
}

/** A recorded value as text, formatted by its kind (money in its currency, dates in the user's locale). */
export function formatAuditValue(
  kind: AuditFieldChangeDto['kind'],
  value: unknown,
  currency?: string | null,
  display?: string | null,
): string {
  if (display !== undefined) {
    return display === null || display === '' ? EMPTY_VALUE : shorten(display);
  }
  if (value === undefined || value === null || value === '') {
    return EMPTY_VALUE;
  }
  switch (kind) {
    case 'money':
      if (typeof value === 'number') {
        return isCurrency(currency) ? formatMoney(value, currency) : numberFormat.format(value);
      }
      break;
    case 'quantity':
    case 'number':
      if (typeof value === 'number') return numberFormat.format(value);
      break;
    case 'percent':
      if (typeof value === 'number') return `${numberFormat.format(value)} %`;
      break;
    case 'date':
    case 'datetime':
      if (typeof value === 'string') {
        const date = new Date(value);
        if (!Number.isNaN(date.getTime())) {
          return kind === 'date' ? dateFormat.format(date) : dateTimeFormat.format(date);
        }
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'Yes' : 'No';
      break;
    case 'list':
      if (Array.isArray(value)) return shorten(value.map(String).join(', ')) || EMPTY_VALUE;
      break;
    default:
      break;
  }
  return shorten(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * The changes of an event ready to show: the server's display-ready `fieldChanges`, or (for an
 * answer without them) the raw `changes` labelled from the contracts.
 */
export function shownChanges(
  event: Pick<AuditEventDto, 'entityType' | 'changes'> & Partial<AuditEventDto>,
): ShownChange[] {
  const changes: AuditFieldChangeDto[] =
    event.fieldChanges ??
    Object.entries(event.changes ?? {}).map(([field, change]) => {
      const spec = auditFieldSpec(event.entityType, field);
      return { field, label: spec.label, kind: spec.kind, before: change?.before, after: change?.after };
    });
  return changes.map((change) => ({
    field: change.field,
    label: change.label,
    kind: change.kind,
    before: {
      text: formatAuditValue(change.kind, change.before, change.currency, change.beforeDisplay),
      ref: change.beforeRef ?? null,
    },
    after: {
      text: formatAuditValue(change.kind, change.after, change.currency, change.afterDisplay),
      ref: change.afterRef ?? null,
    },
    ref: change.ref ?? null,
  }));
}

const VERBS: Record<string, string> = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  archive: 'Archived',
};

/** `update` → "Updated", `identity.user.roles_changed` → "User roles changed", `partially_received` → "Partially received". */
export function actionLabel(action: string): string {
  if (VERBS[action]) return VERBS[action];
  const parts = action.split('.');
  const words = (parts.length > 2 ? parts.slice(1) : parts).join(' ').replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
