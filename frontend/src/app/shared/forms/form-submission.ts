import { signal } from '@angular/core';
import { type AbstractControl, type FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { problemMessage, toProblemDetails } from '../http/problem-details';
import { applyServerErrors, setServerError } from './server-errors';

/**
 * What to do with a problem of one error code: show a message on a control (the problem's
 * `detail`, else `message`), or anything else (`handle`, e.g. switch to a conflict view).
 */
export type ProblemRoute =
  { control: AbstractControl; message: string } | { handle: (problem: ProblemDetails) => void };

export interface FormSubmissionOptions {
  /** Per error code, where its problem shows. Codes not listed fall to field errors, then the form message. */
  routes?: () => Readonly<Record<string, ProblemRoute>>;
  /** The form-level message for a problem that no field shows (default: its detail or title). */
  message?: (problem: ProblemDetails) => string;
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/**
 * The submit-and-show-errors cycle of a dialog or page form, in one place: refuse while saving,
 * show client-side errors first, send, then put the server's answer where the user looks: a code
 * on its control, 400 field errors on their fields (the rest in the form message), anything else
 * in the form message. `saving` and `error` are signals for the template.
 */
export class FormSubmission {
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    private readonly form: FormGroup,
    private readonly options: FormSubmissionOptions = {},
  ) {}

  /**
   * Validates and sends `request()`; `done` gets the result. Returns false when nothing was sent
   * (already saving, or the form is invalid: its errors are shown).
   */
  submit<T>(request: () => Observable<T>, done: (result: T) => void): boolean {
    if (this.saving()) {
      return false;
    }
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return false;
    }
    this.saving.set(true);
    request().subscribe({
      next: (result) => {
        this.saving.set(false);
        done(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(isProblem(error) ? error : toProblemDetails(error));
      },
    });
    return true;
  }

  /** Shows a problem where it belongs (see the class comment). */
  showProblem(problem: ProblemDetails): void {
    const route = problem.code ? this.options.routes?.()[problem.code] : undefined;
    if (route && 'handle' in route) {
      route.handle(problem);
      return;
    }
    if (route) {
      setServerError(route.control, problem.detail ?? route.message);
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem);
      this.error.set(unmatched.length ? unmatched.map((fieldError) => fieldError.message).join(' ') : null);
      return;
    }
    this.error.set((this.options.message ?? problemMessage)(problem));
  }
}
