import { ApiProperty, PickType } from '@nestjs/swagger';
import {
  WEBHOOK_DELIVERY_SORT_FIELDS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_LIMITS,
  type CreateWebhookEndpointRequest,
  type CreatedWebhookEndpointDto,
  type Page,
  type UpdateWebhookEndpointRequest,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
  type WebhookEndpointDto,
  type WebhookEventType,
  WEBHOOK_ENDPOINT_SORT_FIELDS,
} from '@depot/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsString, MaxLength, Min } from 'class-validator';
import { ListQueryDto, SortParam, WholeListQueryOf } from '../../../../platform/http/pagination/list-query.dto';
import { Optional } from '../../../../platform/http/validators';
import { PageMetaDto } from '../../../../platform/http/pagination/page-dto';

export class WebhookEndpointResponseDto implements WebhookEndpointDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example https://shop.example.com/hooks/depot */
  url!: string;
  /** @example Shop stock sync */
  description!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['product.updated'] })
  eventTypes!: WebhookEventType[];
  /** @example true */
  enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null })
  disabledReason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  failingSince!: string | null;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class CreatedWebhookEndpointResponseDto extends WebhookEndpointResponseDto implements CreatedWebhookEndpointDto {
  /** Signing secret, shown only now. @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw */
  secret!: string;
}

export class CreateWebhookEndpointDto implements CreateWebhookEndpointRequest {
  /** @example https://shop.example.com/hooks/depot */
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.urlMaxLength)
  url!: string;

  /** @example Shop stock sync */
  @Optional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionMaxLength)
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['product.created', 'product.updated'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];
}

export class UpdateWebhookEndpointDto implements UpdateWebhookEndpointRequest {
  /** @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  /** @example https://shop.example.com/hooks/depot */
  @Optional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.urlMaxLength)
  url?: string;

  /** @example Shop stock sync */
  @Optional()
  @IsString()
  @MaxLength(WEBHOOK_LIMITS.descriptionMaxLength)
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, required: false })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];

  /** Turn a (possibly auto-disabled) endpoint on or off. @example true */
  @Optional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookDeliveryResponseDto implements WebhookDeliveryDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c11 */
  messageId!: string;
  /** Event type of the message (see the AsyncAPI document, `/api/asyncapi.json`). @example product.updated */
  eventType!: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'], example: 'succeeded' })
  status!: WebhookDeliveryStatus;
  /** @example 1 */
  attempts!: number;
  @ApiProperty({ type: String, nullable: true, example: null })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-23T10:15:31.000Z' })
  lastAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 200 })
  responseStatus!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 42 })
  responseTimeMs!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'ok' })
  responseBody!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null })
  lastError!: string | null;
  /** Exactly what was signed and sent; its schema per event type is in the AsyncAPI document (/api/asyncapi.json). */
  requestBody!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
}

export class WebhookDeliveryPageDto extends PageMetaDto implements Page<WebhookDeliveryDto> {
  @ApiProperty({ type: [WebhookDeliveryResponseDto] })
  items!: WebhookDeliveryResponseDto[];
}

/** The delivery log has no search: it takes paging, sort (newest first by default) and the total. */
export class WebhookDeliveryListQueryDto extends PickType(ListQueryDto, ['limit', 'cursor', 'includeTotal'] as const) {
  @SortParam(WEBHOOK_DELIVERY_SORT_FIELDS, '-createdAt')
  sort?: string;
}

export class WebhookListQueryDto extends WholeListQueryOf(WEBHOOK_ENDPOINT_SORT_FIELDS, 'url', 'newest first') {}
