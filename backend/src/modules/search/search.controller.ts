import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SearchResponseDto } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../platform/auth/current-principal.decorator';
import type { Principal } from '../../platform/auth/principal';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { SearchQueryDto, SearchResultsResponseDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller({ path: 'search', version: '1' })
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Search everything',
    description:
      'Products (SKU, name, barcode), sales and purchase orders and invoices (number), customers and suppliers ' +
      '(name, code, e-mail) and users (name, e-mail), grouped by type. Only types the caller may read are ' +
      'searched (users need `identity.users.read`). Ranked: exact match, then prefix, then trigram similarity ' +
      '(typos are forgiven from 3 characters on).',
  })
  @ApiOkResponse({ type: SearchResultsResponseDto, description: 'Matches, grouped by type.' })
  @ApiProblems(400)
  search(@Query() query: SearchQueryDto, @CurrentPrincipal() principal: Principal): Promise<SearchResponseDto> {
    return this.searchService.search(query.q, query.limit, principal.permissions);
  }
}
