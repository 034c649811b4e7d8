import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeGateway } from './realtime/realtime.gateway';
import { WebhookDeliveryEntity } from './webhooks/webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhooks/webhook-endpoint.entity';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
import { WebhookOutboxHandler } from './webhooks/webhook-outbox.handler';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

/** Realtime push to browsers and signed webhooks to integrators, both fed by the outbox. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity, WebhookDeliveryEntity])],
  controllers: [WebhooksController],
  providers: [RealtimeGateway, WebhooksService, WebhookOutboxHandler, WebhookDeliveryWorker],
})
export class NotificationsModule {}
