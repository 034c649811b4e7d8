import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type Page, type SavedViewDto } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import type { Principal } from '../../platform/auth/principal';
import {
  CreatedLocation,
  ETagged,
  IfMatch,
  IfMatchVersion,
} from '../../platform/http/conditional/conditional.decorators';
import { Idempotent } from '../../platform/http/idempotency/idempotent.decorator';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import { ApiProblems } from '../../platform/openapi/api-responses';
import {
  CreateSavedViewDto,
  SavedViewListQueryDto,
  SavedViewPageDto,
  SavedViewResponseDto,
  UpdateSavedViewDto,
} from './dto/saved-view.dto';
import { SavedViewsService } from './saved-views.service';

@ApiTags('search')
@Controller({ path: 'saved-views', version: '1' })
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'List saved views of a list',
    description:
      "Your own views and everyone's shared views of `listKey`. The list opens with your own default view, " +
      'else a shared default (the most recently updated).',
  })
  @ApiOkResponse({ type: SavedViewPageDto, description: 'A page of views.' })
  @ApiProblems(400)
  listSavedViews(
    @Query() query: SavedViewListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<SavedViewDto>> {
    return this.views.list(query, principal);
  }

  @Get(':id')
  @ETagged()
  @Authenticated()
  @ApiOperation({ summary: 'Get a saved view', description: "One of your views or someone's shared view." })
  @ApiOkResponse({ type: SavedViewResponseDto, description: 'The view.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.SavedViewNotFound)
  getSavedView(@Param('id', ParseIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<SavedViewDto> {
    return this.views.get(id, principal);
  }

  @Post()
  @CreatedLocation('/api/v1/saved-views/{id}')
  @Idempotent()
  @Authenticated()
  @ApiOperation({
    summary: 'Save a view',
    description:
      'Stores the list’s query parameters under a name (a `cursor` is dropped). `isDefault` replaces your ' +
      'previous default for the list. At most 50 of your own views per list.',
  })
  @ApiCreatedResponse({ type: SavedViewResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.SavedViewLimitReached)
  createSavedView(@Body() body: CreateSavedViewDto, @CurrentPrincipal() principal: Principal): Promise<SavedViewDto> {
    return this.views.create(body, principal);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated()
  @ApiOperation({
    summary: 'Rename, share or change a saved view',
    description: 'Only the owner or an administrator. Send the `version` you read; a stale one gets 409.',
  })
  @ApiOkResponse({ type: SavedViewResponseDto, description: 'Updated.' })
  @ApiProblems(400, 403, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SavedViewNotFound, ErrorCode.SavedViewNotOwner)
  updateSavedView(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateSavedViewDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SavedViewDto> {
    return this.views.update(id, body, principal);
  }

  @Delete(':id')
  @IfMatch({ etag: false })
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Delete a saved view', description: 'Only the owner or an administrator.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 403, 404, 409)
  @ApiProblemCodes(ErrorCode.SavedViewNotFound, ErrorCode.SavedViewNotOwner, ErrorCode.VersionConflict)
  deleteSavedView(
    @Param('id', ParseIdPipe) id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.views.remove(id, principal, expectedVersion);
  }
}
