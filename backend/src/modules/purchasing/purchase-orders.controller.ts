import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type BulkResult,
  type IncomingStockDto,
  type Page,
  type PurchaseOrderDto,
  type PurchaseOrderSummaryDto,
  ErrorCode,
  type DocumentMailDto,
} from '@depot/contracts';
import { BULK_DESCRIPTION, BulkResultDto } from '../../platform/http/bulk/bulk.dto';
import { OrderBulkDto } from '../orders/dto/order-bulk.dto';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { Idempotent } from '../../platform/http/idempotency/idempotent.decorator';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import { OrderTransitionDto } from '../orders/dto/status-change.dto';
import {
  IncomingStockQueryDto,
  CreatePurchaseOrderDto,
  IncomingStockResponseDto,
  PurchaseOrderListQueryDto,
  PurchaseOrderPageDto,
  PurchaseOrderResponseDto,
  ReceivePurchaseOrderDto,
  UpdatePurchaseOrderDto,
} from './dto/purchase-order.dto';
import { PurchaseOrdersService } from './purchase-orders.service';
import { PurchasingDocumentsService } from './purchasing-documents.service';
import { DocumentRenderer, type DocumentFormat } from '../documents/document-renderer';
import { ApiDocument, documentFormatPipe } from '../documents/document-endpoint';
import { DocumentMailResponseDto, SendDocumentDto } from '../documents/dto/document-mail.dto';
import { PageOf, wholeList } from '../../platform/http/pagination/page-dto';
import { CreatedLocation, ETagged, IfMatch } from '../../platform/http/conditional/conditional.decorators';

@ApiTags('purchasing')
@Controller({ version: '1' })
export class PurchaseOrdersController {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly documents: PurchasingDocumentsService,
    private readonly renderer: DocumentRenderer,
  ) {}

  @Get('purchase-orders')
  @Authenticated({ permission: Permission.PurchasingOrdersRead })
  @ApiOperation({
    summary: 'List purchase orders',
    description: 'Newest first by default; `q` matches the number and the supplier.',
  })
  @ApiOkResponse({ type: PurchaseOrderPageDto, description: 'A page of purchase orders.' })
  @ApiProblems(400)
  listPurchaseOrders(@Query() query: PurchaseOrderListQueryDto): Promise<Page<PurchaseOrderSummaryDto>> {
    return this.orders.list(query);
  }

  @Post('purchase-orders/bulk')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({
    summary: 'Cancel many draft purchase orders',
    description:
      '`cancel`: drafts are cancelled (status history, audit and events as for a single cancel); an already ' +
      'cancelled order is `unchanged`; any other status fails its row with ORDERS.INVALID_TRANSITION. ' +
      BULK_DESCRIPTION,
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'One result per id, and a summary.' })
  @ApiProblems(400, 413, 415)
  bulkPurchaseOrders(@Body() body: OrderBulkDto): Promise<BulkResult> {
    return this.orders.bulk(body);
  }

  @Get('purchase-orders/:id/document/:format')
  @Authenticated({ permission: Permission.PurchasingOrdersRead })
  @ApiOperation({
    summary: 'The purchase order as sent to the supplier',
    description:
      'Lines, unit costs and total, where and by when to deliver, with the company as buyer. A draft or ' +
      'cancelled order is not printed: 409 `DOCUMENTS.NOT_AVAILABLE`.',
  })
  @ApiDocument('purchase order')
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.PurchaseOrderNotFound, ErrorCode.DocumentNotAvailable)
  async getPurchaseOrderDocument(
    @Param('id', ParseIdPipe) id: string,
    @Param('format', documentFormatPipe) format: DocumentFormat,
  ): Promise<StreamableFile> {
    const document = await this.documents.purchaseOrder(id);
    return this.renderer.file(document, format, `purchase-order-${document.number}`);
  }

  @Post('purchase-orders/:id/document/email')
  @HttpCode(202)
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({
    summary: 'E-mail the purchase order to the supplier',
    description:
      'The PDF is attached; `to` defaults to the supplier’s e-mail address. Queued and delivered in the ' +
      'background (see `GET /purchase-orders/{id}/emails`).',
  })
  @ApiAcceptedResponse({ type: DocumentMailResponseDto, description: 'Queued.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.PurchaseOrderNotFound, ErrorCode.DocumentNotAvailable)
  emailPurchaseOrder(@Param('id', ParseIdPipe) id: string, @Body() body: SendDocumentDto): Promise<DocumentMailDto> {
    return this.documents.email(id, body);
  }

  @Get('purchase-orders/:id/emails')
  @Authenticated({ permission: Permission.PurchasingOrdersRead })
  @ApiOperation({
    summary: 'E-mails of the purchase order',
    description: 'Every e-mail of this purchase order, newest first, with where its delivery stands.',
  })
  @ApiOkResponse({ type: [DocumentMailResponseDto], description: 'The e-mails.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.PurchaseOrderNotFound)
  listPurchaseOrderEmails(@Param('id', ParseIdPipe) id: string): Promise<DocumentMailDto[]> {
    return this.documents.emails(id);
  }

  @Get('purchase-orders/:id')
  @ETagged()
  @Authenticated({ permission: Permission.PurchasingOrdersRead })
  @ApiOperation({ summary: 'Get a purchase order', description: 'With its lines and status timeline.' })
  @ApiOkResponse({ type: PurchaseOrderResponseDto, description: 'The purchase order.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.PurchaseOrderNotFound)
  getPurchaseOrder(@Param('id', ParseIdPipe) id: string): Promise<PurchaseOrderDto> {
    return this.orders.get(id);
  }

  @Post('purchase-orders')
  @CreatedLocation('/api/v1/purchase-orders/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({
    summary: 'Create a purchase order (draft)',
    description: 'Line costs default to the product cost when it is in the order currency.',
  })
  @ApiCreatedResponse({ type: PurchaseOrderResponseDto, description: 'The new draft.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.SupplierNotFound,
    ErrorCode.PartnerInactive,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.CurrencyMismatch,
  )
  createPurchaseOrder(@Body() body: CreatePurchaseOrderDto): Promise<PurchaseOrderDto> {
    return this.orders.create(body);
  }

  @Patch('purchase-orders/:id')
  @IfMatch()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({
    summary: 'Edit a draft purchase order',
    description: 'Send the `version` you read (stale: 409). `lines`, when sent, replace all lines.',
  })
  @ApiOkResponse({ type: PurchaseOrderResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.PurchaseOrderNotFound,
    ErrorCode.InvalidOrderTransition,
    ErrorCode.SupplierNotFound,
    ErrorCode.PartnerInactive,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.CurrencyMismatch,
  )
  updatePurchaseOrder(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdatePurchaseOrderDto,
  ): Promise<PurchaseOrderDto> {
    return this.orders.update(id, body);
  }

  @Post('purchase-orders/:id/submit')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({ summary: 'Submit a draft to the supplier', description: 'draft -> submitted; otherwise 409.' })
  @ApiOkResponse({ type: PurchaseOrderResponseDto, description: 'The submitted order.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.PurchaseOrderNotFound, ErrorCode.InvalidOrderTransition)
  submitPurchaseOrder(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: OrderTransitionDto,
  ): Promise<PurchaseOrderDto> {
    return this.orders.submit(id, body);
  }

  @Post('purchase-orders/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({
    summary: 'Cancel a purchase order',
    description: 'Only drafts and submitted orders with nothing received yet; otherwise 409.',
  })
  @ApiOkResponse({ type: PurchaseOrderResponseDto, description: 'The cancelled order.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.PurchaseOrderNotFound, ErrorCode.InvalidOrderTransition)
  cancelPurchaseOrder(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: OrderTransitionDto,
  ): Promise<PurchaseOrderDto> {
    return this.orders.cancel(id, body);
  }

  @Post('purchase-orders/:id/receipts')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersReceive })
  @ApiOperation({
    summary: 'Receive goods',
    description:
      "Partial or full: writes receipt movements to the ledger in the chosen warehouse (default: the order's) " +
      'and moves the order to partially received or received. More than a line has open: 409.',
  })
  @ApiOkResponse({ type: PurchaseOrderResponseDto, description: 'The order after the receipt.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.PurchaseOrderNotFound,
    ErrorCode.InvalidOrderTransition,
    ErrorCode.OrderLineQuantityExceeded,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.ProductInactive,
  )
  receivePurchaseOrder(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReceivePurchaseOrderDto,
  ): Promise<PurchaseOrderDto> {
    return this.orders.receive(id, body);
  }

  @Get('products/:id/incoming')
  @Authenticated({ permission: Permission.PurchasingOrdersRead })
  @ApiOperation({
    summary: 'Incoming stock of a product',
    description: 'Open quantities on submitted and partially received purchase orders, per warehouse.',
  })
  @ApiOkResponse({ type: PageOf(IncomingStockResponseDto), description: 'Per warehouse.' })
  @ApiProblems(400)
  async getIncomingStock(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: IncomingStockQueryDto,
  ): Promise<Page<IncomingStockDto>> {
    return wholeList(await this.orders.incoming(id), query, {
      fields: { warehouseCode: (line) => line.warehouseCode, quantity: (line) => line.quantity },
      key: (line) => line.warehouseId,
    });
  }
}
