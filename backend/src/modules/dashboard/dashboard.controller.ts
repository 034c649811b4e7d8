import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type DashboardDto } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { DashboardQueryDto, DashboardResponseDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller({ path: 'dashboard', version: '1' })
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Authenticated({ permission: Permission.InventoryStockRead })
  @ApiOperation({
    summary: 'Landing page figures',
    description:
      'Stock value (on hand x cost, else price), low-stock count, open purchase and sales orders, net sales per ' +
      'day and the top products of the last `days` days, all in one currency.',
  })
  @ApiOkResponse({ type: DashboardResponseDto, description: 'The figures.' })
  @ApiProblems(400)
  getDashboard(@Query() query: DashboardQueryDto): Promise<DashboardDto> {
    return this.dashboard.summary(query.days ?? 30, query.currency ?? 'EUR');
  }
}
