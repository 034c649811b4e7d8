import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { UserStatus, type ForgotPasswordResponse } from '@depot/contracts';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { UsersService } from '../users/users.service';
import { InvalidPasswordTokenError } from './password-reset.errors';
import { PasswordTokensService, RESET_TOKEN_TTL_MINUTES } from './password-tokens.service';

/**
 * Every answer to "forgot password" takes at least this long, so the response time does not
 * tell whether an account exists (the known path writes a token, a message and an audit row).
 */
export const FORGOT_PASSWORD_MIN_MS = 250;
/** At most this many reset e-mails per account per window, whoever asks (no mail bombing). */
export const MAX_RESET_MAILS = 3;
export const RESET_MAIL_WINDOW_MINUTES = 15;

const FORGOT_PASSWORD_ANSWER: ForgotPasswordResponse = {
  message: 'If an active account uses this address, a link to reset its password is on its way.',
};

/** "Forgot password" links and setting a password with a reset or invitation link. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: PasswordTokensService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /** Mails a reset link to an active account with this address; the same answer either way. */
  async forgot(email: string): Promise<ForgotPasswordResponse> {
    const started = Date.now();
    // Only queues the mail (the delivery worker sends it after commit), so an SMTP outage can
    // neither fail this request nor, by answering differently, tell that the address exists.
    await this.sendResetLink(email);
    await sleep(Math.max(0, started + FORGOT_PASSWORD_MIN_MS - Date.now()));
    return FORGOT_PASSWORD_ANSWER;
  }

  /** Sets a new password with a link's token. Ends every session of the user. */
  @Transactional()
  async reset(token: string, newPassword: string): Promise<void> {
    const spent = await this.tokens.consume(token);
    if (!spent) throw new InvalidPasswordTokenError();
    const user = await this.users.get(spent.userId);
    if (user.status !== UserStatus.Active) throw new InvalidPasswordTokenError();
    const invite = spent.purpose === 'invite';
    // Checks the policy (400 on `newPassword`, which rolls the token back to unused), stores
    // the argon2id hash, clears mustChangePassword and ends all sessions.
    await this.users.setPassword(user.id, newPassword, invite ? 'invite_accepted' : 'password_reset');
    await this.audit.record({
      action: invite ? 'auth.invite.accepted' : 'auth.password.reset',
      entityType: 'user',
      entityId: user.id,
      actor: { type: 'user', id: user.id, label: user.email },
    });
    if (!invite) {
      await this.mail.send({
        to: user.email,
        template: 'password-changed',
        data: { displayName: user.displayName, changedAt: new Date() },
      });
    }
  }

  @Transactional()
  private async sendResetLink(email: string): Promise<void> {
    const user = await this.users.findForLogin(email);
    const anonymous = { type: 'anonymous' as const, id: null, label: email.slice(0, 254) };
    if (!user || user.status !== UserStatus.Active) {
      await this.audit.record({
        action: 'auth.password.reset_requested',
        entityType: 'user',
        entityId: null,
        actor: anonymous,
      });
      return;
    }
    if ((await this.tokens.countRecent(user.id, 'reset', RESET_MAIL_WINDOW_MINUTES)) >= MAX_RESET_MAILS) {
      await this.audit.record({
        action: 'auth.password.reset_throttled',
        entityType: 'user',
        entityId: user.id,
        actor: anonymous,
      });
      return;
    }
    const token = await this.tokens.issue(user.id, 'reset', RESET_TOKEN_TTL_MINUTES);
    await this.mail.send({
      to: user.email,
      template: 'password-reset',
      data: {
        displayName: user.displayName,
        link: this.tokens.linkFor(token, 'reset'),
        expiresInMinutes: RESET_TOKEN_TTL_MINUTES,
      },
    });
    await this.audit.record({
      action: 'auth.password.reset_requested',
      entityType: 'user',
      entityId: user.id,
      actor: anonymous,
    });
  }
}
