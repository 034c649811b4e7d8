import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type CategoryDto, type Page, ErrorCode } from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { CategoriesService } from './categories.service';
import { CategoryListQueryDto, CategoryResponseDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { PageOf, wholeList } from '../../../platform/http/pagination/page-dto';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import {
  CreatedLocation,
  ETagged,
  IfMatch,
  IfMatchVersion,
} from '../../../platform/http/conditional/conditional.decorators';

@ApiTags('catalog')
@Controller({ path: 'categories', version: '1' })
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Authenticated({ permission: Permission.CatalogProductsRead })
  @ApiOperation({
    summary: 'List the category tree',
    description: 'Every category, flat, ordered by path (parents before their children).',
  })
  @ApiOkResponse({ type: PageOf(CategoryResponseDto), description: 'The tree, as one complete page.' })
  async listCategories(@Query() query: CategoryListQueryDto): Promise<Page<CategoryDto>> {
    return wholeList(await this.categories.list(), query, {
      fields: { name: (category) => category.name, createdAt: (category) => category.createdAt },
      key: (category) => category.id,
    });
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.CatalogProductsRead })
  @ApiOperation({
    summary: 'Get a category',
    description: 'One category with its depth and how many categories and products it directly holds.',
  })
  @ApiOkResponse({ type: CategoryResponseDto, description: 'The category.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.CategoryNotFound)
  getCategory(@Param('id', ParseIdPipe) id: string): Promise<CategoryDto> {
    return this.categories.get(id);
  }

  @Post()
  @CreatedLocation('/api/v1/categories/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.CatalogCategoriesWrite })
  @ApiOperation({ summary: 'Create a category', description: 'Sibling names are unique case-insensitively.' })
  @ApiCreatedResponse({ type: CategoryResponseDto, description: 'Created.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.CategoryNotFound, ErrorCode.CategoryNameTaken, ErrorCode.CategoryTooDeep)
  createCategory(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.CatalogCategoriesWrite })
  @ApiOperation({
    summary: 'Rename or move a category',
    description: 'Send the `version` you read. A move into its own subtree or beyond the depth limit gets 409.',
  })
  @ApiOkResponse({ type: CategoryResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.CategoryNotFound,
    ErrorCode.CategoryNameTaken,
    ErrorCode.CategoryTooDeep,
    ErrorCode.CategoryCycle,
  )
  updateCategory(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(id, body);
  }

  @Delete(':id')
  @IfMatch({ etag: false })
  @HttpCode(204)
  @Authenticated({ permission: Permission.CatalogCategoriesWrite })
  @ApiOperation({
    summary: 'Delete an empty category',
    description: 'Refused (409) while it has children or products.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.CategoryNotFound, ErrorCode.CategoryNotEmpty)
  deleteCategory(
    @Param('id', ParseIdPipe) id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<void> {
    return this.categories.remove(id, expectedVersion);
  }
}
