import { Injectable, computed, signal } from '@angular/core';
import { Observable, Subject } from 'rxjs';

/** First wait after an outage answer; it doubles with every round that fails again. */
export const RETRY_BASE_DELAY_MS = 1_000;
/** Longest wait between two rounds, whatever the backoff or `Retry-After` say. */
export const RETRY_MAX_DELAY_MS = 30_000;

/** An outage as the UI sees it: requests are waiting to be sent again. */
export interface Outage {
  /** How many rounds have failed in a row (1 after the first outage answer). */
  readonly attempt: number;
  /** When the waiting requests are sent again (epoch milliseconds). */
  readonly retryAt: number;
}

/**
 * The wait before the next round: exponential backoff with jitter (so that many browsers do
 * not all come back at the same instant), never shorter than the server's `Retry-After`, never
 * longer than {@link RETRY_MAX_DELAY_MS}. `random` is in [0, 1).
 */
export function retryDelay(attempt: number, retryAfterMs: number | null, random: number): number {
  const backoff = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** (attempt - 1));
  const jittered = backoff * (0.5 + random / 2);
  return Math.round(Math.min(RETRY_MAX_DELAY_MS, Math.max(jittered, retryAfterMs ?? 0)));
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Whether Depot can be reached, as learnt from the API's answers (see `connectivityInterceptor`).
 *
 * Requests that met an outage wait together in rounds: the first failure schedules the next
 * round, later failures join it, so the banner shows one countdown and the server gets one burst
 * per round, not one per request and timer. Any answer that is not an outage ends it.
 */
@Injectable({ providedIn: 'root' })
export class ConnectivityService {
  readonly #round = signal<Outage | null>(null);
  /** Requests between their first outage answer and their final outcome. */
  readonly #waiting = signal(0);
  readonly #retryNow = new Subject<void>();

  /** The current outage, while requests wait for it to end; null when all is well. */
  readonly outage = computed(() => (this.#waiting() > 0 ? this.#round() : null));

  /**
   * Called for an outage answer to a request that will be sent again: emits once when it is
   * time to send it, at the current round's time (a new round if none is pending).
   */
  nextRound(retryAfter: number | null): Observable<void> {
    // Plain Observable and timer rather than RxJS `race`/`timer`, which would grow the initial bundle.
    return new Observable<void>((subscriber) => {
      const now = Date.now();
      let round = this.#round();
      if (!round || round.retryAt <= now) {
        const attempt = (round?.attempt ?? 0) + 1;
        round = { attempt, retryAt: now + retryDelay(attempt, retryAfter, Math.random()) };
        this.#round.set(round);
      }
      const go = () => {
        subscriber.next();
        subscriber.complete();
      };
      const timer = setTimeout(go, round.retryAt - now);
      const early = this.#retryNow.subscribe(go);
      return () => {
        clearTimeout(timer);
        early.unsubscribe();
      };
    });
  }

  /** A request met an outage and will wait it out; call the returned function once it is settled. */
  hold(): () => void {
    this.#waiting.update((count) => count + 1);
    return () => this.#waiting.update((count) => count - 1);
  }

  /** Sends every waiting request now (the user asked, or the server is back). */
  retryNow(): void {
    const round = this.#round();
    if (round && round.retryAt > Date.now()) {
      this.#round.set({ ...round, retryAt: Date.now() });
    }
    this.#retryNow.next();
  }

  /** The server answered (anything but an outage): the outage is over, and whoever still waits goes now. */
  reachable(): void {
    if (this.#round() !== null) {
      this.#round.set(null);
      this.#retryNow.next();
    }
  }
}
