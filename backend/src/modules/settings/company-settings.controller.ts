import { Body, Controller, Delete, Get, Header, Headers, Param, Patch, Put, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { COMPANY_LIMITS, ErrorCode, Permission, type CompanySettingsDto } from '@depot/contracts';
import { Authenticated, Public } from '../../platform/auth/auth.decorators';
import { ETagged, IfMatch } from '../../platform/http/conditional/conditional.decorators';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import { checkLogo } from './company-logo';
import { CompanySettingsService } from './company-settings.service';
import { CompanySettingsResponseDto, UpdateCompanySettingsDto } from './dto/company-settings.dto';

@ApiTags('settings')
@Controller({ path: 'settings/company', version: '1' })
export class CompanySettingsController {
  constructor(private readonly settings: CompanySettingsService) {}

  @Get()
  @ETagged()
  @Authenticated()
  @ApiOperation({
    summary: 'Get the company settings',
    description:
      'The seller printed on every document: legal details, address, tax ids, bank account, logo, numbering. ' +
      '`complete` is false (and `missing` names the fields) until invoices can be issued.',
  })
  @ApiOkResponse({ type: CompanySettingsResponseDto, description: 'The company settings.' })
  getCompanySettings(): Promise<CompanySettingsDto> {
    return this.settings.get();
  }

  @Patch()
  @IfMatch()
  @Authenticated({ permission: Permission.SettingsCompanyManage })
  @ApiOperation({
    summary: 'Change the company settings',
    description:
      'Send the `version` you read and the fields to change; `null` or an empty string clears a field. IBAN ' +
      '(check digits), BIC, VAT id (format of its country prefix) and tax number (format of the company’s country ' +
      'where known: DE, AT) are checked. Documents already issued keep the details they were issued with.',
  })
  @ApiOkResponse({ type: CompanySettingsResponseDto, description: 'The changed settings.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.VersionConflict)
  updateCompanySettings(@Body() body: UpdateCompanySettingsDto): Promise<CompanySettingsDto> {
    return this.settings.update(body);
  }

  @Put('logo')
  @Authenticated({ permission: Permission.SettingsCompanyManage })
  @ApiOperation({
    summary: 'Upload the company logo',
    description: `The image file as the body, PNG or JPEG, at most ${COMPANY_LIMITS.logoMaxBytes / 1024} KiB. Printed on documents.`,
  })
  @ApiConsumes(...COMPANY_LIMITS.logoTypes)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: CompanySettingsResponseDto, description: 'The settings with the new `logoUrl`.' })
  @ApiProblems(400, 413, 415)
  uploadCompanyLogo(
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<CompanySettingsDto> {
    const logo = checkLogo(contentType, body);
    return this.settings.setLogo(logo.type, logo.bytes);
  }

  @Delete('logo')
  @Authenticated({ permission: Permission.SettingsCompanyManage })
  @ApiOperation({ summary: 'Remove the company logo', description: 'Documents are printed without one.' })
  @ApiOkResponse({ type: CompanySettingsResponseDto, description: 'The settings without `logoUrl`.' })
  removeCompanyLogo(): Promise<CompanySettingsDto> {
    return this.settings.removeLogo();
  }

  @Get('logo/:hash')
  @Public()
  @Header('cache-control', 'public, max-age=31536000, immutable')
  @ApiOperation({
    summary: 'The company logo',
    description:
      'Public, so that an `<img>` can show it. The path (from `logoUrl`) names this very image: it never changes, ' +
      'and answers 404 once the logo has been replaced.',
  })
  @ApiParam({ name: 'hash', description: 'From `logoUrl`.', example: '3f1f2b9d4c10a59e' })
  @ApiOkResponse({
    description: 'The image.',
    content: Object.fromEntries(
      COMPANY_LIMITS.logoTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiProblems(404)
  @ApiProblemCodes(ErrorCode.CompanyLogoNotFound)
  async getCompanyLogo(@Param('hash') hash: string): Promise<StreamableFile> {
    const logo = await this.settings.logo(/^[0-9a-f]{16}$/.test(hash) ? hash : '-');
    return new StreamableFile(logo.bytes, { type: logo.type, length: logo.bytes.length });
  }
}
