import { type AbstractControl, type FormGroup } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@depot/contracts';

/** Validation error key under which server messages are stored on a control. */
export const SERVER_ERROR = 'server';

/**
 * Puts the field errors of a 400 problem onto the matching controls, so they show in the
 * fields' `mat-error`. `fieldMap` renames API fields to control paths (`priceMinor` -> `price`).
 * Server messages name the API field ("newPassword is too common"); `subjects` replaces that
 * name with words for people ("This password is too common"), and a message that labels its
 * field ("iban: not a valid IBAN") shows its reason alone, under the field it is about.
 * The message stays until the user edits the field (the next validation run replaces it).
 * Returns the errors that matched no control, for a form-level message.
 */
export function applyServerErrors(
  form: FormGroup,
  problem: Pick<ProblemDetails, 'errors'>,
  fieldMap: Readonly<Record<string, string>> = {},
  subjects: Readonly<Record<string, string>> = {},
): FieldError[] {
  const unmatched: FieldError[] = [];
  const byControl = new Map<AbstractControl, string[]>();
  for (const error of problem.errors ?? []) {
    const control = form.get(fieldMap[error.field] ?? error.field);
    if (!control) {
      unmatched.push(error);
      continue;
    }
    byControl.set(control, [...(byControl.get(control) ?? []), readable(error, subjects[error.field])]);
  }
  for (const [control, messages] of byControl) {
    setServerError(control, messages.join(' '));
  }
  return unmatched;
}

/**
 * A server message as shown under its field: "iban: not a valid IBAN" loses the field name it
 * starts with ("Not a valid IBAN"), "url must …" gets the subject ("The URL must …").
 */
function readable(error: FieldError, subject: string | undefined): string {
  const labelled = `${error.field}: `;
  if (error.message.startsWith(labelled)) {
    const reason = error.message.slice(labelled.length);
    return reason.charAt(0).toUpperCase() + reason.slice(1);
  }
  return subject && error.message.startsWith(`${error.field} `)
    ? `${subject}${error.message.slice(error.field.length)}`
    : error.message;
}

/** Marks one control invalid with a server message (keeping its client-side errors). */
export function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...control.errors, [SERVER_ERROR]: message });
  control.markAsTouched();
}

/** The server message on a control, if any. */
export function serverError(control: AbstractControl): string | null {
  const value: unknown = control.getError(SERVER_ERROR);
  return typeof value === 'string' ? value : null;
}
