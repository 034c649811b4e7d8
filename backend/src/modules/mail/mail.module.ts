import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { DevMailEntity } from './dev-mail.entity';
import { DevMailboxController } from './dev-mailbox.controller';
import { DevMailboxService } from './dev-mailbox.service';
import { MailDeliveryWorker } from './mail-delivery.worker';
import { MailMessagesController } from './mail-messages.controller';
import { MailMessagesService } from './mail-messages.service';
import { MailRenderer } from './mail-renderer';
import { MailService } from './mail.service';

/**
 * E-mail for every module (global, like the audit trail): `MailService` queues, the delivery
 * worker sends after commit. The development mailbox routes are only mounted outside
 * production, so there they answer the ordinary 404.
 */
@Module({})
export class MailModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      global: true,
      imports: [TypeOrmModule.forFeature([DevMailEntity])],
      controllers: config.isProduction ? [MailMessagesController] : [MailMessagesController, DevMailboxController],
      providers: [
        MailService,
        MailMessagesService,
        MailDeliveryWorker,
        DevMailboxService,
        {
          provide: MailRenderer,
          inject: [APP_CONFIG],
          useFactory: (app: AppConfig) => new MailRenderer(app.publicUrl),
        },
      ],
      exports: [MailService],
    };
  }
}
