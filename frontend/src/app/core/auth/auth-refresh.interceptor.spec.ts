import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Permission } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { currentUser, problemBody, settle, tokenResponse } from '../../../testing/test-helpers';
import { connectivityInterceptor } from '../connectivity/connectivity.interceptor';
import { ConnectivityService } from '../connectivity/connectivity.service';
import { authRefreshInterceptor } from './auth-refresh.interceptor';
import { authTokenInterceptor } from './auth-token.interceptor';
import { AuthService } from './auth.service';
import { StubPageComponent } from '../../../testing/stub-page.component';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const UNAVAILABLE = {
  status: 503,
  statusText: 'Service Unavailable',
  headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
};
const unavailable = problemBody(503, 'SERVER.UNAVAILABLE', 'The service is temporarily unavailable; retry shortly.');
const expired = problemBody(401, 'AUTH.UNAUTHENTICATED', 'Access token expired.');

describe('auth interceptors', () => {
  let httpClient: HttpClient;
  let http: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: StubPageComponent },
          { path: '**', component: StubPageComponent },
        ]),
        // As in the app: outages are ridden out around the refresh-and-retry.
        provideHttpClient(withInterceptors([connectivityInterceptor, authRefreshInterceptor, authTokenInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpClient = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/products?q=bolt');
    await signIn('old-token');
  });

  afterEach(() => http.verify());

  it('sends the access token to the API', async () => {
    const response = firstValueFrom(httpClient.get('/api/v1/products'));

    const request = http.expectOne('/api/v1/products');
    expect(request.request.headers.get('Authorization')).toBe('Bearer old-token');
    request.flush({ items: [], nextCursor: null });
    await response;
  });

  it('does not send the access token to other hosts', async () => {
    const response = firstValueFrom(httpClient.get('https://example.com/api/v1/products'));

    const request = http.expectOne('https://example.com/api/v1/products');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
    await response;
  });

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const response = firstValueFrom(httpClient.get<{ ok: boolean }>('/api/v1/products'));

    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('new-token'));
    await settle();
    const retry = http.expectOne('/api/v1/products');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({ ok: true });

    await expect(response).resolves.toEqual({ ok: true });
    expect(router.url).toBe('/products?q=bolt');
  });

  it('shares one refresh between concurrent requests that get 401', async () => {
    const responses = ['/api/v1/products', '/api/v1/products/1', '/api/v1/products/2'].map((url) =>
      firstValueFrom(httpClient.get<{ url: string }>(url)),
    );

    const failed = http.match((request) => request.url.startsWith('/api/v1/products'));
    expect(failed).toHaveLength(3);
    failed.forEach((request) => request.flush(expired, UNAUTHORIZED));

    const refreshes = http.match('/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush(tokenResponse('new-token'));
    await settle();

    const retries: TestRequest[] = http.match((request) => request.url.startsWith('/api/v1/products'));
    expect(retries).toHaveLength(3);
    for (const retry of retries) {
      expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
      retry.flush({ url: retry.request.url });
    }
    await expect(Promise.all(responses)).resolves.toEqual([
      { url: '/api/v1/products' },
      { url: '/api/v1/products/1' },
      { url: '/api/v1/products/2' },
    ]);
  });

  it('retries without refreshing when another request already refreshed the token', async () => {
    const slow = firstValueFrom(httpClient.get('/api/v1/products/slow'));
    const fast = firstValueFrom(httpClient.get('/api/v1/products/fast'));
    const slowRequest = http.expectOne('/api/v1/products/slow');

    http.expectOne('/api/v1/products/fast').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('new-token'));
    await settle();
    http.expectOne('/api/v1/products/fast').flush({});
    await fast;

    // The slow request was sent with the old token and fails only now.
    slowRequest.flush(expired, UNAUTHORIZED);
    http.expectNone('/api/v1/auth/refresh');
    const retry = http.expectOne('/api/v1/products/slow');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({});
    await slow;
  });

  it('goes to the login page with a return URL when the refresh is refused', async () => {
    const response = firstValueFrom(httpClient.get('/api/v1/products'));

    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);
    http
      .expectOne('/api/v1/auth/refresh')
      .flush(problemBody(401, 'AUTH.INVALID_REFRESH_TOKEN', 'Session ended.'), UNAUTHORIZED);

    await expect(response).rejects.toBeInstanceOf(HttpErrorResponse);
    await settle();
    expect(auth.isAuthenticated()).toBe(false);
    expect(router.url).toBe('/login?returnUrl=%2Fproducts%3Fq%3Dbolt');
  });

  it('does not sign out when the refresh meets an outage (503): it waits for the server, then retries', async () => {
    const response = firstValueFrom(httpClient.get<{ ok: boolean }>('/api/v1/products'));

    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/v1/auth/refresh').flush(unavailable, UNAVAILABLE);
    await settle();

    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.accessToken()).toBe('old-token');
    expect(router.url).toBe('/products?q=bolt');
    expect(TestBed.inject(ConnectivityService).outage()).toMatchObject({ attempt: 1 });

    TestBed.inject(ConnectivityService).retryNow();
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('new-token'));
    await settle();
    const retry = http.expectOne('/api/v1/products');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-token');
    retry.flush({ ok: true });

    await expect(response).resolves.toEqual({ ok: true });
    expect(router.url).toBe('/products?q=bolt');
    expect(TestBed.inject(ConnectivityService).outage()).toBeNull();
  });

  it('does not sign out when the refresh gets no answer at all (network failure)', async () => {
    const response = firstValueFrom(httpClient.get<{ ok: boolean }>('/api/v1/products'));

    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/v1/auth/refresh').error(new ProgressEvent('error'));
    await settle();
    expect(auth.isAuthenticated()).toBe(true);
    expect(router.url).toBe('/products?q=bolt');

    TestBed.inject(ConnectivityService).retryNow();
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('new-token'));
    await settle();
    http.expectOne('/api/v1/products').flush({ ok: true });
    await expect(response).resolves.toEqual({ ok: true });
  });

  it('does not sign out on a refresh error other than 401 (e.g. throttled)', async () => {
    const response = firstValueFrom(httpClient.get('/api/v1/products'));

    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/v1/auth/refresh').flush(problemBody(429, 'REQUEST.RATE_LIMITED', 'Slow down.'), {
      status: 429,
      statusText: 'Too Many Requests',
    });

    await expect(response).rejects.toMatchObject({ status: 429 });
    await settle();
    expect(auth.isAuthenticated()).toBe(true);
    expect(router.url).toBe('/products?q=bolt');
  });

  it('gives up after one retry: a second 401 ends the session without another refresh', async () => {
    const response = firstValueFrom(httpClient.get('/api/v1/products'));

    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);
    http.expectOne('/api/v1/auth/refresh').flush(tokenResponse('new-token'));
    await settle();
    http.expectOne('/api/v1/products').flush(expired, UNAUTHORIZED);

    await expect(response).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/v1/auth/refresh');
    await settle();
    expect(router.url).toMatch(/^\/login\?returnUrl=/);
  });

  it('does not refresh on a 401 from the auth endpoints themselves', async () => {
    const response = firstValueFrom(httpClient.post('/api/v1/auth/login', { email: 'a@b.c', password: 'x' }));

    http
      .expectOne('/api/v1/auth/login')
      .flush(problemBody(401, 'AUTH.INVALID_CREDENTIALS', 'Invalid email or password.'), UNAUTHORIZED);

    await expect(response).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/v1/auth/refresh');
    expect(router.url).toBe('/products?q=bolt');
  });

  it('passes other errors through untouched', async () => {
    const response = firstValueFrom(httpClient.get('/api/v1/products/x'));

    http.expectOne('/api/v1/products/x').flush(problemBody(403, 'AUTH.FORBIDDEN', 'Forbidden.'), {
      status: 403,
      statusText: 'Forbidden',
    });

    await expect(response).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/v1/auth/refresh');
  });

  async function signIn(token: string): Promise<void> {
    const done = firstValueFrom(auth.login('admin@depot.local', 'depot-demo-password'));
    http.expectOne('/api/v1/auth/login').flush(tokenResponse(token));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    await done;
  }
});
