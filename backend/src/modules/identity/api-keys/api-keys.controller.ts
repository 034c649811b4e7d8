import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type ApiKeyDto, type CreatedApiKeyDto, type Page, ErrorCode } from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { CreatedLocation, ETagged } from '../../../platform/http/conditional/conditional.decorators';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListQueryDto, ApiKeyResponseDto, CreateApiKeyDto, CreatedApiKeyResponseDto } from './dto/api-key.dto';
import { PageOf, wholeList } from '../../../platform/http/pagination/page-dto';

@ApiTags('identity')
@Controller({ path: 'api-keys', version: '1' })
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Authenticated({ permission: Permission.IdentityApiKeysManage })
  @ApiOperation({
    summary: 'List your API keys',
    description:
      'Your keys with their scopes, prefix and last use; the secret itself is shown only once, when a key is created.',
  })
  @ApiOkResponse({
    type: PageOf(ApiKeyResponseDto),
    description: 'Your keys, newest first (secrets are never shown again).',
  })
  async listApiKeys(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ApiKeyListQueryDto,
  ): Promise<Page<ApiKeyDto>> {
    return wholeList(await this.apiKeys.listOwn(principal), query, {
      fields: { name: (key) => key.name, createdAt: (key) => key.createdAt },
      key: (key) => key.id,
    });
  }

  @Post()
  @CreatedLocation('/api/v1/api-keys/{id}')
  @Authenticated({ permission: Permission.IdentityApiKeysManage })
  @ApiOperation({
    summary: 'Create an API key',
    description: 'Scopes must be permissions you hold. The key is shown once.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto, description: 'Created; `key` is shown only now.' })
  @ApiProblems(400, 415)
  @ApiProblemCodes(ErrorCode.ScopeNotHeld)
  createApiKey(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(principal, body);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.IdentityApiKeysManage })
  @ETagged()
  @ApiOperation({
    summary: 'Read one of your API keys',
    description: 'Its name, scopes, prefix, expiry and last use; the secret is never shown again.',
  })
  @ApiOkResponse({ type: ApiKeyResponseDto, description: 'The key.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.ApiKeyNotFound)
  getApiKey(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<ApiKeyDto> {
    return this.apiKeys.getOwn(principal, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: Permission.IdentityApiKeysManage })
  @ApiOperation({
    summary: 'Revoke an API key',
    description: 'The key stops working at once. Revoking is final; create a new key instead.',
  })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked).' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.ApiKeyNotFound)
  revokeApiKey(@CurrentPrincipal() principal: Principal, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.apiKeys.revoke(principal, id);
  }
}
