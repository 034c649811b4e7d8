import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import { WEBHOOK_LIMITS, type WebhookEventType } from '@depot/contracts';

import { serverError } from '../../../../shared/forms/server-errors';

export type WebhookForm = FormGroup<{
  url: FormControl<string>;
  description: FormControl<string>;
  eventTypes: FormControl<WebhookEventType[]>;
}>;

export interface WebhookFormValue {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

/** The fields shared by "register" and "edit": URL, description and event types. */
export function createWebhookForm(value: Partial<WebhookFormValue> = {}): WebhookForm {
  return new FormGroup({
    url: new FormControl(value.url ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(WEBHOOK_LIMITS.urlMaxLength), httpUrl],
    }),
    description: new FormControl(value.description ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(WEBHOOK_LIMITS.descriptionMaxLength)],
    }),
    eventTypes: new FormControl<WebhookEventType[]>(value.eventTypes ?? [], {
      nonNullable: true,
      validators: [
        (control: AbstractControl<WebhookEventType[]>) => (control.value.length ? null : { required: true }),
      ],
    }),
  });
}

/**
 * An absolute http(s) URL. Whether it may be reached (no private or loopback address) is the
 * server's call: its message is shown on the field.
 */
function httpUrl(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  if (!value) {
    return null;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : { url: true };
  } catch {
    return { url: true };
  }
}

export function urlError(control: AbstractControl<string>): string {
  const server = serverError(control);
  if (server) {
    return server;
  }
  if (control.hasError('required')) {
    return 'Enter the URL that should receive the events.';
  }
  if (control.hasError('maxlength')) {
    return `Use at most ${WEBHOOK_LIMITS.urlMaxLength} characters.`;
  }
  return 'Enter an absolute URL starting with https:// (or http://).';
}

export function descriptionError(control: AbstractControl<string>): string {
  return serverError(control) ?? `Use at most ${WEBHOOK_LIMITS.descriptionMaxLength} characters.`;
}

export function eventTypesError(control: AbstractControl<WebhookEventType[]>): string {
  return serverError(control) ?? 'Choose at least one event.';
}

/** The server's message for a field, with "url" spelled out for people. */
export const WEBHOOK_FIELD_SUBJECTS: Readonly<Record<string, string>> = {
  url: 'The URL',
  description: 'The description',
  eventTypes: 'The event list',
};
