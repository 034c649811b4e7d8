import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartnerKind, Permission, type Page, type PartnerDto, ErrorCode } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import {
  CreatePartnerDto,
  PartnerListQueryDto,
  PartnerPageDto,
  PartnerResponseDto,
  UpdatePartnerDto,
} from './dto/partner.dto';
import { PartnersService } from './partners.service';
import { Idempotent } from '../../platform/http/idempotency/idempotent.decorator';
import { CreatedLocation, ETagged, IfMatch } from '../../platform/http/conditional/conditional.decorators';

@ApiTags('purchasing')
@Controller({ path: 'suppliers', version: '1' })
export class SuppliersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @Authenticated({ permission: Permission.PurchasingSuppliersRead })
  @ApiOperation({ summary: 'List suppliers', description: 'Keyset-paginated; `q` matches code, name and e-mail.' })
  @ApiOkResponse({ type: PartnerPageDto, description: 'A page of suppliers.' })
  @ApiProblems(400)
  listSuppliers(@Query() query: PartnerListQueryDto): Promise<Page<PartnerDto>> {
    return this.partners.list(PartnerKind.Supplier, query);
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.PurchasingSuppliersRead })
  @ApiOperation({
    summary: 'Get a supplier',
    description: 'One supplier with contact details, payment terms and `version`.',
  })
  @ApiOkResponse({ type: PartnerResponseDto, description: 'The supplier.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.SupplierNotFound)
  getSupplier(@Param('id', ParseIdPipe) id: string): Promise<PartnerDto> {
    return this.partners.get(PartnerKind.Supplier, id);
  }

  @Post()
  @CreatedLocation('/api/v1/suppliers/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.PurchasingSuppliersWrite })
  @ApiOperation({
    summary: 'Create a supplier',
    description: 'Codes are unique among suppliers (upper-case letters, digits, `-`, `_`).',
  })
  @ApiCreatedResponse({ type: PartnerResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.PartnerCodeTaken)
  createSupplier(@Body() body: CreatePartnerDto): Promise<PartnerDto> {
    return this.partners.create(PartnerKind.Supplier, body);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.PurchasingSuppliersWrite })
  @ApiOperation({
    summary: 'Update a supplier',
    description: 'Send the `version` you read; a stale one gets 409. `active: false` keeps it off new orders.',
  })
  @ApiOkResponse({ type: PartnerResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.SupplierNotFound, ErrorCode.PartnerCodeTaken)
  updateSupplier(@Param('id', ParseIdPipe) id: string, @Body() body: UpdatePartnerDto): Promise<PartnerDto> {
    return this.partners.update(PartnerKind.Supplier, id, body);
  }
}

@ApiTags('sales')
@Controller({ path: 'customers', version: '1' })
export class CustomersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  @Authenticated({ permission: Permission.SalesCustomersRead })
  @ApiOperation({ summary: 'List customers', description: 'Keyset-paginated; `q` matches code, name and e-mail.' })
  @ApiOkResponse({ type: PartnerPageDto, description: 'A page of customers.' })
  @ApiProblems(400)
  listCustomers(@Query() query: PartnerListQueryDto): Promise<Page<PartnerDto>> {
    return this.partners.list(PartnerKind.Customer, query);
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.SalesCustomersRead })
  @ApiOperation({
    summary: 'Get a customer',
    description: 'One customer with contact and shipping details, payment terms and `version`.',
  })
  @ApiOkResponse({ type: PartnerResponseDto, description: 'The customer.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.CustomerNotFound)
  getCustomer(@Param('id', ParseIdPipe) id: string): Promise<PartnerDto> {
    return this.partners.get(PartnerKind.Customer, id);
  }

  @Post()
  @CreatedLocation('/api/v1/customers/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.SalesCustomersWrite })
  @ApiOperation({
    summary: 'Create a customer',
    description: 'Codes are unique among customers (upper-case letters, digits, `-`, `_`).',
  })
  @ApiCreatedResponse({ type: PartnerResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.PartnerCodeTaken)
  createCustomer(@Body() body: CreatePartnerDto): Promise<PartnerDto> {
    return this.partners.create(PartnerKind.Customer, body);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.SalesCustomersWrite })
  @ApiOperation({
    summary: 'Update a customer',
    description: 'Send the `version` you read; a stale one gets 409. `active: false` keeps it off new orders.',
  })
  @ApiOkResponse({ type: PartnerResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.CustomerNotFound, ErrorCode.PartnerCodeTaken)
  updateCustomer(@Param('id', ParseIdPipe) id: string, @Body() body: UpdatePartnerDto): Promise<PartnerDto> {
    return this.partners.update(PartnerKind.Customer, id, body);
  }
}
