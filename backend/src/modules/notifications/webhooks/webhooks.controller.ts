import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  Permission,
  type CreatedWebhookEndpointDto,
  type Page,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
  ErrorCode,
} from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import {
  WebhookListQueryDto,
  CreateWebhookEndpointDto,
  CreatedWebhookEndpointResponseDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryListQueryDto,
  WebhookDeliveryPageDto,
  WebhookDeliveryResponseDto,
  WebhookEndpointResponseDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { PageOf, wholeList } from '../../../platform/http/pagination/page-dto';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import {
  CreatedLocation,
  ETagged,
  IfMatch,
  IfMatchVersion,
} from '../../../platform/http/conditional/conditional.decorators';

@ApiTags('notifications')
@Controller({ path: 'webhooks', version: '1' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({
    summary: 'List webhook endpoints',
    description:
      'Every registered endpoint with its URL, subscribed event types, state and failure streak; signing secrets are never shown again after creation.',
  })
  @ApiOkResponse({ type: PageOf(WebhookEndpointResponseDto), description: 'Endpoints, newest first.' })
  async listWebhooks(@Query() query: WebhookListQueryDto): Promise<Page<WebhookEndpointDto>> {
    return wholeList(await this.webhooks.list(), query, {
      fields: { url: (endpoint) => endpoint.url, createdAt: (endpoint) => endpoint.createdAt },
      key: (endpoint) => endpoint.id,
    });
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({
    summary: 'Get a webhook endpoint',
    description: 'One endpoint with its subscribed event types, whether it is enabled, its last failure and `version`.',
  })
  @ApiOkResponse({ type: WebhookEndpointResponseDto, description: 'The endpoint.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.WebhookNotFound)
  getWebhook(@Param('id', ParseIdPipe) id: string): Promise<WebhookEndpointDto> {
    return this.webhooks.get(id);
  }

  @Post()
  @CreatedLocation('/api/v1/webhooks/{id}')
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description:
      'Deliveries are signed the Standard Webhooks way; the secret is shown once. Private and loopback URLs are refused.',
  })
  @ApiCreatedResponse({
    type: CreatedWebhookEndpointResponseDto,
    description: 'Registered; `secret` is shown only now.',
  })
  @ApiProblems(400, 415)
  createWebhook(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointDto> {
    return this.webhooks.create(principal, body);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({ summary: 'Update a webhook endpoint', description: 'Also switches an endpoint on or off.' })
  @ApiOkResponse({ type: WebhookEndpointResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.WebhookNotFound)
  updateWebhook(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @IfMatch({ etag: false })
  @HttpCode(204)
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({
    summary: 'Delete a webhook endpoint and its delivery log',
    description: 'Nothing more is sent to it, queued deliveries included. To pause an endpoint instead, disable it.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.WebhookNotFound)
  deleteWebhook(
    @Param('id', ParseIdPipe) id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<void> {
    return this.webhooks.remove(id, expectedVersion);
  }

  @Post(':id/test')
  @Idempotent()
  @HttpCode(202)
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({ summary: 'Send a test event', description: 'Queues a `webhook.test` message to this endpoint.' })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto, description: 'Queued.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.WebhookNotFound)
  sendWebhookTest(@Param('id', ParseIdPipe) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(id);
  }

  @Get(':id/deliveries')
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({
    summary: 'Delivery log of an endpoint',
    description: 'Request, response and timing of each delivery, newest first.',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto, description: 'A page of deliveries.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.WebhookNotFound)
  listWebhookDeliveries(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: WebhookDeliveryListQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.listDeliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @Idempotent()
  @HttpCode(202)
  @Authenticated({ permission: Permission.NotificationsWebhooksManage })
  @ApiOperation({
    summary: 'Replay a delivery',
    description: 'Sends the same message again with the same `webhook-id`.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto, description: 'Queued.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.WebhookNotFound, ErrorCode.WebhookDeliveryNotFound)
  replayWebhookDelivery(
    @Param('id', ParseIdPipe) id: string,
    @Param('deliveryId', ParseIdPipe) deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(id, deliveryId);
  }
}
