import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type BulkResult,
  type AvailabilityDto,
  type InvoiceDto,
  type Page,
  type SalesOrderDto,
  type SalesOrderSummaryDto,
  ErrorCode,
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
import { PageOf, wholeList } from '../../platform/http/pagination/page-dto';
import { CreatedLocation, ETagged, IfMatch } from '../../platform/http/conditional/conditional.decorators';

@ApiTags('sales')
@Controller({ version: '1' })
export class SalesOrdersController {
  constructor(private readonly orders: SalesOrdersService) {}

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
