import { HttpClient, HttpContext, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type Observable } from 'rxjs';

import { problemBody } from '../../../testing/test-helpers';
import { RETRY_ON_OUTAGE, connectivityInterceptor, mayRetryAfterOutage } from './connectivity.interceptor';
import { ConnectivityService, RETRY_BASE_DELAY_MS } from './connectivity.service';

const URL = '/api/v1/products';

/** What the backend answers while PostgreSQL is unreachable. */
function unavailable(request: TestRequest, retryAfter = '1'): void {
  request.flush(problemBody(503, 'SERVER.UNAVAILABLE', 'The service is temporarily unavailable; retry shortly.'), {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter },
  });
}

const OUTAGES: [string, (request: TestRequest) => void][] = [
  ['503 from the server', (request) => unavailable(request)],
  ['no answer (status 0)', (request) => request.error(new ProgressEvent('error'))],
  [
    '502 from the proxy',
    (request) => request.flush('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
  ],
  [
    '504 from the proxy',
    (request) => request.flush('<html>Timeout</html>', { status: 504, statusText: 'Gateway Timeout' }),
  ],
];

describe('connectivityInterceptor', () => {
  let httpClient: HttpClient;
  let http: HttpTestingController;
  let connectivity: ConnectivityService;

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([connectivityInterceptor])), provideHttpClientTesting()],
    });
    httpClient = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    connectivity = TestBed.inject(ConnectivityService);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  /** Subscribes and records what the caller sees. */
  function send<T>(request: Observable<unknown>) {
    const seen: { value?: T; error?: unknown; done: boolean } = { done: false };
    const subscription = request.subscribe({
      next: (value) => (seen.value = value as T),
      error: (error: unknown) => ((seen.error = error), (seen.done = true)),
      complete: () => (seen.done = true),
    });
    return { seen, subscription };
  }

  it.each(OUTAGES)('sends a GET again after %s, while its caller just waits', (_name, fail) => {
    const { seen } = send<{ ok: boolean }>(httpClient.get(URL));

    fail(http.expectOne(URL));
    expect(seen.done).toBe(false);
    expect(connectivity.outage()).toMatchObject({ attempt: 1 });

    jest.advanceTimersByTime(RETRY_BASE_DELAY_MS);
    fail(http.expectOne(URL));
    expect(connectivity.outage()).toMatchObject({ attempt: 2 });

    jest.advanceTimersByTime(2 * RETRY_BASE_DELAY_MS);
    http.expectOne(URL).flush({ ok: true });

    expect(seen).toEqual({ value: { ok: true }, done: true });
    expect(connectivity.outage()).toBeNull();
  });

  it('waits as long as Retry-After says', () => {
    send(httpClient.get(URL));
    unavailable(http.expectOne(URL), '5');

    jest.advanceTimersByTime(4_999);
    http.expectNone(URL);
    jest.advanceTimersByTime(1);
    http.expectOne(URL).flush({});
  });

  it('sends at once when the user asks for it', () => {
    send(httpClient.get(URL));
    unavailable(http.expectOne(URL), '30');

    connectivity.retryNow();

    http.expectOne(URL).flush({});
    expect(connectivity.outage()).toBeNull();
  });

  it('sends HEAD requests again too', () => {
    send(httpClient.head(URL));
    unavailable(http.expectOne(URL));
    jest.advanceTimersByTime(RETRY_BASE_DELAY_MS);
    http.expectOne(URL).flush(null);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'fails a %s at once: the user decides whether to send it again',
    (method) => {
      const { seen } = send(httpClient.request(method, URL, { body: { name: 'x' } }));

      unavailable(http.expectOne(URL));

      expect(seen.error).toBeInstanceOf(HttpErrorResponse);
      expect(seen.error).toMatchObject({ status: 503 });
      jest.advanceTimersByTime(60_000);
      http.expectNone(URL);
      expect(connectivity.outage()).toBeNull();
    },
  );

  it('sends a POST with an Idempotency-Key again: the server applies it once', () => {
    const { seen } = send(httpClient.post(URL, { sku: 'A' }, { headers: { 'Idempotency-Key': 'key-1' } }));

    http.expectOne(URL).error(new ProgressEvent('error'));
    jest.advanceTimersByTime(RETRY_BASE_DELAY_MS);
    const retry = http.expectOne(URL);
    expect(retry.request.headers.get('Idempotency-Key')).toBe('key-1');
    retry.flush({ id: 'p-1' }, { status: 201, statusText: 'Created' });

    expect(seen).toEqual({ value: { id: 'p-1' }, done: true });
  });

  it('sends a request marked RETRY_ON_OUTAGE again whatever its method', () => {
    send(httpClient.post('/api/v1/auth/refresh', null, { context: new HttpContext().set(RETRY_ON_OUTAGE, true) }));

    unavailable(http.expectOne('/api/v1/auth/refresh'));
    jest.advanceTimersByTime(RETRY_BASE_DELAY_MS);
    http.expectOne('/api/v1/auth/refresh').flush({});
  });

  it('passes other errors through, and takes them as a sign that the server is back', () => {
    send(httpClient.get(`${URL}/waiting`));
    unavailable(http.expectOne(`${URL}/waiting`), '30');
    expect(connectivity.outage()).not.toBeNull();

    const { seen } = send(httpClient.get(`${URL}/missing`));
    http.expectOne(`${URL}/missing`).flush(problemBody(404, 'CATALOG.PRODUCT_NOT_FOUND', 'No such product.'), {
      status: 404,
      statusText: 'Not Found',
    });

    expect(seen.error).toMatchObject({ status: 404 });
    expect(connectivity.outage()).toBeNull();
    // The waiting request goes at once rather than after its 30 s.
    http.expectOne(`${URL}/waiting`).flush({});
  });

  it('stops waiting when the caller no longer wants the answer', () => {
    const { subscription } = send(httpClient.get(URL));
    unavailable(http.expectOne(URL));
    expect(connectivity.outage()).not.toBeNull();

    subscription.unsubscribe();

    expect(connectivity.outage()).toBeNull();
    jest.advanceTimersByTime(60_000);
    http.expectNone(URL);
  });

  it('leaves requests to other hosts alone', () => {
    const { seen } = send(httpClient.get('https://example.com/api/v1/products'));

    unavailable(http.expectOne('https://example.com/api/v1/products'));

    expect(seen.error).toMatchObject({ status: 503 });
    expect(connectivity.outage()).toBeNull();
  });
});

describe('mayRetryAfterOutage', () => {
  it.each([
    ['GET', false, false, true],
    ['HEAD', false, false, true],
    ['POST', false, false, false],
    ['POST', true, false, true],
    ['PATCH', true, false, false],
    ['PUT', false, false, false],
    ['DELETE', false, false, false],
    ['POST', false, true, true],
  ])('%s (idempotency key: %s, marked: %s) -> %s', (method, key, marked, expected) => {
    expect(mayRetryAfterOutage(method, key, marked)).toBe(expected);
  });
});
