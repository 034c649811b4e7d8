import { type DestroyRef, signal } from '@angular/core';
import { type AbstractControl, type ValidationErrors } from '@angular/forms';
import { type Observable, Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';

/** Pause after the last key stroke before an autocomplete asks the server. */
export const AUTOCOMPLETE_DEBOUNCE_MS = 250;
/** How many suggestions an autocomplete shows. */
export const AUTOCOMPLETE_LIMIT = 10;

/**
 * Search-as-you-type for a `mat-autocomplete`: `search(text)` on input and focus; the latest
 * answer lands in `options` (an answer to an older query is dropped, a failed one shows nothing).
 */
export class AutocompleteSearch<T> {
  readonly options = signal<T[]>([]);
  readonly #queries = new Subject<string>();

  constructor(fetch: (q: string) => Observable<T[]>, destroyRef: DestroyRef) {
    const subscription = this.#queries
      .pipe(
        debounceTime(AUTOCOMPLETE_DEBOUNCE_MS),
        distinctUntilChanged(),
        switchMap((q) => fetch(q).pipe(catchError(() => of<T[]>([])))),
      )
      .subscribe((options) => this.options.set(options));
    destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  /** Looks up what the user typed; a chosen option (an object) is not searched for. */
  search(value: unknown): void {
    if (typeof value === 'string') {
      this.#queries.next(value.trim());
    }
  }
}

/** Something picked from a list (an object with an id), as opposed to text typed and left there. */
export function isPicked<T extends { id: string }>(value: T | string | null): value is T {
  return typeof value === 'object' && value !== null && typeof value.id === 'string';
}

/** Valid when a suggestion was picked; empty is left to `Validators.required`. */
export function pickedValidator(control: AbstractControl<{ id: string } | string | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === '') {
    return null;
  }
  return isPicked(value) ? null : { notPicked: true };
}
