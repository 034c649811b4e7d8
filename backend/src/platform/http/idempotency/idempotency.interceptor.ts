import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IDEMPOTENT_REPLAY_HEADER, INVENTORY_LIMITS } from '@depot/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { RequestContext } from '../../context/request-context';
import {
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  InvalidIdempotencyKeyError,
} from './idempotency.errors';
import { stableJson } from './stable-json';

const KEY_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${INVENTORY_LIMITS.idempotencyKeyMaxLength}}$`);
/** How long a key is remembered. */
const RETENTION = '24 hours';

interface StoredResponse {
  request_hash: string;
  response_status: number;
  response_body: unknown;
}

/**
 * `Idempotency-Key` for POSTs that move stock or money (QUALITY R3). The whole request runs in
 * one transaction that also stores its response under the key, so the effect and the record of
 * it commit together:
 * - a transaction-scoped advisory lock on (caller, key) lets one request run; a duplicate that
 *   arrives meanwhile gets 409 at once;
 * - a later duplicate with the same body gets the stored response (`Idempotent-Replayed: true`);
 *   with a different body, 422;
 * - a failed request stores nothing (its transaction rolled back), so it may be retried.
 * Keys are per caller (user or API key) and kept for 24 hours.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new InvalidIdempotencyKeyError();

    const principal = this.cls.isActive() ? this.cls.get('principal') : undefined;
    const scope = principal ? `${principal.kind}:${principal.apiKeyId ?? principal.userId}` : 'anonymous';
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    // Keyed, so a stored fingerprint of a body that held a password (user creation) cannot be
    // attacked offline without the server's secret.
    const hash = createHmac('sha256', this.config.auth.jwtSecret)
      .update(`${route}\n${stableJson(request.body)}`)
      .digest('hex');

    return from(
      this.txHost.withTransaction(async () => {
        const db = this.txHost.tx;
        const [{ locked }] = await db.query<[{ locked: boolean }]>(
          'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
          [`idempotency\n${scope}\n${key}`],
        );
        if (!locked) throw new IdempotencyKeyInProgressError();
        await db.query(
          `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at < now() - interval '${RETENTION}'`,
          [scope, key],
        );
        const [stored] = await db.query<StoredResponse[]>(
          'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
          [scope, key],
        );
        if (stored) {
          if (stored.request_hash !== hash) throw new IdempotencyKeyReusedError();
          void reply.header(IDEMPOTENT_REPLAY_HEADER, 'true').status(stored.response_status);
          return stored.response_body;
        }
        const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined });
        await db.query(
          `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body)
           VALUES ($1, $2, $3, $4, $5)`,
          [scope, key, hash, reply.statusCode, body === undefined ? null : JSON.stringify(body)],
        );
        return body;
      }),
    );
  }
}
