import { Inject, Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { Permission, type CurrentUserDto, type TokenResponse } from '@depot/contracts';
import { AccessTokenService } from '../../../platform/auth/access-token.service';
import type { Principal } from '../../../platform/auth/principal';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { AuditService } from '../../audit/audit.service';
import { InvalidMfaCodeError, MfaRequiredError } from '../mfa/mfa.errors';
import { MfaService, type SecondFactor } from '../mfa/mfa.service';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionsService, type RotateResult } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password-hasher';
import { UserStatus, type UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './auth.errors';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly audit: AuditService,
    private readonly mfa: MfaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Signs in with e-mail and password and, for accounts with MFA, `mfaCode`: a TOTP code or a
   * recovery code. Without it the answer is 401 AUTH.MFA_REQUIRED, so clients ask for the code
   * only after the password was right.
   */
  async login(email: string, password: string, client: ClientInfo, mfaCode?: string): Promise<TokenResponse> {
    const user = await this.users.findForLogin(email);
    if (!user) {
      await this.hasher.verifyAgainstDummy(password);
      await this.recordFailure(email, null);
      throw new InvalidCredentialsError();
    }
    const valid = await this.hasher.verify(user.passwordHash, password);
    if (!valid || user.status !== UserStatus.Active) {
      await this.recordFailure(email, user.id);
      throw new InvalidCredentialsError();
    }
    const secondFactor = user.mfaEnabledAt ? await this.checkSecondFactor(email, user, mfaCode) : null;
    const { session, refreshToken } = await this.sessions.start(user.id, client);
    await this.audit.record({
      action: 'auth.login.succeeded',
      entityType: 'user',
      entityId: user.id,
      actor: { type: 'user', id: user.id, label: user.email },
      changes: secondFactor ? { secondFactor: { before: null, after: secondFactor } } : null,
    });
    return this.tokens(user.id, session.id, refreshToken);
  }

  async refresh(refreshToken: string | undefined): Promise<TokenResponse> {
    if (!refreshToken) throw new InvalidRefreshTokenError();
    // The rotation (or the revocation on reuse) commits before the error is thrown.
    const result = await this.rotateOrRevoke(refreshToken);
    if (result.outcome !== 'rotated') throw new InvalidRefreshTokenError();
    return this.tokens(result.session.userId, result.session.id, result.refreshToken);
  }

  /** Ends the session of the refresh token. Always succeeds, so it reveals nothing. */
  @Transactional()
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const session = await this.sessions.sessionOfToken(refreshToken);
    if (!session || session.revokedAt) return;
    await this.endSession(session, 'logout', 'auth.logout');
  }

  @Transactional()
  private async rotateOrRevoke(refreshToken: string): Promise<RotateResult> {
    const result = await this.sessions.rotate(refreshToken);
    if (result.outcome === 'reused') {
      await this.endSession(result.session, 'refresh_reuse', 'auth.refresh.reuse_detected');
    }
    return result;
  }

  private async endSession(session: SessionEntity, reason: string, action: string): Promise<void> {
    await this.sessions.end(session, reason, action);
  }

  me(principal: Principal): CurrentUserDto {
    return {
      id: principal.userId,
      email: principal.email,
      displayName: principal.displayName,
      roles: principal.roles,
      // The development mailbox does not exist in production (mail.module.ts): not offering it
      // keeps clients from asking for a route that answers 404.
      permissions: [...principal.permissions]
        .filter((permission) => !this.config.isProduction || permission !== Permission.DevMailboxRead)
        .sort(),
      mfaEnabled: principal.mfaEnabled,
      mfaRequired: principal.mfaRequired,
      mustChangePassword: principal.mustChangePassword,
    };
  }

  /** A fresh session for a user who just proved who they are (e.g. after changing the password). */
  async startSession(userId: string, client: ClientInfo): Promise<TokenResponse> {
    const { session, refreshToken } = await this.sessions.start(userId, client);
    return this.tokens(userId, session.id, refreshToken);
  }

  private tokens(userId: string, sessionId: string, refreshToken: string): TokenResponse {
    return {
      tokenType: 'Bearer',
      accessToken: this.accessTokens.issue(userId, sessionId),
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: this.config.auth.refreshTokenTtlSeconds,
    };
  }

  /** Spends the sign-in's TOTP or recovery code (each works once); throws 401 without a valid one. */
  private async checkSecondFactor(email: string, user: UserEntity, mfaCode: string | undefined): Promise<SecondFactor> {
    if (!mfaCode?.trim()) {
      await this.audit.record({
        action: 'auth.login.mfa_required',
        entityType: 'user',
        entityId: user.id,
        actor: { type: 'anonymous', id: null, label: email.slice(0, 254) },
      });
      throw new MfaRequiredError();
    }
    const secondFactor = await this.mfa.verifyLoginCode(user.id, mfaCode);
    if (!secondFactor) {
      await this.recordFailure(email, user.id, 'invalid_mfa_code');
      throw new InvalidMfaCodeError();
    }
    return secondFactor;
  }

  private async recordFailure(email: string, userId: string | null, reason?: string): Promise<void> {
    await this.audit.record({
      action: 'auth.login.failed',
      entityType: 'user',
      entityId: userId,
      actor: { type: 'anonymous', id: null, label: email.slice(0, 254) },
      changes: reason ? { reason: { before: null, after: reason } } : null,
    });
  }
}
