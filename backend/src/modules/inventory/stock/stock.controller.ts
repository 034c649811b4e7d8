import { Body, Controller, Get, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type LedgerConsistencyDto,
  type LowStockItemDto,
  type Page,
  type StockAdjustmentResultDto,
  type StockAsOfDto,
  type StockLevelDto,
  type StockMovementDto,
  type StockTransferResultDto,
  ErrorCode,
} from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { CreatedLocation, ETagged } from '../../../platform/http/conditional/conditional.decorators';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import {
  AdjustStockDto,
  LedgerConsistencyResponseDto,
  LowStockPageDto,
  LowStockQueryDto,
  StockAdjustmentResultResponseDto,
  StockAsOfQueryDto,
  StockAsOfResponseDto,
  StockLevelListQueryDto,
  StockLevelPageDto,
  StockMovementListQueryDto,
  StockMovementPageDto,
  StockMovementResponseDto,
  StockTransferResultResponseDto,
  TransferStockDto,
  StockMovementExportQueryDto,
} from './dto/stock.dto';
import { StockService } from './stock.service';

@ApiTags('inventory')
@Controller({ version: '1' })
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get('stock-levels')
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ApiOperation({
    summary: 'List stock levels',
    description: 'One row per product and warehouse: on hand, reserved, available. `q` matches SKU and name.',
  })
  @ApiOkResponse({ type: StockLevelPageDto, description: 'A page of stock levels.' })
  @ApiProblems(400)
  listStockLevels(@Query() query: StockLevelListQueryDto): Promise<Page<StockLevelDto>> {
    return this.stock.listLevels(query);
  }

  @Get('stock-movements')
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ApiOperation({
    summary: 'Browse the stock ledger',
    description: 'Append-only movements, newest first; filter by product, warehouse, type and time range.',
  })
  @ApiOkResponse({ type: StockMovementPageDto, description: 'A page of movements.' })
  @ApiProblems(400)
  listStockMovements(@Query() query: StockMovementListQueryDto): Promise<Page<StockMovementDto>> {
    return this.stock.listMovements(query);
  }

  @Get('stock-movements/:id')
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ETagged()
  @ApiOperation({
    summary: 'Read one stock movement',
    description: 'One entry of the append-only ledger, as listed by `GET /stock-movements`.',
  })
  @ApiOkResponse({ type: StockMovementResponseDto, description: 'The movement.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.MovementNotFound)
  getStockMovement(@Param('id', ParseIdPipe) id: string): Promise<StockMovementDto> {
    return this.stock.getMovement(id);
  }

  @Get('stock-movements/export.csv')
  @Authenticated({ permission: Permission.InventoryStockRead, rateLimit: 'bulk' })
  @ApiOperation({
    summary: 'Export the ledger as CSV',
    description:
      'Every movement matching the same filters as the list, streamed (memory stays flat at millions of rows).',
  })
  @ApiOkResponse({
    description: 'CSV with a header row.',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          example:
            'occurred_at,type,sku,warehouse,on_hand_change,reserved_change,on_hand_after,reserved_after,reason,note,actor,transfer_id,source_type,source_id,request_id\n',
        },
      },
    },
  })
  @ApiProblems(400)
  exportStockMovements(@Query() query: StockMovementExportQueryDto): Promise<StreamableFile> {
    return this.stock.exportMovements(query);
  }

  @Post('stock/adjustments')
  @CreatedLocation('/api/v1/stock-movements/{movement.id}')
  @Idempotent()
  @Authenticated({ permission: Permission.InventoryStockAdjust })
  @ApiOperation({
    summary: 'Adjust stock',
    description: 'A signed change of on-hand stock with a reason. Refused with 409 if it would go below zero.',
  })
  @ApiCreatedResponse({ type: StockAdjustmentResultResponseDto, description: 'The movement and the new level.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.InsufficientStock,
  )
  adjustStock(@Body() body: AdjustStockDto): Promise<StockAdjustmentResultDto> {
    return this.stock.adjust(body);
  }

  @Post('stock/transfers')
  @CreatedLocation('/api/v1/stock-movements/{movements.0.id}')
  @Idempotent()
  @Authenticated({ permission: Permission.InventoryStockTransfer })
  @ApiOperation({
    summary: 'Transfer stock between warehouses',
    description: 'Writes the out and in legs in one transaction. 409 when the source has too little.',
  })
  @ApiCreatedResponse({ type: StockTransferResultResponseDto, description: 'Both legs and both new levels.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.ProductNotFound,
    ErrorCode.ProductInactive,
    ErrorCode.WarehouseNotFound,
    ErrorCode.WarehouseInactive,
    ErrorCode.InsufficientStock,
  )
  transferStock(@Body() body: TransferStockDto): Promise<StockTransferResultDto> {
    return this.stock.transfer(body);
  }

  @Get('stock/as-of')
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ApiOperation({ summary: 'Stock of a product at a past moment', description: 'Summed from the ledger.' })
  @ApiOkResponse({ type: StockAsOfResponseDto, description: 'Per warehouse and in total.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.ProductNotFound)
  stockAsOf(@Query() query: StockAsOfQueryDto): Promise<StockAsOfDto> {
    return this.stock.asOf(query);
  }

  @Get('stock/consistency')
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ApiOperation({
    summary: 'Check the ledger',
    description: 'Compares every stock level with the sum of its movements; lists any mismatch.',
  })
  @ApiOkResponse({ type: LedgerConsistencyResponseDto, description: 'The result.' })
  checkStockConsistency(): Promise<LedgerConsistencyDto> {
    return this.stock.checkConsistency();
  }

  @Get('stock/low-stock')
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ApiOperation({
    summary: 'Low stock',
    description: 'Active products whose available stock in a warehouse is below their reorder point.',
  })
  @ApiOkResponse({ type: LowStockPageDto, description: 'A page of low-stock levels.' })
  @ApiProblems(400)
  listLowStock(@Query() query: LowStockQueryDto): Promise<Page<LowStockItemDto>> {
    return this.stock.lowStock(query);
  }
}
