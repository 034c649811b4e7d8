import { createClient, createConfig, type Client, type ResolvedRequestOptions } from '../generated/client';
import {
  adjustStock,
  archiveProduct,
  cancelPurchaseOrder,
  cancelSalesOrder,
  checkStockConsistency,
  confirmSalesOrder,
  createApiKey,
  createCategory,
  createCreditNote,
  createCustomer,
  createProduct,
  createPurchaseOrder,
  createSalesOrder,
  createSupplier,
  createWarehouse,
  createWebhook,
  deleteCategory,
  deleteWebhook,
  fulfilSalesOrder,
  getCategory,
  getCurrentUser,
  getCustomer,
  getIncomingStock,
  getInvoice,
  getProduct,
  getPurchaseOrder,
  getSalesOrder,
  getStockAvailability,
  getSupplier,
  getWarehouse,
  getWebhook,
  invoiceSalesOrder,
  listApiKeys,
  listCategories,
  listCustomers,
  listInvoices,
  listLowStock,
  listProducts,
  listPurchaseOrders,
  listSalesOrders,
  listStockLevels,
  listStockMovements,
  listSuppliers,
  listWarehouses,
  listWebhookDeliveries,
  listWebhooks,
  login,
  logout,
  receivePurchaseOrder,
  recordPayment,
  refreshTokens,
  replayWebhookDelivery,
  revokeApiKey,
  sendWebhookTest,
  stockAsOf,
  submitPurchaseOrder,
  transferStock,
  updateCategory,
  updateCustomer,
  updateProduct,
  updatePurchaseOrder,
  updateSalesOrder,
  updateSupplier,
  updateWarehouse,
  updateWebhook,
} from '../generated/sdk.gen';
import type { TokenResponseDto } from '../generated/types.gen';
import { DepotApiError, DepotError, DepotNetworkError, DepotTimeoutError } from './errors';
import { Paginated } from './pagination';
import { randomUuid } from './random-uuid';
import {
  DEFAULT_RETRY,
  IDEMPOTENT_METHODS,
  RETRYABLE_STATUSES,
  attemptSignal,
  backoffDelay,
  sleep,
  type RetryOptions,
} from './retry';
import type {
  CallArgs,
  CallOptions,
  CallSettings,
  ItemOf,
  ListQuery,
  OperationData,
  OperationFn,
  OperationOptions,
} from './types';

/** The tokens of a signed-in session (from `signIn`, rotated by every refresh). */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token was valid for when issued. */
  expiresIn?: number;
  refreshExpiresIn?: number;
}

export interface DepotClientOptions {
  /** Where Depot answers, e.g. `https://depot.example.com` (the API is under `/api/v1`). */
  baseUrl: string;
  /** An API key (`dpk_...`), sent as `Authorization: Bearer dpk_...`. Leave out to use `signIn`. */
  apiKey?: string;
  /** Tokens of an earlier session to resume (e.g. kept by `onSessionChange`). */
  session?: SessionTokens;
  /** Called with the new tokens after sign-in and every refresh, and with `null` after sign-out or when the session ended. */
  onSessionChange?: (session: SessionTokens | null) => void;
  /** Timeout of each attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries of failed requests (429, 502, 503, 504, network errors); `{ maxAttempts: 1 }` turns them off. */
  retry?: Partial<RetryOptions>;
  /**
   * Operation paths that never get an automatic `Idempotency-Key` on POST (and so are not retried):
   * an entry ending in `/` is a prefix, any other an exact path. Default `DEFAULT_IDEMPOTENCY_EXCLUSIONS`.
   */
  idempotencyExclusions?: readonly string[];
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A `fetch` implementation; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** How to wait between retries (tests pass a fake). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1) (tests pass a fixed one). */
  random?: () => number;
}

/**
 * POSTs that must not carry `Idempotency-Key` (the server answers 400
 * `REQUEST.IDEMPOTENCY_NOT_SUPPORTED` to them): sign-in, refresh, sign-out, password reset and change.
 */
export const DEFAULT_IDEMPOTENCY_EXCLUSIONS: readonly string[] = [
  '/api/v1/auth/',
  '/api/v1/me/password',
  '/api/v1/me/mfa/',
  // Their answers show a secret once, which the server never stores for a replay.
  '/api/v1/api-keys',
  '/api/v1/webhooks',
];

/** Whether POSTs to `path` go without an automatic Idempotency-Key (`rules` as in the option). */
export function isIdempotencyExcluded(
  path: string,
  rules: readonly string[] = DEFAULT_IDEMPOTENCY_EXCLUSIONS,
): boolean {
  return rules.some((rule) => (rule.endsWith('/') ? path.startsWith(rule) : path === rule));
}

const DEFAULT_TIMEOUT_MS = 30_000;
const IDEMPOTENCY_KEY_IN_PROGRESS = 'REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS';
/** Key under `meta` that carries a call's state to the request interceptor. */
const CALL_STATE = 'depotCall';

/** What one `call` learns about its request, shared by its attempts. */
class CallState {
  method: string | undefined;
  url: string | undefined;
  /** The request may be sent again: an idempotent method, or it carries an Idempotency-Key. */
  retryable = false;
  /** The Authorization header the last attempt carried. */
  authorization: string | null = null;

  constructor(
    readonly idempotencyKey: string,
    readonly keyGiven: boolean,
  ) {}
}

type OperationResult = { data?: unknown; error?: unknown; response?: Response };

/**
 * A Depot API client: API key or e-mail/password sign-in with automatic token refresh, typed
 * `DepotApiError`s, async iterators over lists, per-request timeouts, and retries that are safe
 * because every POST carries an `Idempotency-Key`.
 *
 *   const depot = new DepotClient({ baseUrl: 'https://depot.example.com', apiKey: 'dpk_...' });
 *   for await (const product of depot.products.list({ q: 'bolt' })) console.log(product.sku);
 *
 * Any generated operation can be called through it: `depot.call(getDashboard)`.
 */
export class DepotClient {
  /** The generated client this one drives; pass it as `client` to a generated function to use it directly (no retries). */
  readonly http: Client;
  private readonly apiKey: string | undefined;
  private currentSession: SessionTokens | null;
  private refreshing: Promise<void> | undefined;
  private readonly onSessionChange: ((session: SessionTokens | null) => void) | undefined;
  private readonly timeoutMs: number;
  private readonly retry: RetryOptions;
  private readonly exclusions: readonly string[];
  private readonly basePath: string;
  private readonly wait: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(options: DepotClientOptions) {
    if (typeof options.baseUrl !== 'string') throw new TypeError('DepotClient needs a baseUrl');
    if (options.apiKey !== undefined && !options.apiKey.startsWith('dpk_')) {
      throw new TypeError('An API key starts with "dpk_"');
    }
    if (options.apiKey !== undefined && options.session !== undefined) {
      throw new TypeError('Give DepotClient either an apiKey or a session, not both');
    }
    this.apiKey = options.apiKey;
    this.currentSession = options.session ?? null;
    this.onSessionChange = options.onSessionChange;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.exclusions = options.idempotencyExclusions ?? DEFAULT_IDEMPOTENCY_EXCLUSIONS;
    this.basePath = new URL(options.baseUrl, 'http://base.invalid').pathname.replace(/\/+$/, '');
    this.wait = options.sleep ?? sleep;
    this.random = options.random ?? Math.random;
    this.http = createClient(
      createConfig({
        baseUrl: options.baseUrl,
        fetch: options.fetch,
        headers: options.headers,
        // Tokens travel in bodies and headers only: never let a browser attach Depot's refresh cookie.
        credentials: 'omit',
        // One header: `Authorization: Bearer <token>` (the document also lists X-API-Key; never send both).
        auth: (auth) => (auth.scheme === 'bearer' ? (this.apiKey ?? this.currentSession?.accessToken) : undefined),
      }),
    );
    this.http.interceptors.request.use((request, opts) => this.prepare(request, opts));
  }

  /** The signed-in session's tokens, or null (API-key clients and before `signIn`). */
  get session(): SessionTokens | null {
    return this.currentSession;
  }

  /**
   * Signs in with e-mail and password (and the 6-digit code or a recovery code for accounts with
   * two-step verification: without it the server answers 401 `AUTH.MFA_REQUIRED`). Later requests
   * carry the access token; it is refreshed automatically when it expires.
   */
  async signIn(
    email: string,
    password: string,
    options: { mfaCode?: string; signal?: AbortSignal } = {},
  ): Promise<SessionTokens> {
    if (this.apiKey !== undefined) throw new DepotError('This client uses an API key: create another one to sign in');
    const tokens = await this.call(login, {
      body: { email, password, ...(options.mfaCode !== undefined ? { mfaCode: options.mfaCode } : {}) },
      signal: options.signal,
    });
    return this.setSession(tokens)!;
  }

  /** Ends the session on the server (its refresh token is revoked) and forgets the tokens. */
  async signOut(options: { signal?: AbortSignal } = {}): Promise<void> {
    const session = this.currentSession;
    if (!session) return;
    this.setSession(null);
    await this.call(logout, { body: { refreshToken: session.refreshToken }, signal: options.signal });
  }

  /** The signed-in user (or the API key's owner) with their permissions. */
  me(settings?: CallSettings) {
    return this.call(getCurrentUser, { ...settings });
  }

  /**
   * Calls any generated operation with this client's authentication, timeout, retries and
   * idempotency key; resolves to the response body, rejects with `DepotApiError` on an error status.
   *
   *   const dashboard = await depot.call(getDashboard);
   *   const product = await depot.call(getProduct, { path: { id } });
   */
  async call<F extends OperationFn>(fn: F, ...args: CallArgs<F>): Promise<OperationData<F>> {
    const { signal, timeoutMs, idempotencyKey, maxAttempts, ...rest } = (args[0] ?? {}) as CallSettings &
      Record<string, unknown>;
    const state = new CallState(idempotencyKey ?? randomUuid(), idempotencyKey !== undefined);
    const attempts = Math.max(1, maxAttempts ?? this.retry.maxAttempts);
    const timeout = timeoutMs ?? this.timeoutMs;
    let refreshed = false;

    for (let attempt = 1; ;) {
      const attemptAbort = attemptSignal(timeout, signal, () => new DepotTimeoutError(timeout));
      let result: OperationResult;
      try {
        result = (await fn({
          ...rest,
          meta: { ...(rest['meta'] as Record<string, unknown> | undefined), [CALL_STATE]: state },
          client: this.http,
          throwOnError: false,
          responseStyle: 'fields',
          signal: attemptAbort.signal,
        })) as OperationResult;
      } catch (error) {
        // Thrown while reading a successful answer's body (aborted, or not the JSON it claimed).
        result = { error };
      } finally {
        attemptAbort.dispose();
      }

      const { response } = result;
      if (!response) {
        if (signal?.aborted) throw signal.reason;
        const failure = this.networkFailure(result.error, attemptAbort.timedOut, timeout, state);
        if (!(failure instanceof DepotNetworkError)) throw failure;
        if (state.retryable && attempt < attempts) {
          await this.wait(backoffDelay(attempt, this.retry, this.random), signal);
          attempt++;
          continue;
        }
        throw failure;
      }

      if (response.ok) return result.data as OperationData<F>;

      if (response.status === 401 && !refreshed && this.sentSessionToken(state)) {
        // Refresh once (shared with concurrent calls), then send this request once more.
        refreshed = true;
        await this.refreshAfter401(state.authorization!);
        continue;
      }

      const error = DepotApiError.fromResponse(response, result.error, state.method);
      if (state.retryable && attempt < attempts && this.worthRetrying(error)) {
        const delay =
          error.retryAfter !== undefined ? error.retryAfter * 1000 : backoffDelay(attempt, this.retry, this.random);
        if (delay <= this.retry.maxRetryAfterMs) {
          await this.wait(delay, signal);
          attempt++;
          continue;
        }
      }
      throw error;
    }
  }

  /**
   * The items of any generated list operation, page after page (following `nextCursor`):
   *
   *   for await (const movement of depot.paginate(listStockMovements, { productId })) { ... }
   *
   * `options` holds what is not query (e.g. `path` of `listWebhookDeliveries`) and call settings.
   */
  paginate<F extends OperationFn>(
    fn: F,
    query?: ListQuery<F>,
    options?: Omit<CallOptions<F>, 'query'>,
  ): Paginated<ItemOf<OperationData<F>>> {
    return new Paginated((cursor) =>
      this.call(fn, ...([{ ...options, query: { ...query, ...(cursor ? { cursor } : {}) } }] as CallArgs<F>)),
    );
  }

  readonly products = {
    list: (query?: ListQuery<typeof listProducts>, settings?: CallSettings) =>
      this.paginate(listProducts, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getProduct, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createProduct>, settings?: CallSettings) =>
      this.call(createProduct, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateProduct>, settings?: CallSettings) =>
      this.call(updateProduct, { path: { id }, body, ...settings }),
    archive: (id: string, settings?: CallSettings) => this.call(archiveProduct, { path: { id }, ...settings }),
    /** Quantities on open purchase orders, per warehouse. */
    incoming: (id: string, settings?: CallSettings) => this.call(getIncomingStock, { path: { id }, ...settings }),
  };

  readonly categories = {
    /** The whole tree (one page). */
    list: (settings?: CallSettings) => this.paginate(listCategories, undefined, settings),
    get: (id: string, settings?: CallSettings) => this.call(getCategory, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createCategory>, settings?: CallSettings) =>
      this.call(createCategory, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateCategory>, settings?: CallSettings) =>
      this.call(updateCategory, { path: { id }, body, ...settings }),
    delete: (id: string, settings?: CallSettings) => this.call(deleteCategory, { path: { id }, ...settings }),
  };

  readonly warehouses = {
    list: (query?: ListQuery<typeof listWarehouses>, settings?: CallSettings) =>
      this.paginate(listWarehouses, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getWarehouse, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createWarehouse>, settings?: CallSettings) =>
      this.call(createWarehouse, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateWarehouse>, settings?: CallSettings) =>
      this.call(updateWarehouse, { path: { id }, body, ...settings }),
  };

  readonly stock = {
    /** Adds (positive) or removes (negative) stock in one warehouse, with a reason. */
    adjust: (body: BodyOf<typeof adjustStock>, settings?: CallSettings) =>
      this.call(adjustStock, { body, ...settings }),
    transfer: (body: BodyOf<typeof transferStock>, settings?: CallSettings) =>
      this.call(transferStock, { body, ...settings }),
    levels: (query?: ListQuery<typeof listStockLevels>, settings?: CallSettings) =>
      this.paginate(listStockLevels, query, settings),
    movements: (query?: ListQuery<typeof listStockMovements>, settings?: CallSettings) =>
      this.paginate(listStockMovements, query, settings),
    lowStock: (query?: ListQuery<typeof listLowStock>, settings?: CallSettings) =>
      this.paginate(listLowStock, query, settings),
    asOf: (query: QueryOf<typeof stockAsOf>, settings?: CallSettings) => this.call(stockAsOf, { query, ...settings }),
    availability: (query: QueryOf<typeof getStockAvailability>, settings?: CallSettings) =>
      this.call(getStockAvailability, { query, ...settings }),
    consistency: (settings?: CallSettings) => this.call(checkStockConsistency, { ...settings }),
  };

  readonly customers = {
    list: (query?: ListQuery<typeof listCustomers>, settings?: CallSettings) =>
      this.paginate(listCustomers, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getCustomer, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createCustomer>, settings?: CallSettings) =>
      this.call(createCustomer, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateCustomer>, settings?: CallSettings) =>
      this.call(updateCustomer, { path: { id }, body, ...settings }),
  };

  readonly suppliers = {
    list: (query?: ListQuery<typeof listSuppliers>, settings?: CallSettings) =>
      this.paginate(listSuppliers, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getSupplier, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createSupplier>, settings?: CallSettings) =>
      this.call(createSupplier, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateSupplier>, settings?: CallSettings) =>
      this.call(updateSupplier, { path: { id }, body, ...settings }),
  };

  readonly salesOrders = {
    list: (query?: ListQuery<typeof listSalesOrders>, settings?: CallSettings) =>
      this.paginate(listSalesOrders, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getSalesOrder, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createSalesOrder>, settings?: CallSettings) =>
      this.call(createSalesOrder, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateSalesOrder>, settings?: CallSettings) =>
      this.call(updateSalesOrder, { path: { id }, body, ...settings }),
    /** Reserves every line or none (409 `SALES.LINES_SHORT` names the short lines). */
    confirm: (id: string, body: BodyOf<typeof confirmSalesOrder>, settings?: CallSettings) =>
      this.call(confirmSalesOrder, { path: { id }, body, ...settings }),
    fulfil: (id: string, body: BodyOf<typeof fulfilSalesOrder>, settings?: CallSettings) =>
      this.call(fulfilSalesOrder, { path: { id }, body, ...settings }),
    cancel: (id: string, body: BodyOf<typeof cancelSalesOrder>, settings?: CallSettings) =>
      this.call(cancelSalesOrder, { path: { id }, body, ...settings }),
    invoice: (id: string, body: BodyOf<typeof invoiceSalesOrder>, settings?: CallSettings) =>
      this.call(invoiceSalesOrder, { path: { id }, body, ...settings }),
  };

  readonly purchaseOrders = {
    list: (query?: ListQuery<typeof listPurchaseOrders>, settings?: CallSettings) =>
      this.paginate(listPurchaseOrders, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getPurchaseOrder, { path: { id }, ...settings }),
    create: (body: BodyOf<typeof createPurchaseOrder>, settings?: CallSettings) =>
      this.call(createPurchaseOrder, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updatePurchaseOrder>, settings?: CallSettings) =>
      this.call(updatePurchaseOrder, { path: { id }, body, ...settings }),
    submit: (id: string, body: BodyOf<typeof submitPurchaseOrder>, settings?: CallSettings) =>
      this.call(submitPurchaseOrder, { path: { id }, body, ...settings }),
    cancel: (id: string, body: BodyOf<typeof cancelPurchaseOrder>, settings?: CallSettings) =>
      this.call(cancelPurchaseOrder, { path: { id }, body, ...settings }),
    receive: (id: string, body: BodyOf<typeof receivePurchaseOrder>, settings?: CallSettings) =>
      this.call(receivePurchaseOrder, { path: { id }, body, ...settings }),
  };

  readonly invoices = {
    list: (query?: ListQuery<typeof listInvoices>, settings?: CallSettings) =>
      this.paginate(listInvoices, query, settings),
    get: (id: string, settings?: CallSettings) => this.call(getInvoice, { path: { id }, ...settings }),
    recordPayment: (id: string, body: BodyOf<typeof recordPayment>, settings?: CallSettings) =>
      this.call(recordPayment, { path: { id }, body, ...settings }),
    createCreditNote: (id: string, body: BodyOf<typeof createCreditNote>, settings?: CallSettings) =>
      this.call(createCreditNote, { path: { id }, body, ...settings }),
  };

  readonly webhooks = {
    list: (settings?: CallSettings) => this.paginate(listWebhooks, undefined, settings),
    get: (id: string, settings?: CallSettings) => this.call(getWebhook, { path: { id }, ...settings }),
    /** The answer carries the signing secret (`whsec_...`), shown only this once. */
    create: (body: BodyOf<typeof createWebhook>, settings?: CallSettings) =>
      this.call(createWebhook, { body, ...settings }),
    update: (id: string, body: BodyOf<typeof updateWebhook>, settings?: CallSettings) =>
      this.call(updateWebhook, { path: { id }, body, ...settings }),
    delete: (id: string, settings?: CallSettings) => this.call(deleteWebhook, { path: { id }, ...settings }),
    sendTest: (id: string, settings?: CallSettings) => this.call(sendWebhookTest, { path: { id }, ...settings }),
    deliveries: (id: string, query?: ListQuery<typeof listWebhookDeliveries>, settings?: CallSettings) =>
      this.paginate(listWebhookDeliveries, query, { path: { id }, ...settings }),
    replay: (id: string, deliveryId: string, settings?: CallSettings) =>
      this.call(replayWebhookDelivery, { path: { id, deliveryId }, ...settings }),
  };

  readonly apiKeys = {
    list: (settings?: CallSettings) => this.paginate(listApiKeys, undefined, settings),
    /** The answer carries the key itself (`dpk_...`), shown only this once. */
    create: (body: BodyOf<typeof createApiKey>, settings?: CallSettings) =>
      this.call(createApiKey, { body, ...settings }),
    revoke: (id: string, settings?: CallSettings) => this.call(revokeApiKey, { path: { id }, ...settings }),
  };

  /** Request interceptor: records what the call needs to know and adds the Idempotency-Key. */
  private prepare(request: Request, opts: ResolvedRequestOptions): Request {
    // `meta` passes through the generated function untouched (its Options type has it, this one not).
    const state = (opts as { meta?: Record<string, unknown> }).meta?.[CALL_STATE];
    if (!(state instanceof CallState)) return request;
    let key = request.headers.get('idempotency-key');
    if (key === null && (state.keyGiven || (request.method === 'POST' && !this.excluded(request.url)))) {
      request.headers.set('Idempotency-Key', state.idempotencyKey);
      key = state.idempotencyKey;
    }
    state.method = request.method;
    state.url = request.url;
    state.retryable = IDEMPOTENT_METHODS.has(request.method) || key !== null;
    state.authorization = request.headers.get('authorization');
    return request;
  }

  private excluded(url: string): boolean {
    let path = new URL(url, 'http://base.invalid').pathname;
    if (this.basePath && path.startsWith(this.basePath)) path = path.slice(this.basePath.length);
    return isIdempotencyExcluded(path, this.exclusions);
  }

  private worthRetrying(error: DepotApiError): boolean {
    // The same key still running on the server (our earlier attempt, timed out here): wait for it.
    return RETRYABLE_STATUSES.has(error.status) || (error.status === 409 && error.code === IDEMPOTENCY_KEY_IN_PROGRESS);
  }

  private networkFailure(error: unknown, timedOut: boolean, timeoutMs: number, state: CallState): unknown {
    if (timedOut) return new DepotTimeoutError(timeoutMs);
    // fetch rejects with a TypeError when no answer came (refused, reset, DNS); anything else is not ours to retry.
    if (error instanceof TypeError) {
      return new DepotNetworkError(`${state.method ?? 'Request'} ${state.url ?? ''} failed: ${error.message}`, {
        cause: error,
        method: state.method,
        url: state.url,
      });
    }
    return error;
  }

  private sentSessionToken(state: CallState): boolean {
    return (
      this.currentSession !== null &&
      state.authorization !== null &&
      state.authorization.startsWith('Bearer ') &&
      !state.authorization.startsWith('Bearer dpk_')
    );
  }

  /** Refreshes the session unless another call already did since `sentAuthorization` went out. */
  private async refreshAfter401(sentAuthorization: string): Promise<void> {
    const session = this.currentSession;
    if (!session) return;
    if (!this.refreshing) {
      if (sentAuthorization !== `Bearer ${session.accessToken}`) return; // already refreshed: just resend
      this.refreshing = this.refreshSession(session).finally(() => {
        this.refreshing = undefined;
      });
    }
    await this.refreshing;
  }

  private async refreshSession(session: SessionTokens): Promise<void> {
    try {
      const tokens = await this.call(refreshTokens, { body: { refreshToken: session.refreshToken } });
      this.setSession(tokens);
    } catch (error) {
      // A refused refresh token means the session is over (expired, revoked, or reused elsewhere).
      if (error instanceof DepotApiError && (error.status === 400 || error.status === 401)) this.setSession(null);
      throw error;
    }
  }

  private setSession(tokens: TokenResponseDto | null): SessionTokens | null {
    this.currentSession = tokens && {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
      refreshExpiresIn: tokens.refreshExpiresIn,
    };
    this.onSessionChange?.(this.currentSession);
    return this.currentSession;
  }
}

/** The request body type of a generated operation. */
export type BodyOf<F extends OperationFn> = OperationOptions<F>['body'];
/** The query type of a generated operation. */
export type QueryOf<F extends OperationFn> = NonNullable<OperationOptions<F>['query']>;
