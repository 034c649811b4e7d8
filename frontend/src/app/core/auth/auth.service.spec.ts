import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Permission } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { currentUser, problemBody, settle, tokenResponse } from '../../../testing/test-helpers';
import { RETRY_ON_OUTAGE, connectivityInterceptor } from '../connectivity/connectivity.interceptor';
import { ConnectivityService } from '../connectivity/connectivity.service';
import { AuthService, hasSessionHint } from './auth.service';

// The server's session hint cookie: with it, start-up tries to restore the session.
beforeEach(() => {
  document.cookie = 'depot_session=1; path=/';
});
afterEach(() => {
  document.cookie = 'depot_session=; path=/; max-age=0';
});

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
    localStorage.clear();
    sessionStorage.clear();
  });

  afterEach(() => http.verify());

  it('does not try a refresh without the session hint cookie (no 401 when signed out)', async () => {
    document.cookie = 'depot_session=; path=/; max-age=0';
    await expect(firstValueFrom(auth.restoreSession())).resolves.toBe(false);
    http.expectNone('/api/v1/auth/refresh');
    await expect(firstValueFrom(auth.whenRestored())).resolves.toBe(false);
    expect(auth.restoring()).toBe(false);
  });

  it('starts signed out', () => {
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.currentUser()).toBeNull();
    expect(auth.permissions().size).toBe(0);
  });

  it('signs in, keeps the access token in memory only and loads the profile', async () => {
    const result = firstValueFrom(auth.login('admin@depot.local', 'depot-demo-password'));

    const login = http.expectOne('/api/v1/auth/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({ email: 'admin@depot.local', password: 'depot-demo-password' });
    login.flush(tokenResponse('access-1'));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));

    await expect(result).resolves.toMatchObject({ email: 'admin@depot.local' });
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.accessToken()).toBe('access-1');
    expect(auth.hasPermission(Permission.CatalogProductsRead)).toBe(true);
    expect(auth.hasPermission(Permission.CatalogProductsWrite)).toBe(false);
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('stays signed out after wrong credentials', async () => {
    const result = firstValueFrom(auth.login('admin@depot.local', 'wrong'));

    http
      .expectOne('/api/v1/auth/login')
      .flush(problemBody(401, 'AUTH.INVALID_CREDENTIALS', 'Invalid email or password.'), {
        status: 401,
        statusText: 'Unauthorized',
      });

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();
  });

  it('restores the session from the refresh cookie on start-up', async () => {
    const restored = firstValueFrom(auth.restoreSession());

    const refresh = http.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.body).toBeNull();
    refresh.flush(tokenResponse('access-2'));
    await settle();
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));

    await expect(restored).resolves.toBe(true);
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.accessToken()).toBe('access-2');
  });

  it('treats a 401 from the start-up refresh as "not signed in"', async () => {
    const restored = firstValueFrom(auth.restoreSession());

    http.expectOne('/api/v1/auth/refresh').flush(problemBody(401, 'AUTH.INVALID_REFRESH_TOKEN', 'No session.'), {
      status: 401,
      statusText: 'Unauthorized',
    });

    await expect(restored).resolves.toBe(false);
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('treats an unexpected error of the start-up refresh as "not signed in"', async () => {
    const restored = firstValueFrom(auth.restoreSession());

    http.expectOne('/api/v1/auth/refresh').flush('oops', { status: 500, statusText: 'Internal Server Error' });

    await expect(restored).resolves.toBe(false);
    expect(auth.restoring()).toBe(false);
  });

  it('says when the start-up restore has its answer, for the guards to wait', async () => {
    const answers: boolean[] = [];
    auth.restoreSession().subscribe();
    expect(auth.restoring()).toBe(true);
    auth.whenRestored().subscribe((value) => answers.push(value));
    expect(answers).toEqual([]);

    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('access-2'));
    await settle();
    http.expectOne('/api/v1/auth/me').flush(currentUser([]));
    await settle();

    expect(answers).toEqual([true]);
    expect(auth.restoring()).toBe(false);
    // Later callers get the answer at once.
    await expect(firstValueFrom(auth.whenRestored())).resolves.toBe(true);
  });

  it('marks the refresh as safe to send again after an outage', () => {
    auth.refresh().subscribe({ error: () => undefined });
    const refresh = http.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.context.get(RETRY_ON_OUTAGE)).toBe(true);
    refresh.flush(tokenResponse('access-2'));
  });

  it('shares one refresh request between concurrent callers', async () => {
    const first = firstValueFrom(auth.refresh());
    const second = firstValueFrom(auth.refresh());

    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('access-3'));

    await expect(first).resolves.toBe('access-3');
    await expect(second).resolves.toBe('access-3');
    expect(auth.accessToken()).toBe('access-3');
  });

  it('makes a new refresh request once the previous one has finished', async () => {
    const first = firstValueFrom(auth.refresh());
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('access-4'));
    await first;

    const second = firstValueFrom(auth.refresh());
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('access-5'));

    await expect(second).resolves.toBe('access-5');
  });

  it('ends the session when the server refuses a refresh (401), but not on any other error', async () => {
    await signIn();

    const transient = firstValueFrom(auth.refresh());
    http.expectOne('/api/v1/auth/refresh').flush('down', { status: 503, statusText: 'Service Unavailable' });
    await expect(transient).rejects.toMatchObject({ status: 503 });
    expect(auth.isAuthenticated()).toBe(true);

    const throttled = firstValueFrom(auth.refresh());
    http.expectOne('/api/v1/auth/refresh').flush('slow down', { status: 429, statusText: 'Too Many Requests' });
    await expect(throttled).rejects.toMatchObject({ status: 429 });
    expect(auth.isAuthenticated()).toBe(true);

    const refused = firstValueFrom(auth.refresh());
    http.expectOne('/api/v1/auth/refresh').flush(problemBody(401, 'AUTH.INVALID_REFRESH_TOKEN', 'Expired.'), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await expect(refused).rejects.toMatchObject({ status: 401 });
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();
  });

  it('logs out on the server and forgets the session', async () => {
    await signIn();

    const done = firstValueFrom(auth.logout(), { defaultValue: undefined });
    const logout = http.expectOne('/api/v1/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.accessToken()).toBeNull();
  });

  it('logs out locally even when the server session is already gone', async () => {
    await signIn();

    const done = firstValueFrom(auth.logout(), { defaultValue: undefined });
    http.expectOne('/api/v1/auth/logout').flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(done).resolves.toBeUndefined();
    expect(auth.isAuthenticated()).toBe(false);
  });

  async function signIn(): Promise<void> {
    const result = firstValueFrom(auth.login('admin@depot.local', 'depot-demo-password'));
    http.expectOne('/api/v1/auth/login').flush(tokenResponse('access-0'));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    await result;
  }
});

describe('AuthService through an outage (with the connectivity interceptor, as in the app)', () => {
  let auth: AuthService;
  let http: HttpTestingController;
  let connectivity: ConnectivityService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([connectivityInterceptor])), provideHttpClientTesting()],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
    connectivity = TestBed.inject(ConnectivityService);
  });

  afterEach(() => http.verify());

  it.each([
    [
      'answers 503',
      (request: TestRequest) => request.flush('down', { status: 503, statusText: 'Service Unavailable' }),
    ],
    ['cannot be reached', (request: TestRequest) => request.error(new ProgressEvent('error'))],
    [
      'is behind a proxy that answers 502',
      (request: TestRequest) => request.flush('', { status: 502, statusText: 'Bad Gateway' }),
    ],
  ])('keeps restoring the session while the server %s, and restores it when it is back', async (_name, fail) => {
    let restored: boolean | undefined;
    auth.restoreSession().subscribe((value) => (restored = value));

    fail(http.expectOne('/api/v1/auth/refresh'));
    await settle();
    expect(restored).toBeUndefined();
    expect(auth.restoring()).toBe(true);
    expect(connectivity.outage()).not.toBeNull();

    connectivity.retryNow();
    fail(http.expectOne('/api/v1/auth/refresh'));
    await settle();
    expect(restored).toBeUndefined();
    expect(connectivity.outage()?.attempt).toBe(2);

    connectivity.retryNow();
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('access-9'));
    await settle();
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    await settle();

    expect(restored).toBe(true);
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.restoring()).toBe(false);
    expect(connectivity.outage()).toBeNull();
  });

  it('signs out after the outage if the server then refuses the refresh cookie', async () => {
    let restored: boolean | undefined;
    auth.restoreSession().subscribe((value) => (restored = value));

    http.expectOne('/api/v1/auth/refresh').flush('down', { status: 503, statusText: 'Service Unavailable' });
    await settle();
    connectivity.retryNow();
    http.expectOne('/api/v1/auth/refresh').flush(problemBody(401, 'AUTH.INVALID_REFRESH_TOKEN', 'No session.'), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await settle();

    expect(restored).toBe(false);
    expect(auth.isAuthenticated()).toBe(false);
  });
});

describe('hasSessionHint', () => {
  it('finds the hint among other cookies only by its exact name', () => {
    expect(hasSessionHint('a=1; depot_session=1')).toBe(true);
    expect(hasSessionHint('depot_session_other=1; b=2')).toBe(false);
    expect(hasSessionHint('')).toBe(false);
  });
});
