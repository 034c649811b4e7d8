import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Permission, type ImportReportDto, type ImportRowError, ErrorCode } from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { booleanQuery } from '../../platform/http/pagination/list-query.dto';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import { OpeningStockImportService } from './opening-stock-import.service';
import { ProductImportService } from './product-import.service';
import { Optional } from '../../platform/http/validators';
import { Idempotent } from '../../platform/http/idempotency/idempotent.decorator';

class ImportQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: true,
    description: 'Only check the file and report what would happen; `false` imports it (all rows or none).',
  })
  @Optional()
  @Transform(booleanQuery)
  @IsBoolean()
  dryRun?: boolean;
}

class ImportRowErrorDto implements ImportRowError {
  /** 1-based data row. @example 3 */
  row!: number;
  @ApiProperty({ type: String, nullable: true, example: 'barcode' })
  column!: string | null;
  /** @example barcode must be an EAN-13 or UPC-A code with a valid check digit */
  message!: string;
}

class ImportReportResponseDto implements ImportReportDto {
  /** @example true */
  dryRun!: boolean;
  /** @example 120 */
  rows!: number;
  /** @example 100 */
  created!: number;
  /** @example 20 */
  updated!: number;
  @ApiProperty({ type: [ImportRowErrorDto] })
  errors!: ImportRowErrorDto[];
}

const PRODUCTS_CSV =
  'sku,name,price,currency,barcode,category,reorder_point,attributes\n' +
  'CHAIR-OAK-01,Oak dining chair,129.00,EUR,4006381333931,Furniture,10,color=oak;origin=DE\n';
const STOCK_CSV = 'sku,warehouse_code,quantity\nCHAIR-OAK-01,BER-1,24\n';

@ApiTags('imports')
@Controller({ path: 'imports', version: '1' })
export class ImportsController {
  constructor(
    private readonly productImport: ProductImportService,
    private readonly openingStockImport: OpeningStockImportService,
  ) {}

  @Post('products')
  @Idempotent()
  @HttpCode(200)
  @Authenticated({ permission: Permission.CatalogProductsWrite, rateLimit: 'bulk' })
  @ApiOperation({
    summary: 'Import products from CSV (upsert by SKU)',
    description:
      'Send the file as `text/csv`. With `dryRun=true` (default) nothing is written and the report lists every ' +
      'row/column problem. With `dryRun=false` all rows are written in one transaction, or, if any row has a problem, ' +
      'none (422 with the report in `report`). Columns as in `GET /products/export.csv`.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: PRODUCTS_CSV } })
  @ApiOkResponse({ type: ImportReportResponseDto, description: 'The report.' })
  @ApiProblems(400, 413, 415, 422)
  @ApiProblemCodes(ErrorCode.MalformedCsv, ErrorCode.ImportRowsInvalid)
  importProducts(@Query() query: ImportQueryDto, @Body() body: unknown): Promise<ImportReportDto> {
    return this.productImport.run(body, query.dryRun ?? true);
  }

  @Post('opening-stock')
  @Idempotent()
  @HttpCode(200)
  @Authenticated({ permission: Permission.InventoryStockAdjust, rateLimit: 'bulk' })
  @ApiOperation({
    summary: 'Import opening stock from CSV',
    description:
      'Columns `sku,warehouse_code,quantity`: one opening-balance movement per row, for stock levels without ' +
      'movements yet. Dry run and all-or-nothing as for products.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: STOCK_CSV } })
  @ApiOkResponse({ type: ImportReportResponseDto, description: 'The report.' })
  @ApiProblems(400, 413, 415, 422)
  @ApiProblemCodes(ErrorCode.MalformedCsv, ErrorCode.ImportRowsInvalid)
  importOpeningStock(@Query() query: ImportQueryDto, @Body() body: unknown): Promise<ImportReportDto> {
    return this.openingStockImport.run(body, query.dryRun ?? true);
  }
}
