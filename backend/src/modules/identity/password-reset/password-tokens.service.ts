import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PASSWORD_TOKEN_LIMITS } from '@depot/contracts';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { newId } from '../../../platform/database/ids';
import type { PasswordTokenPurpose } from './password-token.entity';

export const RESET_TOKEN_TTL_MINUTES = PASSWORD_TOKEN_LIMITS.resetTtlMinutes;
export const INVITE_TOKEN_TTL_MINUTES = PASSWORD_TOKEN_LIMITS.inviteTtlHours * 60;

export function hashPasswordToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Single-use, expiring tokens for the links that set a password (reset and invitation):
 * 256 random bits, base64url; only the SHA-256 is stored.
 */
@Injectable()
export class PasswordTokensService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new token for the user, valid `ttlMinutes`; returns the raw token (put it in a link with
   * `linkFor`). Only the newest link of a purpose works: issuing one expires the older ones.
   */
  @Transactional()
  async issue(userId: string, purpose: PasswordTokenPurpose, ttlMinutes: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.txHost.tx.query(
      `UPDATE password_tokens SET expires_at = now()
        WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [userId, purpose],
    );
    await this.txHost.tx.query(
      `INSERT INTO password_tokens (id, user_id, purpose, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [newId(), userId, purpose, hashPasswordToken(token), ttlMinutes],
    );
    return token;
  }

  /** The admin UI page that sets the password: `${PUBLIC_URL}/reset-password?token=...` (`&invite=1`). */
  linkFor(token: string, purpose: PasswordTokenPurpose): string {
    const query = new URLSearchParams({ token });
    if (purpose === 'invite') query.set('invite', '1');
    return `${this.config.publicUrl}/reset-password?${query.toString()}`;
  }

  /**
   * Spends a token: returns whose it is and what for, or null when it is unknown, used or
   * expired. One conditional update, so of two concurrent uses only one succeeds.
   */
  async consume(token: string): Promise<{ userId: string; purpose: PasswordTokenPurpose } | null> {
    const [rows] = await this.txHost.tx.query<[{ user_id: string; purpose: PasswordTokenPurpose }[], number]>(
      `UPDATE password_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id, purpose`,
      [hashPasswordToken(token)],
    );
    return rows[0] ? { userId: rows[0].user_id, purpose: rows[0].purpose } : null;
  }

  /** How many tokens of a purpose the user was sent in the last `minutes` (to cap e-mails). */
  async countRecent(userId: string, purpose: PasswordTokenPurpose, minutes: number): Promise<number> {
    const [{ count }] = await this.txHost.tx.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM password_tokens
        WHERE user_id = $1 AND purpose = $2 AND created_at > now() - make_interval(mins => $3)`,
      [userId, purpose, minutes],
    );
    return count;
  }
}
