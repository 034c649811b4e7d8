import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { DomainEventName, REALTIME_EVENT, REALTIME_SESSION_ENDED, type DomainEventEnvelope } from '@depot/contracts';
import { type Observable, of, throwError } from 'rxjs';

import { productEvent } from '../../../testing/fake-realtime';
import { StubPageComponent } from '../../../testing/stub-page.component';
import { product, settle } from '../../../testing/test-helpers';
import { AuthService } from '../auth/auth.service';
import { LoginNoticeService } from '../auth/login-notice.service';
import { REALTIME_SOCKET_FACTORY, type RealtimeSocket } from './realtime-socket';
import { RealtimeService, SESSION_ENDED_MESSAGE } from './realtime.service';

class FakeSocket implements RealtimeSocket {
  connected = false;
  auth: Record<string, unknown>;
  disconnected = false;
  readonly #listeners = new Map<string, ((...args: unknown[]) => void)[]>();

  constructor(readonly token: string) {
    this.auth = { token };
  }

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  connects = 0;

  connect(): this {
    this.connects++;
    return this;
  }

  disconnect(): this {
    this.disconnected = true;
    this.connected = false;
    return this;
  }

  removeAllListeners(): this {
    this.#listeners.clear();
    return this;
  }

  /** What the server would do: emit an event to this socket. */
  fire(event: string, ...args: unknown[]): void {
    if (event === 'connect') {
      this.connected = true;
    }
    for (const listener of this.#listeners.get(event) ?? []) {
      listener(...args);
    }
  }
}

const REFUSED = new HttpErrorResponse({ status: 401, statusText: 'Unauthorized' });

describe('RealtimeService', () => {
  const accessToken = signal<string | null>(null);
  let refresh: jest.Mock<Observable<string>, []>;
  let sockets: FakeSocket[];
  let realtime: RealtimeService;
  let router: Router;

  beforeEach(async () => {
    accessToken.set(null);
    sockets = [];
    refresh = jest.fn(() => throwError(() => REFUSED));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: StubPageComponent },
          { path: '**', component: StubPageComponent },
        ]),
        {
          provide: AuthService,
          useValue: {
            accessToken,
            clearSession: () => accessToken.set(null),
            refresh: () => refresh(),
          } satisfies Partial<AuthService>,
        },
        {
          provide: REALTIME_SOCKET_FACTORY,
          useValue: (token: string) => {
            const socket = new FakeSocket(token);
            sockets.push(socket);
            return Promise.resolve(socket);
          },
        },
      ],
    });
    router = TestBed.inject(Router);
    await router.navigateByUrl('/products?q=bolt');
    realtime = TestBed.inject(RealtimeService);
  });

  /** Lets the effect that follows the token run, and the socket factory resolve. */
  async function flush(): Promise<void> {
    TestBed.tick();
    await settle();
  }

  async function signIn(token: string): Promise<FakeSocket> {
    accessToken.set(token);
    await flush();
    const socket = sockets.at(-1)!;
    socket.fire('connect');
    return socket;
  }

  it('stays offline while signed out', async () => {
    await flush();
    expect(sockets).toHaveLength(0);
    expect(realtime.status()).toBe('off');
  });

  it('connects with the access token after sign-in', async () => {
    const socket = await signIn('token-1');

    expect(sockets).toHaveLength(1);
    expect(socket.auth).toEqual({ token: 'token-1' });
    expect(realtime.status()).toBe('connected');
  });

  it('reconnects with the fresh token after a refresh', async () => {
    const first = await signIn('token-1');

    accessToken.set('token-2');
    await flush();

    expect(first.disconnected).toBe(true);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].auth).toEqual({ token: 'token-2' });
  });

  it('disconnects on logout', async () => {
    const socket = await signIn('token-1');

    accessToken.set(null);
    await flush();

    expect(socket.disconnected).toBe(true);
    expect(realtime.status()).toBe('off');
    expect(sockets).toHaveLength(1);
  });

  it('refreshes the token once when the server refuses the handshake', async () => {
    refresh.mockImplementation(() => {
      accessToken.set('token-2');
      return of('token-2');
    });
    accessToken.set('expired');
    await flush();

    sockets[0].fire('connect_error', new Error('unauthorized'));
    await flush();

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].auth).toEqual({ token: 'token-2' });
  });

  it('leaves network errors to socket.io, which retries by itself', async () => {
    accessToken.set('token-1');
    await flush();

    sockets[0].fire('connect_error', new Error('websocket error'));
    await flush();

    expect(refresh).not.toHaveBeenCalled();
    expect(realtime.status()).toBe('disconnected');
  });

  it('signs out locally and goes to the login page when the server ends the session', async () => {
    const socket = await signIn('token-1');

    socket.fire(REALTIME_SESSION_ENDED);
    await flush();

    expect(refresh).toHaveBeenCalledTimes(1);
    expect(accessToken()).toBeNull();
    expect(socket.disconnected).toBe(true);
    expect(router.url).toBe('/login?returnUrl=%2Fproducts%3Fq%3Dbolt');
    expect(TestBed.inject(LoginNoticeService).take()).toBe(SESSION_ENDED_MESSAGE);
  });

  it('stays signed in when another tab already replaced the session (the cookie holds a new one)', async () => {
    refresh.mockImplementation(() => {
      accessToken.set('token-of-new-session');
      return of('token-of-new-session');
    });
    const socket = await signIn('token-1');

    socket.fire(REALTIME_SESSION_ENDED);
    await flush();

    expect(accessToken()).toBe('token-of-new-session');
    expect(router.url).toBe('/products?q=bolt');
    expect(sockets.at(-1)?.auth).toEqual({ token: 'token-of-new-session' });
  });

  it('stays signed in and reconnects when the refresh after "session ended" fails without a refusal', async () => {
    refresh.mockImplementation(() =>
      throwError(() => new HttpErrorResponse({ status: 500, statusText: 'Internal Server Error' })),
    );
    const socket = await signIn('token-1');

    socket.fire(REALTIME_SESSION_ENDED);
    await flush();

    expect(accessToken()).toBe('token-1');
    expect(router.url).toBe('/products?q=bolt');
    expect(sockets).toHaveLength(2);
    expect(sockets[1].auth).toEqual({ token: 'token-1' });
  });

  it('tells pages to reload after the socket is back from a loss (events of the gap are gone)', async () => {
    const socket = await signIn('token-1');
    let changes = 0;
    realtime.changes({ aggregateType: 'product' }).subscribe(() => changes++);

    socket.fire(REALTIME_EVENT, productEvent(DomainEventName.ProductUpdated, product({ id: 'p-1' })));
    expect(changes).toBe(1);

    // An outage or a deploy: socket.io reconnects by itself.
    socket.fire('disconnect', 'transport close');
    expect(realtime.status()).toBe('disconnected');
    socket.fire('connect_error', new Error('websocket error'));
    socket.fire('connect');

    expect(realtime.status()).toBe('connected');
    expect(changes).toBe(2);
    expect(sockets).toHaveLength(1);
  });

  it('connects again when a shutting-down server disconnects the socket itself', async () => {
    const socket = await signIn('token-1');

    socket.fire('disconnect', 'io server disconnect');

    expect(realtime.status()).toBe('disconnected');
    expect(socket.connects).toBe(1);
    socket.fire('connect');
    expect(realtime.status()).toBe('connected');
  });

  it('does not connect again after the session ended', async () => {
    const socket = await signIn('token-1');

    socket.fire(REALTIME_SESSION_ENDED);
    socket.fire('disconnect', 'io server disconnect');
    await flush();

    expect(socket.connects).toBe(0);
  });

  it('does not ask pages to reload after a first connection or a token change', async () => {
    let changes = 0;
    realtime.changes({ aggregateType: 'product' }).subscribe(() => changes++);
    await signIn('token-1');

    accessToken.set('token-2');
    await flush();
    sockets[1].fire('connect');

    expect(changes).toBe(0);
  });

  it('does not react to the old socket while suspended for a password change', async () => {
    const socket = await signIn('token-1');

    realtime.suspend();
    socket.fire(REALTIME_SESSION_ENDED);
    accessToken.set('token-2');
    await flush();
    expect(sockets).toHaveLength(1);
    expect(router.url).toBe('/products?q=bolt');

    realtime.resume();
    await flush();
    expect(sockets).toHaveLength(2);
    expect(sockets[1].auth).toEqual({ token: 'token-2' });
  });

  it('passes on events filtered by aggregate type and id, each event once', async () => {
    const socket = await signIn('token-1');
    const mine = product({ id: 'p-1' });
    const seenById: DomainEventEnvelope[] = [];
    const seenByType: DomainEventEnvelope[] = [];
    realtime.events({ aggregateType: 'product', aggregateId: 'p-1' }).subscribe((event) => seenById.push(event));
    realtime
      .events({ aggregateType: 'product', types: [DomainEventName.ProductCreated] })
      .subscribe((event) => seenByType.push(event));

    const updated = productEvent(DomainEventName.ProductUpdated, mine);
    socket.fire(REALTIME_EVENT, updated);
    socket.fire(REALTIME_EVENT, updated);
    socket.fire(REALTIME_EVENT, productEvent(DomainEventName.ProductUpdated, product({ id: 'p-2' })));
    socket.fire(REALTIME_EVENT, productEvent(DomainEventName.ProductCreated, product({ id: 'p-3' })));
    socket.fire(REALTIME_EVENT, { not: 'an event' });

    expect(seenById).toEqual([updated]);
    expect(seenByType.map((event) => event.aggregateId)).toEqual(['p-3']);
  });
});
