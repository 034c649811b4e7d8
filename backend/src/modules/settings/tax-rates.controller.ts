import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Permission, type TaxRateDto } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { CreatedLocation, IfMatch } from '../../platform/http/conditional/conditional.decorators';
import { Idempotent } from '../../platform/http/idempotency/idempotent.decorator';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import { CreateTaxRateDto, TaxRateResponseDto, UpdateTaxRateDto } from './dto/tax-rate.dto';
import { TaxRatesService } from './tax-rates.service';

@ApiTags('settings')
@Controller({ path: 'settings/tax-rates', version: '1' })
export class TaxRatesController {
  constructor(private readonly rates: TaxRatesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'List the tax rates',
    description:
      'Every rate of every class (standard, reduced, zero) with its validity; a sales line defaults to the rate of ' +
      'its product’s class valid on the day, or 0 for reverse charge and export customers.',
  })
  @ApiOkResponse({ type: [TaxRateResponseDto], description: 'The tax rates, newest first within each class.' })
  listTaxRates(): Promise<TaxRateDto[]> {
    return this.rates.list();
  }

  @Post()
  @CreatedLocation('/api/v1/settings/tax-rates/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.SettingsCompanyManage })
  @ApiOperation({
    summary: 'Add a tax rate',
    description: 'A rate change is a new rate from its first day, with the old one ended that day (`validTo`).',
  })
  @ApiCreatedResponse({ type: TaxRateResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.TaxRateOverlap)
  createTaxRate(@Body() body: CreateTaxRateDto): Promise<TaxRateDto> {
    return this.rates.create(body);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Get a tax rate', description: 'One rate with its validity and `version`.' })
  @ApiOkResponse({ type: TaxRateResponseDto, description: 'The tax rate.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.TaxRateNotFound)
  getTaxRate(@Param('id', ParseIdPipe) id: string): Promise<TaxRateDto> {
    return this.rates.get(id);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.SettingsCompanyManage })
  @ApiOperation({
    summary: 'Change a tax rate',
    description: 'Rename it, or end it (`validTo`) before a new rate takes over. Lines already priced keep their rate.',
  })
  @ApiOkResponse({ type: TaxRateResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.TaxRateNotFound, ErrorCode.TaxRateOverlap, ErrorCode.VersionConflict)
  updateTaxRate(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateTaxRateDto): Promise<TaxRateDto> {
    return this.rates.update(id, body);
  }
}
