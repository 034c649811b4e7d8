import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type BulkResult,
  type AvailabilityDto,
  type InvoiceDto,
  type Page,
  type SalesOrderDto,
  type SalesOrderSummaryDto,
  ErrorCode,
  type DocumentMailDto,
  MailedDocument,
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
  AvailabilityQueryDto,
  AvailabilityResponseDto,
  CreateSalesOrderDto,
  FulfilSalesOrderDto,
  SalesOrderListQueryDto,
  SalesOrderPageDto,
  SalesOrderResponseDto,
  UpdateSalesOrderDto,
} from './dto/sales-order.dto';
import { InvoiceResponseDto } from './invoices/invoice.dto';
import { SalesOrdersService } from './sales-orders.service';
import { SalesDocumentsService } from './sales-documents.service';
import { DocumentRenderer, type DocumentFormat } from '../documents/document-renderer';
import { ApiDocument, documentFormatPipe } from '../documents/document-endpoint';
import { DocumentMailResponseDto, SendDocumentDto } from '../documents/dto/document-mail.dto';
import { PageOf, wholeList } from '../../platform/http/pagination/page-dto';
import { CreatedLocation, ETagged, IfMatch } from '../../platform/http/conditional/conditional.decorators';

@ApiTags('sales')
@Controller({ version: '1' })
export class SalesOrdersController {
  constructor(
    private readonly orders: SalesOrdersService,
    private readonly documents: SalesDocumentsService,
    private readonly renderer: DocumentRenderer,
  ) {}

  @Get('sales-orders')
  @Authenticated({ permission: Permission.SalesOrdersRead })
  @ApiOperation({
    summary: 'List sales orders',
    description: 'Newest first by default; `q` matches number and customer.',
  })
  @ApiOkResponse({ type: SalesOrderPageDto, description: 'A page of sales orders.' })
  @ApiProblems(400)
  listSalesOrders(@Query() query: SalesOrderListQueryDto): Promise<Page<SalesOrderSummaryDto>> {
    return this.orders.list(query);
  }

  @Post('sales-orders/bulk')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'Cancel many draft sales orders',
    description:
      '`cancel`: drafts are cancelled (status history, audit and events as for a single cancel); an already ' +
      'cancelled order is `unchanged`; any other status fails its row with ORDERS.INVALID_TRANSITION. ' +
      BULK_DESCRIPTION,
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'One result per id, and a summary.' })
  @ApiProblems(400, 413, 415)
  bulkSalesOrders(@Body() body: OrderBulkDto): Promise<BulkResult> {
    return this.orders.bulk(body);
  }

  @Get('sales-orders/:id')
  @ETagged()
  @Authenticated({ permission: Permission.SalesOrdersRead })
  @ApiOperation({ summary: 'Get a sales order', description: 'With lines, totals and the status timeline.' })
  @ApiOkResponse({ type: SalesOrderResponseDto, description: 'The sales order.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound)
  getSalesOrder(@Param('id', ParseIdPipe) id: string): Promise<SalesOrderDto> {
    return this.orders.get(id);
  }

  @Post('sales-orders')
  @CreatedLocation('/api/v1/sales-orders/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'Create a sales order (draft)',
    description:
      'Prices default to the product price in the order currency. Totals are computed by the server in ' +
      'integer minor units: per line, discount then tax, each rounded half up once.',
  })
  @ApiCreatedResponse({ type: SalesOrderResponseDto, description: 'The new draft.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.CustomerNotFound,
    ErrorCode.PartnerInactive,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.CurrencyMismatch,
  )
  createSalesOrder(@Body() body: CreateSalesOrderDto): Promise<SalesOrderDto> {
    return this.orders.create(body);
  }

  @Patch('sales-orders/:id')
  @IfMatch()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'Edit a draft sales order',
    description: 'Send the `version` you read (stale: 409). `lines`, when sent, replace all lines.',
  })
  @ApiOkResponse({ type: SalesOrderResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.SalesOrderNotFound,
    ErrorCode.InvalidOrderTransition,
    ErrorCode.CustomerNotFound,
    ErrorCode.PartnerInactive,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.CurrencyMismatch,
  )
  updateSalesOrder(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateSalesOrderDto): Promise<SalesOrderDto> {
    return this.orders.update(id, body);
  }

  @Post('sales-orders/:id/confirm')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'Confirm: reserve every line',
    description:
      'All lines are reserved in the order warehouse in one transaction, or none: when stock is short the ' +
      'answer is 409 SALES.LINES_SHORT with `shortLines` naming each short line and what is available.',
  })
  @ApiOkResponse({ type: SalesOrderResponseDto, description: 'The confirmed order.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.SalesOrderNotFound,
    ErrorCode.InvalidOrderTransition,
    ErrorCode.OrderLinesShort,
    ErrorCode.WarehouseInactive,
  )
  confirmSalesOrder(@Param('id', ParseIdPipe) id: string, @Body() body: OrderTransitionDto): Promise<SalesOrderDto> {
    return this.orders.confirm(id, body);
  }

  @Post('sales-orders/:id/fulfil')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersFulfil })
  @ApiOperation({
    summary: 'Ship reserved goods',
    description:
      'Ships the given quantities (default: everything reserved): the reservation is released and on hand ' +
      'reduced by shipment movements. Partially or fully fulfilled afterwards.',
  })
  @ApiOkResponse({ type: SalesOrderResponseDto, description: 'The order after the shipment.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.InvalidOrderTransition, ErrorCode.OrderLineQuantityExceeded)
  fulfilSalesOrder(@Param('id', ParseIdPipe) id: string, @Body() body: FulfilSalesOrderDto): Promise<SalesOrderDto> {
    return this.orders.fulfil(id, body);
  }

  @Post('sales-orders/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'Cancel a sales order',
    description: 'Drafts, confirmed and partially fulfilled orders; what is still reserved is released.',
  })
  @ApiOkResponse({ type: SalesOrderResponseDto, description: 'The cancelled order.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.InvalidOrderTransition)
  cancelSalesOrder(@Param('id', ParseIdPipe) id: string, @Body() body: OrderTransitionDto): Promise<SalesOrderDto> {
    return this.orders.cancel(id, body);
  }

  @Post('sales-orders/:id/invoice')
  @CreatedLocation('/api/v1/invoices/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.SalesInvoicesWrite })
  @ApiOperation({
    summary: 'Issue the invoice of a fulfilled order',
    description:
      'Numbered gap-free per year (INV-2026-000123, the prefix from the company settings) in the same ' +
      'transaction; the order becomes invoiced. The seller is the company settings as they are now, frozen into ' +
      'the invoice; while they lack what an invoice must name, 409 `SETTINGS.COMPANY_INCOMPLETE` lists it in `missing`.',
  })
  @ApiCreatedResponse({ type: InvoiceResponseDto, description: 'The issued invoice.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.InvalidOrderTransition, ErrorCode.CompanySettingsIncomplete)
  invoiceSalesOrder(@Param('id', ParseIdPipe) id: string, @Body() body: OrderTransitionDto): Promise<InvoiceDto> {
    return this.orders.invoice(id, body);
  }

  @Get('sales-orders/:id/confirmation/:format')
  @Authenticated({ permission: Permission.SalesOrdersRead })
  @ApiOperation({
    summary: 'The order confirmation for the customer',
    description:
      'Lines, prices, tax and totals of a confirmed order (or later), with the company as seller and the ' +
      'shipping address. A draft or cancelled order has none: 409 `DOCUMENTS.NOT_AVAILABLE`.',
  })
  @ApiDocument('order confirmation')
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.DocumentNotAvailable)
  async getOrderConfirmation(
    @Param('id', ParseIdPipe) id: string,
    @Param('format', documentFormatPipe) format: DocumentFormat,
  ): Promise<StreamableFile> {
    const document = await this.documents.confirmation(id);
    return this.renderer.file(document, format, `order-confirmation-${document.number}`);
  }

  @Get('sales-orders/:id/delivery-note/:format')
  @Authenticated({ permission: Permission.SalesOrdersRead })
  @ApiOperation({
    summary: 'The delivery note (packing slip)',
    description:
      'What has been shipped and what is still to follow, without prices, with the ship-to address and the ' +
      'warehouse it left from. Nothing shipped yet: 409 `DOCUMENTS.NOT_AVAILABLE`.',
  })
  @ApiDocument('delivery note')
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.DocumentNotAvailable)
  async getDeliveryNote(
    @Param('id', ParseIdPipe) id: string,
    @Param('format', documentFormatPipe) format: DocumentFormat,
  ): Promise<StreamableFile> {
    const document = await this.documents.deliveryNote(id);
    return this.renderer.file(document, format, `delivery-note-${document.number}`);
  }

  @Post('sales-orders/:id/confirmation/email')
  @HttpCode(202)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'E-mail the order confirmation to the customer',
    description:
      'The PDF is attached; `to` defaults to the customer’s e-mail address. Queued and delivered in the ' +
      'background (see `GET /sales-orders/{id}/emails`).',
  })
  @ApiAcceptedResponse({ type: DocumentMailResponseDto, description: 'Queued.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.DocumentNotAvailable)
  emailOrderConfirmation(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SendDocumentDto,
  ): Promise<DocumentMailDto> {
    return this.documents.email(id, MailedDocument.OrderConfirmation, body);
  }

  @Post('sales-orders/:id/delivery-note/email')
  @HttpCode(202)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesOrdersWrite })
  @ApiOperation({
    summary: 'E-mail the delivery note to the customer',
    description: 'As for the order confirmation; the delivery note exists once something has shipped.',
  })
  @ApiAcceptedResponse({ type: DocumentMailResponseDto, description: 'Queued.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound, ErrorCode.DocumentNotAvailable)
  emailDeliveryNote(@Param('id', ParseIdPipe) id: string, @Body() body: SendDocumentDto): Promise<DocumentMailDto> {
    return this.documents.email(id, MailedDocument.DeliveryNote, body);
  }

  @Get('sales-orders/:id/emails')
  @Authenticated({ permission: Permission.SalesOrdersRead })
  @ApiOperation({
    summary: 'E-mails of the order’s documents',
    description: 'Confirmations and delivery notes e-mailed for this order, newest first, with their delivery.',
  })
  @ApiOkResponse({ type: [DocumentMailResponseDto], description: 'The e-mails.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.SalesOrderNotFound)
  listSalesOrderEmails(@Param('id', ParseIdPipe) id: string): Promise<DocumentMailDto[]> {
    return this.documents.emails(id);
  }

  @Get('stock-availability')
  @Authenticated({ permission: Permission.SalesOrdersRead })
  @ApiOperation({
    summary: 'Availability of products in a warehouse',
    description: 'On hand, reserved and available now, for the order form. Unknown levels are zeros.',
  })
  @ApiOkResponse({ type: PageOf(AvailabilityResponseDto), description: 'One entry per product id asked for.' })
  @ApiProblems(400)
  async getStockAvailability(@Query() query: AvailabilityQueryDto): Promise<Page<AvailabilityDto>> {
    return wholeList(await this.orders.availability(query), query, {
      fields: { productId: (level) => level.productId },
      key: (level) => level.productId,
    });
  }
}
