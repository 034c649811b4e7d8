import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type Page, type WarehouseDto, ErrorCode } from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import {
  CreateWarehouseDto,
  UpdateWarehouseDto,
  WarehouseListQueryDto,
  WarehousePageDto,
  WarehouseResponseDto,
} from './dto/warehouse.dto';
import { WarehousesService } from './warehouses.service';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import { CreatedLocation, ETagged, IfMatch } from '../../../platform/http/conditional/conditional.decorators';

@ApiTags('inventory')
@Controller({ path: 'warehouses', version: '1' })
export class WarehousesController {
  constructor(private readonly warehouses: WarehousesService) {}

  @Get()
  @Authenticated({ permission: Permission.InventoryWarehousesRead })
  @ApiOperation({ summary: 'List warehouses', description: 'Keyset-paginated; `q` matches code and name.' })
  @ApiOkResponse({ type: WarehousePageDto, description: 'A page of warehouses.' })
  @ApiProblems(400)
  listWarehouses(@Query() query: WarehouseListQueryDto): Promise<Page<WarehouseDto>> {
    return this.warehouses.list(query);
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.InventoryWarehousesRead })
  @ApiOperation({
    summary: 'Get a warehouse',
    description: 'One warehouse with its address, whether it takes stock movements (`active`), and `version`.',
  })
  @ApiOkResponse({ type: WarehouseResponseDto, description: 'The warehouse.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.WarehouseNotFound)
  getWarehouse(@Param('id', ParseIdPipe) id: string): Promise<WarehouseDto> {
    return this.warehouses.get(id);
  }

  @Post()
  @CreatedLocation('/api/v1/warehouses/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.InventoryWarehousesWrite })
  @ApiOperation({
    summary: 'Create a warehouse',
    description: 'Codes are unique (upper-case letters, digits, `-`, `_`); a new warehouse is active.',
  })
  @ApiCreatedResponse({ type: WarehouseResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.WarehouseCodeTaken)
  createWarehouse(@Body() body: CreateWarehouseDto): Promise<WarehouseDto> {
    return this.warehouses.create(body);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.InventoryWarehousesWrite })
  @ApiOperation({
    summary: 'Update a warehouse',
    description: 'Send the `version` you read; a stale one gets 409. Set `active: false` to retire it.',
  })
  @ApiOkResponse({ type: WarehouseResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.WarehouseNotFound, ErrorCode.WarehouseCodeTaken)
  updateWarehouse(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateWarehouseDto): Promise<WarehouseDto> {
    return this.warehouses.update(id, body);
  }
}
