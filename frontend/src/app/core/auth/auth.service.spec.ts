import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Permission } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { currentUser, problemBody, settle, tokenResponse } from '../../../testing/test-helpers';
import { AuthService } from './auth.service';

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

  it('starts signed out when the server cannot be reached', async () => {
    const restored = firstValueFrom(auth.restoreSession());

    http.expectOne('/api/v1/auth/refresh').error(new ProgressEvent('error'));

    await expect(restored).resolves.toBe(false);
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

  it('ends the session when the server refuses a refresh, but not on a server error', async () => {
    await signIn();

    const transient = firstValueFrom(auth.refresh());
    http.expectOne('/api/v1/auth/refresh').flush('down', { status: 503, statusText: 'Service Unavailable' });
    await expect(transient).rejects.toMatchObject({ status: 503 });
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
