import { ErrorCode, type ProblemDetails } from '@depot/contracts';
import { type Observable, catchError, switchMap, throwError, timer } from 'rxjs';

import { toProblemDetails } from './problem-details';

/** How often, and how long apart, to ask again while the first request with a key is still running. */
export const IN_PROGRESS_RETRIES = 5;
export const IN_PROGRESS_RETRY_MS = 600;

/** A new idempotency key (a UUID; `crypto.randomUUID` needs a secure context, so not only that). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether nobody knows if the server applied the request (no answer, or a server failure). */
export function outcomeUnknown(problem: ProblemDetails): boolean {
  return problem.status === 0 || problem.status >= 500;
}

/**
 * One user-level submission of a stock-moving command. The key is made when the dialog opens and
 * sent with every attempt of the same submission: a double click, an automatic retry while the
 * first request still runs, or the user's retry after a network error are all applied once.
 *
 * The key is replaced only when the previous attempt is known to have failed without moving
 * stock (the server answered with a problem), so a corrected form is a new submission; and after
 * the server said the key was used for different values.
 */
export class IdempotentSubmission {
  #key = newIdempotencyKey();

  get key(): string {
    return this.#key;
  }

  /**
   * Sends `request(key)`; while the server reports the same key in progress, asks again shortly.
   * Errors arrive as problem details.
   */
  send<T>(request: (key: string) => Observable<T>): Observable<T> {
    const key = this.#key;
    return attempt(() => request(key), IN_PROGRESS_RETRIES).pipe(
      catchError((error: unknown) => {
        const problem = toProblemDetails(error);
        if (!outcomeUnknown(problem) && problem.code !== ErrorCode.IdempotencyKeyInProgress) {
          // The server answered: this attempt is finished and moved nothing. A next one is new.
          this.#key = newIdempotencyKey();
        }
        return throwError(() => problem);
      }),
    );
  }
}

/**
 * Sends, and while the server says the same key is still in progress asks again shortly.
 * (Hand-written rather than RxJS `retry`, which would land in the initial bundle.)
 */
function attempt<T>(request: () => Observable<T>, retriesLeft: number): Observable<T> {
  return request().pipe(
    catchError((error: unknown) =>
      retriesLeft > 0 && toProblemDetails(error).code === ErrorCode.IdempotencyKeyInProgress
        ? timer(IN_PROGRESS_RETRY_MS).pipe(switchMap(() => attempt(request, retriesLeft - 1)))
        : throwError(() => error),
    ),
  );
}
