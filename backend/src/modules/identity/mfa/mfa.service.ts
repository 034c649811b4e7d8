import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ErrorCode, MFA_LIMITS, type EnableTotpResponse, type TotpSetupResponse, type UserDto } from '@depot/contracts';
import * as QRCode from 'qrcode';
import type { Principal } from '../../../platform/auth/principal';
import { SecretBox } from '../../../platform/crypto/secret-box';
import { SECRET_COLUMNS } from '../../../platform/crypto/secrets-at-rest';
import { newId } from '../../../platform/database/ids';
import { AppError, NotFoundError } from '../../../platform/http/app-error';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { CredentialRevocations } from '../credentials/credential-revocations';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { InvalidEnrolmentCodeError, MfaAlreadyEnabledError, MfaNotSetUpError } from './mfa.errors';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { isTotpCode, matchTotp, newTotpSecret, totpUri } from './totp';

interface MfaState {
  email: string;
  display_name: string;
  mfa_secret: string | null;
  mfa_enabled_at: Date | null;
  mfa_last_step: number | null;
}

export type SecondFactor = 'totp' | 'recovery_code';

const MFA_SECRET_CONTEXT = SECRET_COLUMNS.mfaSecret.context;

/**
 * Two-step verification with TOTP authenticator apps, and single-use recovery codes.
 * The TOTP secret is stored encrypted in `users.mfa_secret` (SecretBox, key outside the
 * database), returned once at setup, never logged or audited.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly revocations: CredentialRevocations,
    private readonly box: SecretBox,
  ) {}

  /** Starts enrolment: a new pending secret, replacing any earlier unconfirmed one. */
  @Transactional()
  async setupTotp(userId: string): Promise<TotpSetupResponse> {
    const state = await this.lockedState(userId);
    if (state.mfa_enabled_at) throw new MfaAlreadyEnabledError();
    const secret = newTotpSecret();
    await this.txHost.tx.query('UPDATE users SET mfa_secret = $2 WHERE id = $1', [
      userId,
      this.box.encrypt(secret, MFA_SECRET_CONTEXT),
    ]);
    await this.audit.record({ action: 'auth.mfa.setup_started', entityType: 'user', entityId: userId });
    const otpauthUrl = totpUri(secret, state.email);
    const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, otpauthUrl, qrCodeDataUrl };
  }

  /** Confirms enrolment with a code from the app; answers the recovery codes, once. */
  async enableTotp(principal: Principal, code: string): Promise<EnableTotpResponse> {
    const result = await this.confirmTotp(principal.userId, code);
    // After the commit: no instance keeps serving "MFA off" from its cache.
    await this.revocations.announce();
    return result;
  }

  /** Turns MFA off for the signed-in user, who proves it is them with the password. */
  async disable(principal: Principal, password: string): Promise<void> {
    await this.disableWithPassword(principal.userId, password);
    await this.revocations.announce();
  }

  /** An administrator clears another user's MFA (a lost phone); they can enrol again. */
  @Transactional()
  async resetForUser(actor: Principal, userId: string): Promise<UserDto> {
    if (actor.userId === userId) {
      throw new AppError(
        409,
        ErrorCode.Forbidden,
        'Conflict',
        'You cannot reset your own two-step verification; turn it off under your profile instead.',
      );
    }
    const state = await this.lockedState(userId);
    if (await this.clear(userId, state)) {
      await this.audit.record({
        action: 'auth.mfa.reset',
        entityType: 'user',
        entityId: userId,
        changes: { mfaEnabled: { before: true, after: false } },
      });
      await this.notify(state, 'reset');
      await this.revocations.announce();
    }
    return this.users.get(userId);
  }

  /**
   * Checks a sign-in's second factor and spends it: a TOTP code (never the same time step
   * twice) or an unused recovery code. Null when it is neither. Each check is one atomic
   * statement, so two concurrent sign-ins cannot both use the same code.
   */
  async verifyLoginCode(userId: string, input: string): Promise<SecondFactor | null> {
    const code = input.replace(/\s+/g, '');
    if (isTotpCode(code)) {
      const rows = await this.txHost.tx.query<Pick<MfaState, 'mfa_secret' | 'mfa_last_step'>[]>(
        'SELECT mfa_secret, mfa_last_step FROM users WHERE id = $1 AND mfa_enabled_at IS NOT NULL',
        [userId],
      );
      const state = rows[0];
      if (!state?.mfa_secret) return null;
      const secret = this.box.decrypt(state.mfa_secret, MFA_SECRET_CONTEXT);
      const step = matchTotp(secret, code, { afterStep: state.mfa_last_step });
      if (step === null) return null;
      const [, affected] = await this.txHost.tx.query<[unknown[], number]>(
        'UPDATE users SET mfa_last_step = $2 WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)',
        [userId, step],
      );
      return affected === 1 ? 'totp' : null;
    }
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) return null;
    const [, affected] = await this.txHost.tx.query<[unknown[], number]>(
      `UPDATE mfa_recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, hashRecoveryCode(normalized)],
    );
    return affected === 1 ? 'recovery_code' : null;
  }

  @Transactional()
  private async confirmTotp(userId: string, code: string): Promise<EnableTotpResponse> {
    const state = await this.lockedState(userId);
    if (state.mfa_enabled_at) throw new MfaAlreadyEnabledError();
    if (!state.mfa_secret) throw new MfaNotSetUpError();
    const step = matchTotp(this.box.decrypt(state.mfa_secret, MFA_SECRET_CONTEXT), code.replace(/\s+/g, ''));
    if (step === null) throw new InvalidEnrolmentCodeError();
    // The confirming code counts as used: it cannot sign in a second time.
    await this.txHost.tx.query(
      `UPDATE users SET mfa_enabled_at = now(), mfa_last_step = $2, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [userId, step],
    );
    const recoveryCodes = newRecoveryCodes(MFA_LIMITS.recoveryCodeCount);
    await this.txHost.tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await this.txHost.tx.query(
      'INSERT INTO mfa_recovery_codes (id, user_id, code_hash) SELECT unnest($1::uuid[]), $2, unnest($3::text[])',
      [
        recoveryCodes.map(() => newId()),
        userId,
        recoveryCodes.map((recoveryCode) => hashRecoveryCode(normalizeRecoveryCode(recoveryCode)!)),
      ],
    );
    await this.audit.record({
      action: 'auth.mfa.enabled',
      entityType: 'user',
      entityId: userId,
      changes: { mfaEnabled: { before: false, after: true } },
    });
    await this.notify(state, 'enabled');
    return { recoveryCodes };
  }

  @Transactional()
  private async disableWithPassword(userId: string, password: string): Promise<void> {
    const user = await this.users.findWithPassword(userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, password))) {
      throw new AppError(400, ErrorCode.WrongPassword, 'Bad Request', 'The password is not correct.', [
        { field: 'password', message: 'password is not correct', code: 'wrongPassword' },
      ]);
    }
    const state = await this.lockedState(userId);
    if (await this.clear(userId, state)) {
      await this.audit.record({
        action: 'auth.mfa.disabled',
        entityType: 'user',
        entityId: userId,
        changes: { mfaEnabled: { before: true, after: false } },
      });
      await this.notify(state, 'disabled');
    }
  }

  /** Removes secret, replay marker and recovery codes; true when MFA was on. */
  private async clear(userId: string, state: MfaState): Promise<boolean> {
    if (state.mfa_enabled_at === null) {
      // Only an unconfirmed setup to drop: the user's visible state does not change.
      if (state.mfa_secret !== null)
        await this.txHost.tx.query('UPDATE users SET mfa_secret = NULL WHERE id = $1', [userId]);
      return false;
    }
    await this.txHost.tx.query(
      `UPDATE users SET mfa_secret = NULL, mfa_enabled_at = NULL, mfa_last_step = NULL,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [userId],
    );
    await this.txHost.tx.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    return true;
  }

  private async notify(state: MfaState, change: 'enabled' | 'disabled' | 'reset'): Promise<void> {
    await this.mail.send({
      to: state.email,
      template: 'mfa-changed',
      data: { displayName: state.display_name, change, changedAt: new Date() },
    });
  }

  private async lockedState(userId: string): Promise<MfaState> {
    const rows = await this.txHost.tx.query<MfaState[]>(
      `SELECT email, display_name, mfa_secret, mfa_enabled_at, mfa_last_step FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    if (!rows[0]) throw new NotFoundError(ErrorCode.UserNotFound, `No user with id ${userId}.`);
    return rows[0];
  }
}
