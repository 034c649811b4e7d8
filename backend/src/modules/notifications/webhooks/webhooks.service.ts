import { Inject, Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  PAGINATION,
  type CreatedWebhookEndpointDto,
  type Page,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  type WebhookEventType,
  type WebhookTestPayload,
} from '@depot/contracts';
import type { Principal } from '../../../platform/auth/principal';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { SecretBox } from '../../../platform/crypto/secret-box';
import { SECRET_COLUMNS } from '../../../platform/crypto/secrets-at-rest';
import { newId } from '../../../platform/database/ids';
import { VersionConflictError } from '../../../platform/http/app-error';
import { decodeCursor } from '../../../platform/http/pagination/cursor';
import { toPage } from '../../../platform/http/pagination/page';
import { AuditService } from '../../audit/audit.service';
import type {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryListQueryDto,
} from './dto/webhook.dto';
import { urlProblem } from './safe-target';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { newWebhookSecret } from './webhook-signing';
import { UnsafeWebhookUrlError, WebhookDeliveryNotFoundError, WebhookNotFoundError } from './webhooks.errors';
import { assertExpectedVersion } from '../../../platform/http/conditional/conditional-requests';
import { countCapped } from '../../../platform/http/pagination/total';
import { parseSort } from '../../../platform/http/pagination/sort';

function endpointDto(endpoint: WebhookEndpointEntity): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes as WebhookEventType[],
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince?.toISOString() ?? null,
    version: endpoint.version,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

export function deliveryDto(delivery: WebhookDeliveryEntity): WebhookDeliveryDto {
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    eventType: delivery.eventType,
    status: delivery.status === 'in_flight' ? 'pending' : delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    responseStatus: delivery.responseStatus,
    responseTimeMs: delivery.responseTimeMs,
    responseBody: delivery.responseBody,
    lastError: delivery.lastError,
    requestBody: delivery.requestBody,
    createdAt: delivery.createdAt.toISOString(),
  };
}

/** What a delivery is made from: a committed domain event, or the `webhook.test` message. */
interface WebhookSource {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  payload: object;
}

/**
 * The body every endpoint receives, serialised once: a `WebhookMessage` (Standard Webhooks
 * shape, `data` = the aggregate plus the payload's fields), as the AsyncAPI document describes.
 */
export function deliveryBody(event: WebhookSource): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.occurredAt,
    data: { aggregateType: event.aggregateType, aggregateId: event.aggregateId, ...event.payload },
  });
}

/** Webhook endpoints (admin-managed) and their delivery log. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly box: SecretBox,
  ) {}

  private get endpoints() {
    return this.txHost.tx.getRepository(WebhookEndpointEntity);
  }

  private get deliveries() {
    return this.txHost.tx.getRepository(WebhookDeliveryEntity);
  }

  async list(): Promise<WebhookEndpointDto[]> {
    return (await this.endpoints.find({ order: { createdAt: 'DESC' } })).map(endpointDto);
  }

  async get(id: string): Promise<WebhookEndpointDto> {
    return endpointDto(await this.find(id));
  }

  @Transactional()
  async create(owner: Principal, input: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointDto> {
    this.assertSafe(input.url);
    const secret = newWebhookSecret();
    const endpoint = this.endpoints.create({
      id: newId(),
      ownerUserId: owner.userId,
      url: input.url,
      description: input.description ?? '',
      eventTypes: [...new Set(input.eventTypes)].sort(),
      secret: this.box.encrypt(secret, SECRET_COLUMNS.webhookSecret.context),
      enabled: true,
      disabledReason: null,
      failingSince: null,
      version: 1,
    });
    await this.endpoints.insert(endpoint);
    const saved = await this.find(endpoint.id);
    await this.audit.record({
      action: 'notifications.webhook.created',
      entityType: 'webhook_endpoint',
      entityId: saved.id,
      changes: { url: { before: null, after: saved.url }, eventTypes: { before: null, after: saved.eventTypes } },
    });
    // The only time the secret leaves the server, in clear for the integrator to verify with.
    return { ...endpointDto(saved), secret };
  }

  @Transactional()
  async update(id: string, input: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    const before = await this.find(id, true);
    if (before.version !== input.version) throw new VersionConflictError('webhook endpoint', input.version);
    if (input.url !== undefined) this.assertSafe(input.url);
    const next = {
      url: input.url ?? before.url,
      description: input.description ?? before.description,
      eventTypes: input.eventTypes ? [...new Set(input.eventTypes)].sort() : before.eventTypes,
      enabled: input.enabled ?? before.enabled,
    };
    // Saving without changing anything writes nothing (no new version, no audit row).
    if (
      (['url', 'description', 'eventTypes', 'enabled'] as const).every(
        (key) => JSON.stringify(before[key]) === JSON.stringify(next[key]),
      )
    ) {
      return this.get(id);
    }
    await this.endpoints.update(
      { id, version: input.version },
      {
        ...next,
        // Switching an endpoint back on gives it a fresh start.
        ...(input.enabled === true ? { disabledReason: null, failingSince: null } : {}),
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      },
    );
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of ['url', 'description', 'eventTypes', 'enabled'] as const) {
      if (JSON.stringify(before[key]) !== JSON.stringify(next[key]))
        changes[key] = { before: before[key], after: next[key] };
    }
    await this.audit.record({
      action: 'notifications.webhook.updated',
      entityType: 'webhook_endpoint',
      entityId: id,
      changes,
    });
    return this.get(id);
  }

  @Transactional()
  async remove(id: string, expectedVersion?: number): Promise<void> {
    const endpoint = await this.find(id);
    assertExpectedVersion(endpoint.version, expectedVersion);
    await this.deliveries.delete({ endpointId: id });
    await this.endpoints.delete({ id });
    await this.audit.record({
      action: 'notifications.webhook.deleted',
      entityType: 'webhook_endpoint',
      entityId: id,
      changes: { url: { before: endpoint.url, after: null } },
    });
  }

  /** Queues a `webhook.test` message to this endpoint only. */
  @Transactional()
  async sendTest(id: string): Promise<WebhookDeliveryDto> {
    const endpoint = await this.find(id);
    const payload: WebhookTestPayload = { message: 'This is a test event from Depot.' };
    const event = {
      id: newId(),
      type: 'webhook.test',
      aggregateType: 'webhook_endpoint',
      aggregateId: endpoint.id,
      occurredAt: new Date().toISOString(),
      payload,
    } satisfies WebhookSource;
    return deliveryDto(await this.enqueue(endpoint.id, event.id, event.type, deliveryBody(event)));
  }

  /** Sends a past message again, with the same `webhook-id` so receivers can de-duplicate. */
  @Transactional()
  async replay(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.find(endpointId);
    const original = await this.deliveries.findOneBy({ id: deliveryId, endpointId });
    if (!original) throw new WebhookDeliveryNotFoundError(deliveryId);
    await this.audit.record({
      action: 'notifications.webhook.replayed',
      entityType: 'webhook_delivery',
      entityId: deliveryId,
    });
    return deliveryDto(await this.enqueue(endpointId, original.messageId, original.eventType, original.requestBody));
  }

  async listDeliveries(endpointId: string, query: WebhookDeliveryListQueryDto): Promise<Page<WebhookDeliveryDto>> {
    await this.find(endpointId);
    const limit = query.limit ?? PAGINATION.defaultLimit;
    const sort = parseSort(query.sort, { createdAt: 'd.created_at' }, '-createdAt');
    const direction = sort.descending ? 'DESC' : 'ASC';
    const builder = this.deliveries
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId', { endpointId })
      .orderBy('d.created_at', direction)
      .addOrderBy('d.id', direction)
      .take(limit + 1);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      builder.andWhere(`(d.created_at, d.id) ${sort.descending ? '<' : '>'} (:createdAt, :id)`, {
        createdAt: cursor.sortValue,
        id: cursor.id,
      });
    }
    const rows = await builder.getMany();
    const total = query.includeTotal
      ? await countCapped(this.deliveries.manager, 'webhook_deliveries d', ['d.endpoint_id = $1'], [endpointId])
      : undefined;
    return toPage(rows, limit, (row) => row.createdAt.toISOString(), deliveryDto, total);
  }

  /** Inserts a pending delivery, due now. Used by the outbox handler, tests and replays. */
  async enqueue(
    endpointId: string,
    messageId: string,
    eventType: string,
    requestBody: string,
  ): Promise<WebhookDeliveryEntity> {
    const delivery = this.deliveries.create({
      id: newId(),
      endpointId,
      messageId,
      eventType,
      requestBody,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(),
      lastAttemptAt: null,
      responseStatus: null,
      responseTimeMs: null,
      responseBody: null,
      lastError: null,
    });
    await this.deliveries.insert(delivery);
    return this.deliveries.findOneByOrFail({ id: delivery.id });
  }

  private assertSafe(url: string): void {
    const problem = urlProblem(url, this.config.webhooks.allowPrivateTargets);
    if (problem) throw new UnsafeWebhookUrlError(problem);
  }

  private async find(id: string, lock = false): Promise<WebhookEndpointEntity> {
    const endpoint = await this.endpoints.findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!endpoint) throw new WebhookNotFoundError(id);
    return endpoint;
  }
}
