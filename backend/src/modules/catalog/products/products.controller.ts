import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type BulkResult, type Page, type ProductDto, ErrorCode } from '@depot/contracts';
import { BULK_DESCRIPTION, BulkResultDto } from '../../../platform/http/bulk/bulk.dto';
import { ProductBulkDto } from './dto/product-bulk.dto';
import { ProductsBulkService } from './products-bulk.service';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { CreateProductDto } from './dto/create-product.dto';
import { ProductPageDto, ProductResponseDto } from './dto/product.dto';
import { ProductListQueryDto, ProductExportQueryDto } from './dto/product-list-query.dto';
import { UpdateProductDto } from './dto/update-product.dto';
import { ProductsService } from './products.service';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import {
  CreatedLocation,
  ETagged,
  IfMatch,
  IfMatchVersion,
} from '../../../platform/http/conditional/conditional.decorators';

const CSV_EXAMPLE =
  'sku,name,description,unit,price,cost,currency,barcode,category,reorder_point,reorder_quantity,status,attributes\n' +
  'CHAIR-OAK-01,Oak dining chair,"Solid oak, oiled finish.",pcs,129.00,70.95,EUR,4006381333931,Furniture,10,40,active,origin=DE\n';

@ApiTags('catalog')
@Controller({ path: 'products', version: '1' })
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly bulk: ProductsBulkService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.CatalogProductsRead })
  @ApiOperation({
    summary: 'List products',
    description:
      'Keyset-paginated; `q` matches SKU, name and barcode; filters by status, category subtree, attributes, low stock.',
  })
  @ApiOkResponse({ type: ProductPageDto, description: 'A page of products.' })
  @ApiProblems(400)
  listProducts(@Query() query: ProductListQueryDto): Promise<Page<ProductDto>> {
    return this.products.list(query);
  }

  @Get('export.csv')
  @Authenticated({ permission: Permission.CatalogProductsRead, rateLimit: 'bulk' })
  @ApiOperation({
    summary: 'Export products as CSV',
    description:
      'Every product matching the same filters and sort as the list (no paging), streamed; with `ids` only those ' +
      '(a selection). The file imports back unchanged through `POST /imports/products`.',
  })
  @ApiOkResponse({
    description: 'CSV with a header row.',
    content: { 'text/csv': { schema: { type: 'string', example: CSV_EXAMPLE } } },
  })
  @ApiProblems(400)
  exportProducts(@Query() query: ProductExportQueryDto): Promise<StreamableFile> {
    return this.products.exportCsv(query);
  }

  @Post('bulk')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.CatalogProductsWrite })
  @ApiOperation({
    summary: 'Act on many products',
    description:
      '`archive`, `activate`, `moveToCategory` (`categoryId`, null for none; an unknown category is a 400) or ' +
      '`changePrice` of the sale price (`mode` `percent` or `amount` with `value`; rounded to the minor unit, halves ' +
      'away from zero, never below 0; a price above the limit fails its row). ' +
      BULK_DESCRIPTION,
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'One result per id, and a summary.' })
  @ApiProblems(400, 413, 415)
  bulkProducts(@Body() body: ProductBulkDto): Promise<BulkResult> {
    return this.bulk.run(body);
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.CatalogProductsRead })
  @ApiOperation({
    summary: 'Get a product',
    description:
      'One product with its prices, attributes, reorder settings and `version` (send it back when updating).',
  })
  @ApiOkResponse({ type: ProductResponseDto, description: 'The product.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.ProductNotFound)
  getProduct(@Param('id', ParseIdPipe) id: string): Promise<ProductDto> {
    return this.products.get(id);
  }

  @Post()
  @CreatedLocation('/api/v1/products/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.CatalogProductsWrite })
  @ApiOperation({
    summary: 'Create a product',
    description:
      'SKU and barcode must be unique; an unknown `categoryId` is a 400. Prices are integers in minor units of `currency`.',
  })
  @ApiCreatedResponse({ type: ProductResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 413, 415)
  @ApiProblemCodes(ErrorCode.SkuTaken, ErrorCode.BarcodeTaken)
  createProduct(@Body() body: CreateProductDto): Promise<ProductDto> {
    return this.products.create(body);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.CatalogProductsWrite })
  @ApiOperation({ summary: 'Update a product', description: 'Send the `version` you read; a stale one gets 409.' })
  @ApiOkResponse({ type: ProductResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 413, 415)
  @ApiProblemCodes(ErrorCode.ProductNotFound, ErrorCode.SkuTaken, ErrorCode.BarcodeTaken)
  updateProduct(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateProductDto): Promise<ProductDto> {
    return this.products.update(id, body);
  }

  @Delete(':id')
  @IfMatch({ etag: false })
  @HttpCode(204)
  @Authenticated({ permission: Permission.CatalogProductsWrite })
  @ApiOperation({ summary: 'Archive a product', description: 'Products are archived, never erased.' })
  @ApiNoContentResponse({ description: 'Archived (or already archived).' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.ProductNotFound)
  archiveProduct(
    @Param('id', ParseIdPipe) id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<void> {
    return this.products.archive(id, expectedVersion);
  }
}
