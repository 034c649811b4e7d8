import { DestroyRef, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import {
  BULK_PROGRESS_EVENT,
  REALTIME_EVENT,
  REALTIME_SESSION_ENDED,
  type BulkProgressMessage,
  type DomainEventEnvelope,
  type DomainEventName,
} from '@depot/contracts';
import { HttpErrorResponse } from '@angular/common/http';
import { type Observable, Subject, filter, map, merge } from 'rxjs';

import { HttpStatus } from '../../shared/http/http-status';
import { AuthService } from '../auth/auth.service';
import { LoginNoticeService } from '../auth/login-notice.service';
import { redirectToLogin } from '../auth/login-redirect';
import { REALTIME_SOCKET_FACTORY, type RealtimeSocket } from './realtime-socket';

export type RealtimeStatus = 'off' | 'connecting' | 'connected' | 'disconnected';

export interface RealtimeEventFilter {
  aggregateType: string;
  aggregateId?: string;
  types?: readonly DomainEventName[];
}

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again to continue.';

/** How many event ids are remembered to drop repeated deliveries (the outbox is at-least-once). */
const SEEN_IDS = 500;

/**
 * Live domain events from the server over socket.io, while signed in.
 *
 * The socket follows the access token: it opens after sign-in, is replaced with one that carries
 * the fresh token after every refresh, and closes on logout. When the server says the session
 * ended (logout elsewhere, an admin ended it, the account was disabled) the user is signed out
 * here too and sent to the login page with a message.
 *
 * When the connection drops (a deploy, an outage), socket.io reconnects by itself; events sent
 * meanwhile are lost, so `changes()` tells pages to load their data again once it is back.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  readonly #auth = inject(AuthService);
  readonly #router = inject(Router);
  readonly #notice = inject(LoginNoticeService);
  readonly #createSocket = inject(REALTIME_SOCKET_FACTORY);
  readonly #events = new Subject<DomainEventEnvelope>();
  readonly #resync = new Subject<void>();
  readonly #bulkProgress = new Subject<BulkProgressMessage>();
  readonly #status = signal<RealtimeStatus>('off');
  readonly #seen = new Set<string>();
  #socket: RealtimeSocket | null = null;
  /** Bumped whenever the current socket is dropped, so a socket still being created is discarded. */
  #generation = 0;
  #suspended = false;
  /** The token whose refused handshake already triggered a refresh (at most one per token). */
  #refreshedAfterRefusal: string | null = null;
  /** The socket was lost (not closed on purpose): events may have been missed until it connects again. */
  #missedEvents = false;

  readonly status = this.#status.asReadonly();
  /** Every event this user may see, once each. */
  readonly events$: Observable<DomainEventEnvelope> = this.#events.asObservable();

  constructor() {
    effect(() => {
      const token = this.#auth.accessToken();
      untracked(() => this.#follow(token));
    });
    inject(DestroyRef).onDestroy(() => this.#close());
  }

  /** Events of one aggregate type, optionally of one aggregate and of some event types only. */
  events(wanted: RealtimeEventFilter): Observable<DomainEventEnvelope> {
    return this.events$.pipe(
      filter(
        (event) =>
          event.aggregateType === wanted.aggregateType &&
          (wanted.aggregateId === undefined || event.aggregateId === wanted.aggregateId) &&
          (wanted.types === undefined || wanted.types.includes(event.type)),
      ),
    );
  }

  /**
   * Signals that data of one aggregate type may have changed: on every matching event, and after
   * the socket reconnected following a loss (the events of the gap are gone). For pages that
   * reload what they show rather than read the events.
   */
  changes(wanted: RealtimeEventFilter): Observable<void> {
    return merge(this.events(wanted), this.#resync).pipe(map(() => undefined));
  }

  /** Progress of this user's bulk request with `operationId` (sent to this user's sockets only). */
  bulkProgress(operationId: string): Observable<BulkProgressMessage> {
    return this.#bulkProgress.pipe(filter((message) => message.operationId === operationId));
  }

  /**
   * Closes the socket while the session is being replaced on purpose (a password change ends
   * every session and issues new tokens): the old socket's "session ended" must not sign out.
   */
  suspend(): void {
    this.#suspended = true;
    this.#close();
  }

  /** Reconnects after `suspend()` with whatever token is current by then. */
  resume(): void {
    this.#suspended = false;
    this.#follow(this.#auth.accessToken());
  }

  #follow(token: string | null): void {
    this.#close();
    if (!token) {
      this.#missedEvents = false;
    }
    if (!token || this.#suspended) {
      return;
    }
    const generation = this.#generation;
    this.#status.set('connecting');
    this.#createSocket(token).then(
      (socket) => {
        if (generation !== this.#generation) {
          socket.disconnect();
          return;
        }
        this.#socket = socket;
        socket.on('connect', () => this.#connected());
        socket.on('disconnect', (reason: unknown) => {
          this.#missedEvents = true;
          this.#status.set('disconnected');
          // socket.io retries lost transports by itself but not a server's "io server disconnect"
          // (what instances before 1.3 send when they shut down). A session that ended has closed
          // this socket already (#sessionEnded), so this one is still wanted: connect again.
          if (reason === 'io server disconnect' && this.#socket === socket) socket.connect();
        });
        socket.on('connect_error', (error: unknown) => {
          this.#missedEvents = true;
          this.#refused(token, error);
        });
        socket.on(REALTIME_EVENT, (event: unknown) => this.#receive(event));
        socket.on(REALTIME_SESSION_ENDED, () => this.#sessionEnded());
        socket.on(BULK_PROGRESS_EVENT, (message: unknown) => {
          if (isBulkProgress(message)) {
            this.#bulkProgress.next(message);
          }
        });
      },
      () => {
        if (generation === this.#generation) {
          this.#status.set('disconnected');
        }
      },
    );
  }

  #connected(): void {
    this.#status.set('connected');
    if (this.#missedEvents) {
      this.#missedEvents = false;
      this.#resync.next();
    }
  }

  #close(): void {
    this.#generation++;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.#status.set('off');
  }

  /**
   * The handshake was refused: most likely the access token expired while the socket was away.
   * socket.io does not retry after a refusal, so refresh the token once; the new token opens a
   * new socket. (Network errors are retried by socket.io itself.)
   */
  #refused(token: string, error: unknown): void {
    this.#status.set('disconnected');
    const refusedByServer = error instanceof Error && error.message === 'unauthorized';
    if (!refusedByServer || this.#refreshedAfterRefusal === token) {
      return;
    }
    this.#refreshedAfterRefusal = token;
    // A refused refresh ends the session in AuthService; the token then becomes null.
    this.#auth.refresh().subscribe({ error: () => undefined });
  }

  #receive(value: unknown): void {
    if (!isEnvelope(value) || this.#seen.has(value.id)) {
      return;
    }
    this.#seen.add(value.id);
    if (this.#seen.size > SEEN_IDS) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) {
        this.#seen.delete(oldest);
      }
    }
    this.#events.next(value);
  }

  /**
   * The server ended this socket's session. Another tab may have replaced it on purpose (a
   * password change starts a new session): then the shared refresh cookie already belongs to the
   * new one and a refresh keeps the user signed in. Otherwise the refresh is refused (401): sign
   * out. Any other failure proves nothing (an outage is waited out by the refresh itself): stay
   * signed in and reconnect; a socket of an ended session is refused, and that refusal refreshes.
   */
  #sessionEnded(): void {
    this.#close();
    this.#auth.refresh().subscribe({
      error: (error: unknown) => {
        if (!(error instanceof HttpErrorResponse && error.status === HttpStatus.Unauthorized)) {
          this.#follow(this.#auth.accessToken());
          return;
        }
        this.#auth.clearSession();
        this.#notice.set(SESSION_ENDED_MESSAGE);
        redirectToLogin(this.#router);
      },
    });
  }
}

function isBulkProgress(value: unknown): value is BulkProgressMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const message = value as Record<string, unknown>;
  return (
    typeof message['operationId'] === 'string' &&
    typeof message['done'] === 'number' &&
    typeof message['total'] === 'number'
  );
}

function isEnvelope(value: unknown): value is DomainEventEnvelope {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const event = value as Partial<Record<keyof DomainEventEnvelope, unknown>>;
  return (
    typeof event.id === 'string' &&
    typeof event.type === 'string' &&
    typeof event.aggregateType === 'string' &&
    typeof event.aggregateId === 'string'
  );
}
