import { Inject, Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DomainEventName } from '@depot/contracts';
import { IsNull } from 'typeorm';
import { OutboxService } from '../../../platform/events/outbox.service';
import { AuditService } from '../../audit/audit.service';
import { CredentialRevocations } from '../credentials/credential-revocations';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { newId } from '../../../platform/database/ids';
import { RefreshTokenEntity } from './refresh-token.entity';
import { hashRefreshToken, newRefreshToken } from './refresh-tokens';
import { SessionEntity } from './session.entity';

export type RotateResult =
  | { outcome: 'rotated'; session: SessionEntity; refreshToken: string }
  | { outcome: 'reused'; session: SessionEntity }
  | { outcome: 'invalid' };

/** Sessions and their rotating refresh tokens (one family per session). */
@Injectable()
export class SessionsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: CredentialRevocations,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private get sessions() {
    return this.txHost.tx.getRepository(SessionEntity);
  }

  private get tokens() {
    return this.txHost.tx.getRepository(RefreshTokenEntity);
  }

  @Transactional()
  async start(
    userId: string,
    client: { ip?: string; userAgent?: string },
  ): Promise<{ session: SessionEntity; refreshToken: string }> {
    const now = new Date();
    const session = this.sessions.create({
      id: newId(),
      userId,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.sessionMaxAgeSeconds * 1000),
      revokedAt: null,
      revokedReason: null,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await this.sessions.insert(session);
    const refreshToken = await this.issueToken(session.id, now);
    return { session, refreshToken };
  }

  /**
   * Exchanges a refresh token for a new one. A token presented twice means it was stolen or
   * replayed: the whole session is revoked (reuse detection).
   */
  @Transactional()
  async rotate(token: string): Promise<RotateResult> {
    const row = await this.tokens.findOne({
      where: { tokenHash: hashRefreshToken(token) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) return { outcome: 'invalid' };
    const session = await this.sessions.findOne({ where: { id: row.sessionId }, lock: { mode: 'pessimistic_write' } });
    if (!session || session.revokedAt) return { outcome: 'invalid' };
    const now = new Date();
    if (row.usedAt) {
      await this.revokeSession(session.id, 'refresh_reuse');
      return { outcome: 'reused', session };
    }
    if (row.expiresAt <= now || session.expiresAt <= now) return { outcome: 'invalid' };
    await this.tokens.update({ id: row.id }, { usedAt: now });
    await this.sessions.update({ id: session.id }, { lastUsedAt: now });
    const refreshToken = await this.issueToken(session.id, now);
    return { outcome: 'rotated', session, refreshToken };
  }

  /** Finds the session a refresh token belongs to, used or not. */
  async sessionOfToken(token: string): Promise<SessionEntity | null> {
    const row = await this.tokens.findOneBy({ tokenHash: hashRefreshToken(token) });
    return row ? this.sessions.findOneBy({ id: row.sessionId }) : null;
  }

  async revokeSession(sessionId: string, reason: string): Promise<void> {
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /**
   * Ends a session everywhere: revoked in the database, dropped from every instance's cache,
   * audited, and announced (`session.revoked`) so every instance closes its sockets.
   */
  @Transactional()
  async end(
    session: Pick<SessionEntity, 'id' | 'userId'>,
    reason: string,
    action = 'auth.session.ended',
  ): Promise<void> {
    await this.revokeSession(session.id, reason);
    await this.revocations.announce();
    await this.audit.record({
      action,
      entityType: 'session',
      entityId: session.id,
      changes: { reason: { before: null, after: reason } },
    });
    await this.outbox.record({
      type: DomainEventName.SessionRevoked,
      aggregateType: 'session',
      aggregateId: session.id,
      payload: { sessionId: session.id, userId: session.userId, reason },
    });
  }

  /** Ends every active session of a user (password change, disable, logout everywhere). */
  @Transactional()
  async endAllForUser(userId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const active = await this.sessions.find({
      where: { userId, revokedAt: IsNull() },
      select: { id: true, userId: true },
    });
    const ending = active.filter((session) => session.id !== exceptSessionId);
    for (const session of ending) await this.end(session, reason);
    return ending.length;
  }

  /** Active sessions of a user, most recently used first. */
  listActive(userId: string): Promise<SessionEntity[]> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', { userId })
      .orderBy('s.last_used_at', 'DESC')
      .getMany();
  }

  findActive(userId: string, sessionId: string): Promise<SessionEntity | null> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.id = :sessionId AND s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > now()', {
        sessionId,
        userId,
      })
      .getOne();
  }

  private async issueToken(sessionId: string, now: Date): Promise<string> {
    const { token, hash } = newRefreshToken();
    await this.tokens.insert({
      id: newId(),
      sessionId,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + this.config.auth.refreshTokenTtlSeconds * 1000),
      usedAt: null,
    });
    return token;
  }
}
