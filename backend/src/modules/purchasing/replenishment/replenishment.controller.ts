import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Permission, type Page, type PurchaseOrderDto, type ReplenishmentGroupDto } from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { CreatedLocation } from '../../../platform/http/conditional/conditional.decorators';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import { PageOf, wholeList } from '../../../platform/http/pagination/page-dto';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import {
  CreateReplenishmentOrdersDto,
  CreatedPurchaseOrdersDto,
  ReplenishmentGroupResponseDto,
  ReplenishmentQueryDto,
} from './replenishment.dto';
import { ReplenishmentService } from './replenishment.service';

@ApiTags('purchasing')
@Controller({ path: 'replenishment', version: '1' })
export class ReplenishmentController {
  constructor(private readonly replenishment: ReplenishmentService) {}

  @Get()
  @Authenticated({ permission: Permission.PurchasingOrdersRead })
  @ApiOperation({
    summary: 'Reorder suggestions',
    description:
      'Active products whose available stock in an active warehouse is below their reorder point (as the low-stock ' +
      'list), with the suggested quantity: the reorder quantity if set, else up to the reorder point, minus what is ' +
      'incoming (open quantities on draft, submitted and partially received purchase orders into that warehouse), ' +
      'never below 0. Grouped by preferred supplier (by name; `supplier: null` last for products without one); at ' +
      'most 1000 items, one complete page.',
  })
  @ApiOkResponse({ type: PageOf(ReplenishmentGroupResponseDto), description: 'Groups of suggestions.' })
  @ApiProblems(400)
  async listReplenishment(@Query() query: ReplenishmentQueryDto): Promise<Page<ReplenishmentGroupDto>> {
    return wholeList(await this.replenishment.suggestions(query));
  }

  @Post('purchase-orders')
  @CreatedLocation('/api/v1/purchase-orders/{items.0.id}')
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingOrdersWrite })
  @ApiOperation({
    summary: 'Create purchase orders from suggestions',
    description:
      'One draft purchase order per preferred supplier (and per receiving warehouse and currency when lines differ), ' +
      'all in one transaction: either every draft is created or none. Without `lines`, every current suggestion with ' +
      'a supplier and a quantity above 0. Line prices are the purchase prices (else the cost). Answers 201 with ' +
      'the created orders as one complete page; `Location` is the first of them.',
  })
  @ApiCreatedResponse({ type: CreatedPurchaseOrdersDto, description: 'The new drafts.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.PartnerInactive,
    ErrorCode.SupplierNotFound,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.CurrencyMismatch,
  )
  async createReplenishmentOrders(@Body() body: CreateReplenishmentOrdersDto): Promise<Page<PurchaseOrderDto>> {
    return wholeList(await this.replenishment.createPurchaseOrders(body));
  }
}
