import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Permission,
  type DocumentMailDto,
  type InvoiceDto,
  type InvoiceSummaryDto,
  type Page,
  ErrorCode,
} from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import {
  CreateCreditNoteDto,
  InvoiceListQueryDto,
  InvoicePageDto,
  InvoiceResponseDto,
  RecordPaymentDto,
} from './invoice.dto';
import { InvoiceDocumentsService } from './invoice-documents.service';
import { DocumentMailResponseDto, SendDocumentDto } from '../../documents/dto/document-mail.dto';
import { DocumentRenderer } from '../../documents/document-renderer';
import { InvoicesService } from './invoices.service';
import { CreatedLocation, ETagged } from '../../../platform/http/conditional/conditional.decorators';

@ApiTags('sales')
@Controller({ path: 'invoices', version: '1' })
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly renderer: DocumentRenderer,
    private readonly documents: InvoiceDocumentsService,
  ) {}

  @Get()
  @Authenticated({ permission: Permission.SalesInvoicesRead })
  @ApiOperation({
    summary: 'List invoices and credit notes',
    description: 'Newest first; `q` matches the number, the order number and the customer name.',
  })
  @ApiOkResponse({ type: InvoicePageDto, description: 'A page of invoices.' })
  @ApiProblems(400)
  listInvoices(@Query() query: InvoiceListQueryDto): Promise<Page<InvoiceSummaryDto>> {
    return this.invoices.list(query);
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.SalesInvoicesRead })
  @ApiOperation({ summary: 'Get an invoice or credit note', description: 'With lines, payments and the balance.' })
  @ApiOkResponse({ type: InvoiceResponseDto, description: 'The invoice.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.InvoiceNotFound)
  getInvoice(@Param('id', ParseIdPipe) id: string): Promise<InvoiceDto> {
    return this.invoices.get(id);
  }

  @Get(':id/html')
  @Authenticated({ permission: Permission.SalesInvoicesRead })
  @ApiOperation({ summary: 'The invoice rendered as HTML', description: 'From the same template data as the PDF.' })
  @ApiOkResponse({
    description: 'An HTML document.',
    content: {
      'text/html': {
        schema: {
          type: 'string',
          example: '<!doctype html><html lang="en"><head><title>INV-2026-000123</title></head><body>…</body></html>',
        },
      },
    },
  })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.InvoiceNotFound)
  async getInvoiceHtml(@Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const document = await this.documents.document(id);
    return this.renderer.file(document, 'html', document.number);
  }

  @Get(':id/pdf')
  @Authenticated({ permission: Permission.SalesInvoicesRead })
  @ApiOperation({ summary: 'Download the invoice as PDF', description: 'Generated in process (pdfkit).' })
  @ApiOkResponse({
    description: 'A PDF file.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.InvoiceNotFound)
  async getInvoicePdf(@Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    const document = await this.documents.document(id);
    return this.renderer.file(document, 'pdf', document.number);
  }

  @Post(':id/payments')
  @CreatedLocation('/api/v1/invoices/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.SalesInvoicesWrite })
  @ApiOperation({
    summary: 'Record a payment',
    description: 'More than the open balance: 409. The payment status follows (unpaid, partially paid, paid).',
  })
  @ApiCreatedResponse({ type: InvoiceResponseDto, description: 'The invoice with the payment.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.InvoiceNotFound, ErrorCode.InvoiceNotPayable, ErrorCode.InvoiceOverpaid)
  recordPayment(@Param('id', ParseIdPipe) id: string, @Body() body: RecordPaymentDto): Promise<InvoiceDto> {
    return this.invoices.recordPayment(id, body);
  }

  @Post(':id/credit-notes')
  @CreatedLocation('/api/v1/invoices/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.SalesInvoicesWrite })
  @ApiOperation({
    summary: 'Issue a credit note',
    description:
      'Issued invoices are immutable; a credit note corrects one (numbered CN-2026-000001). Without ' +
      '`amountMinor`, everything not yet credited.',
  })
  @ApiCreatedResponse({ type: InvoiceResponseDto, description: 'The credit note.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(
    ErrorCode.InvoiceNotFound,
    ErrorCode.InvoiceNotPayable,
    ErrorCode.InvoiceOverpaid,
    ErrorCode.CompanySettingsIncomplete,
  )
  createCreditNote(@Param('id', ParseIdPipe) id: string, @Body() body: CreateCreditNoteDto): Promise<InvoiceDto> {
    return this.invoices.createCreditNote(id, body);
  }

  @Post(':id/email')
  @HttpCode(202)
  @Idempotent()
  @Authenticated({ permission: Permission.SalesInvoicesWrite })
  @ApiOperation({
    summary: 'E-mail the invoice or credit note to the customer',
    description:
      'The PDF is attached; `to` defaults to the customer’s e-mail address, `subject` and `message` to a standard ' +
      'text. Queued in this request’s transaction and delivered in the background, so an SMTP outage delays ' +
      'the message but never fails the request; follow its delivery in `GET /invoices/{id}/emails`.',
  })
  @ApiAcceptedResponse({ type: DocumentMailResponseDto, description: 'Queued.' })
  @ApiProblems(400, 404, 415)
  @ApiProblemCodes(ErrorCode.InvoiceNotFound)
  emailInvoice(@Param('id', ParseIdPipe) id: string, @Body() body: SendDocumentDto): Promise<DocumentMailDto> {
    return this.documents.email(id, body);
  }

  @Get(':id/emails')
  @Authenticated({ permission: Permission.SalesInvoicesRead })
  @ApiOperation({
    summary: 'E-mails of the invoice',
    description: 'Every e-mail of this document, newest first, with where its delivery stands.',
  })
  @ApiOkResponse({ type: [DocumentMailResponseDto], description: 'The e-mails.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.InvoiceNotFound)
  listInvoiceEmails(@Param('id', ParseIdPipe) id: string): Promise<DocumentMailDto[]> {
    return this.documents.emails(id);
  }
}
