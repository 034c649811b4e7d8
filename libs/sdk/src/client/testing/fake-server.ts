import { DepotClient, type DepotClientOptions } from '../depot-client';

/** What the fake server saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
}

export type Handler = (request: SeenRequest, index: number) => Response | Promise<Response>;

export const BASE_URL = 'http://depot.test';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function problem(status: number, code: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Failed', status, code, requestId: 'req-1' }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export const tokens = (n: number) => ({
  tokenType: 'Bearer' as const,
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  refreshExpiresIn: 604800,
});

/**
 * A DepotClient whose fetch is `handler`, with sleeps recorded instead of waited and jitter fixed
 * at its top (`random` = 1), so delays are deterministic.
 */
export function fakeClient(handler: Handler, options: Partial<DepotClientOptions> = {}) {
  const seen: SeenRequest[] = [];
  const sleeps: number[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason;
    const url = new URL(request.url);
    const text = request.body ? await request.text() : '';
    const seenRequest: SeenRequest = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      headers: request.headers,
      credentials: request.credentials,
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(seenRequest);
    return handler(seenRequest, seen.length - 1);
  };
  const depot = new DepotClient({
    baseUrl: BASE_URL,
    fetch,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
    ...options,
  });
  return { depot, seen, sleeps };
}
