import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MailTemplateName } from '@depot/contracts';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { newId } from '../../platform/database/ids';
import { MailDeliveryError } from './mail.errors';
import { MailRenderer } from './mail-renderer';
import type { MailMessage } from './mail-templates';

/**
 * Sends Depot's e-mails. With SMTP_URL they go out through nodemailer; without, they are kept
 * in the `dev_mailbox` table (in the caller's transaction, so a rolled-back use case leaves no
 * message behind) for developers and tests to read.
 *
 * SMTP delivery happens inside the request (and inside its transaction, when there is one): a
 * failure answers 503 and rolls the use case back. If the commit fails after a successful send,
 * the recipient holds a link that does not work, which is harmless. A queue delivering after
 * commit (the outbox) is the way to go once mail volume or SMTP latency matters.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly smtp?: Transporter;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly renderer: MailRenderer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    if (config.mail.smtpUrl) {
      this.smtp = createTransport(config.mail.smtpUrl, { from: config.mail.from });
    } else if (config.isProduction) {
      this.logger.warn('SMTP_URL is not set: e-mails are kept in the dev_mailbox table and not sent');
    }
  }

  onModuleDestroy(): void {
    this.smtp?.close();
  }

  async send<T extends MailTemplateName>(message: MailMessage<T>): Promise<void> {
    const { subject, html, text } = this.renderer.render(message.template, message.data);
    if (this.smtp) {
      try {
        await this.smtp.sendMail({ to: message.to, subject, html, text });
      } catch (error) {
        // The message itself may hold a link with a token: log only what failed.
        this.logger.error(
          { template: message.template, err: { message: (error as Error).message } },
          'sending e-mail failed',
        );
        throw new MailDeliveryError();
      }
      return;
    }
    await this.txHost.tx.query(
      'INSERT INTO dev_mailbox (id, "to", subject, template, html, text) VALUES ($1, $2, $3, $4, $5, $6)',
      [newId(), message.to, subject, message.template, html, text],
    );
  }
}
