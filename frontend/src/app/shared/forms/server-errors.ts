import { type AbstractControl, type FormGroup } from '@angular/forms';
import type { FieldError, ProblemDetails } from '@depot/contracts';

/** Validation error key under which server messages are stored on a control. */
export const SERVER_ERROR = 'server';

/**
 * Puts the field errors of a 400 problem onto the matching controls, so they show in the
 * fields' `mat-error`. `fieldMap` renames API fields to control paths (`priceMinor` -> `price`).
 * Server messages name the API field ("newPassword is too common"); `subjects` replaces that
 * name with words for people ("This password is too common").
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
    const subject = subjects[error.field];
    const message =
      subject && error.message.startsWith(`${error.field} `)
        ? `${subject}${error.message.slice(error.field.length)}`
        : error.message;
    byControl.set(control, [...(byControl.get(control) ?? []), message]);
  }
  for (const [control, messages] of byControl) {
    setServerError(control, messages.join(' '));
  }
  return unmatched;
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
