import { Injectable, signal } from '@angular/core';

/**
 * A message for the login page from whatever sent the user there: a session ended elsewhere,
 * a password was just set. Read once, then forgotten.
 */
@Injectable({ providedIn: 'root' })
export class LoginNoticeService {
  readonly #message = signal<string | null>(null);

  readonly message = this.#message.asReadonly();

  set(message: string): void {
    this.#message.set(message);
  }

  /** Returns the message and forgets it, so a reload of the login page does not show it again. */
  take(): string | null {
    const message = this.#message();
    this.#message.set(null);
    return message;
  }
}
