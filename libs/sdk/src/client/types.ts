/**
 * Types that let `DepotClient.call` and `paginate` take any generated operation function and keep
 * its request and response types.
 */

/** Any function generated in `sdk.gen.ts` (e.g. `listProducts`, `createProduct`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches every generated signature
export type OperationFn = (options?: any) => Promise<unknown>;

/** The options object a generated function takes. */
export type OperationOptions<F extends OperationFn> = NonNullable<Parameters<F>[0]>;

/** What the operation answers on success (the 2xx body). */
export type OperationData<F extends OperationFn> =
  Awaited<ReturnType<F>> extends infer R ? (R extends { data: infer D } ? Exclude<D, undefined> : never) : never;

/** Per-call settings the DepotClient adds to every operation. */
export interface CallSettings {
  /** Aborts the call, its retries and their waits. */
  signal?: AbortSignal;
  /** Timeout of each attempt; default the client's `timeoutMs` (30 s). */
  timeoutMs?: number;
  /**
   * Key sent as `Idempotency-Key` (on any method). Default for POST: a random UUID per call,
   * the same on each of its retries; none on the client's `idempotencyExclusions`.
   */
  idempotencyKey?: string;
  /** Attempts for this call (1: no retries); default the client's `retry.maxAttempts`. */
  maxAttempts?: number;
}

/**
 * The options of `DepotClient.call(fn, options)`: the generated function's options (`path`,
 * `query`, `body`, `headers`...) without the ones the client owns, plus `CallSettings`.
 */
export type CallOptions<F extends OperationFn> = Omit<
  OperationOptions<F>,
  'client' | 'throwOnError' | 'responseStyle' | 'signal' | 'baseUrl' | 'fetch' | 'auth'
> &
  CallSettings;

/** `[options?]` when the operation's options are optional, `[options]` when they are required. */
export type CallArgs<F extends OperationFn> = undefined extends Parameters<F>[0]
  ? [options?: CallOptions<F>]
  : [options: CallOptions<F>];

/** The `query` of a list operation, without `cursor` (the iterator owns it). */
export type ListQuery<F extends OperationFn> = Omit<NonNullable<OperationOptions<F>['query']>, 'cursor'>;

/** The element type of a list operation's answer: `{ items: T[] }` or, on older lists, `T[]`. */
export type ItemOf<D> = D extends { items: Array<infer T> } ? T : D extends Array<infer T> ? T : never;
