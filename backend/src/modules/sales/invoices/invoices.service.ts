import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  INVOICE_SORT_FIELDS,
  DomainEventName,
  InvoiceKind,
  PAGINATION,
  PartnerKind,
  PaymentStatus,
  type InvoiceDto,
  type InvoiceLineDto,
  type InvoiceSummaryDto,
  type Page,
  type SalesOrderDto,
} from '@depot/contracts';
import { CompanySettingsService, type Seller } from '../../settings/company-settings.service';
import { AuditService } from '../../audit/audit.service';
import { newId } from '../../../platform/database/ids';
import { OutboxService } from '../../../platform/events/outbox.service';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../../platform/http/pagination/keyset-page';
import { parseSort } from '../../../platform/http/pagination/sort';
import { PartnersService } from '../../partners/partners.service';
import { InvoiceNotFoundError, InvoiceNotPayableError, InvoiceOverpaidError } from '../sales.errors';
import type { CreateCreditNoteDto, InvoiceListQueryDto, RecordPaymentDto } from './invoice.dto';
import {
  INVOICE_FROM,
  INVOICE_SELECT,
  invoiceDto,
  invoiceSummary,
  type InvoiceRow,
  type PaymentRow,
} from './invoice-rows';

const SORT_COLUMNS = {
  number: 'i.number',
  issuedAt: 'i.issued_at',
  totalMinor: 'i.total_minor',
} as const satisfies Record<(typeof INVOICE_SORT_FIELDS)[number], string>;
const SORT_KEYS: Record<string, keyof InvoiceRow> = {
  number: 'number',
  issuedAt: 'issued_at',
  totalMinor: 'total_minor',
};
const PAID = '(SELECT coalesce(sum(pay.amount_minor), 0) FROM invoice_payments pay WHERE pay.invoice_id = i.id)';
const CREDITED = '(SELECT coalesce(sum(cn.total_minor), 0) FROM invoices cn WHERE cn.credited_invoice_id = i.id)';
/** Counter rows per kind (the printed prefix comes from the company settings and may change). */
const SERIES = { invoice: 'INV', credit_note: 'CN' } as const;

/**
 * Invoices and credit notes. Numbers are gap-free per series and year: the counter row is
 * incremented in the issuing transaction (its row lock orders concurrent issuers, a rollback
 * gives the number back). Issued documents and payments are immutable (database triggers);
 * corrections are credit notes.
 */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly partners: PartnersService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly settings: CompanySettingsService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  list(query: InvoiceListQueryDto): Promise<Page<InvoiceSummaryDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, '-issuedAt');
    const params = new SqlParams();
    const where: string[] = [];
    if (query.kind) where.push(`i.kind = ${params.add(query.kind)}`);
    if (query.customerId) where.push(`i.customer_id = ${params.add(query.customerId)}`);
    if (query.salesOrderId) where.push(`i.sales_order_id = ${params.add(query.salesOrderId)}`);
    if (query.paymentStatus) {
      where.push(`i.kind = 'invoice'`);
      const balance = `(i.total_minor - ${PAID} - ${CREDITED})`;
      if (query.paymentStatus === PaymentStatus.Paid) where.push(`${balance} <= 0`);
      if (query.paymentStatus === PaymentStatus.PartiallyPaid) where.push(`${balance} > 0 AND ${PAID} > 0`);
      if (query.paymentStatus === PaymentStatus.Unpaid) where.push(`${balance} > 0 AND ${PAID} = 0`);
    }
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(i.number ILIKE ${pattern} OR so.number ILIKE ${pattern} OR i.customer->>'name' ILIKE ${pattern})`);
    }
    return keysetPage<InvoiceRow, InvoiceSummaryDto>(this.db, {
      select: INVOICE_SELECT,
      from: INVOICE_FROM,
      where,
      params,
      sort,
      idColumn: 'i.id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[SORT_KEYS[sort.field]]),
      map: invoiceSummary,
    });
  }

  async get(id: string, lock = false): Promise<InvoiceDto> {
    if (lock) {
      const [locked] = await this.db.query<{ id: string }[]>('SELECT id FROM invoices WHERE id = $1 FOR UPDATE', [id]);
      if (!locked) throw new InvoiceNotFoundError(id);
    }
    const [row] = await this.db.query<InvoiceRow[]>(`SELECT ${INVOICE_SELECT} FROM ${INVOICE_FROM} WHERE i.id = $1`, [
      id,
    ]);
    if (!row) throw new InvoiceNotFoundError(id);
    const payments = await this.db.query<PaymentRow[]>(
      `SELECT id, amount_minor, method, reference, paid_at, recorded_at FROM invoice_payments
        WHERE invoice_id = $1 ORDER BY paid_at, id`,
      [id],
    );
    return invoiceDto(row, payments);
  }

  /** Issues the invoice of a fulfilled sales order, inside the caller's transaction. */
  async issueFor(order: SalesOrderDto): Promise<InvoiceDto> {
    const customer = await this.partners.get(PartnerKind.Customer, order.customerId);
    const lines: InvoiceLineDto[] = order.lines.map((line) => ({
      sku: line.sku,
      description: line.productName,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      discountBps: line.discountBps,
      taxRateBps: line.taxRateBps,
      grossMinor: line.grossMinor,
      discountMinor: line.discountMinor,
      netMinor: line.netMinor,
      taxMinor: line.taxMinor,
      totalMinor: line.totalMinor,
    }));
    const id = await this.insert({
      kind: InvoiceKind.Invoice,
      salesOrderId: order.id,
      creditedInvoiceId: null,
      customerId: customer.id,
      customer: {
        code: customer.code,
        name: customer.name,
        billingAddress: customer.billingAddress,
        taxId: customer.taxId,
        taxTreatment: customer.taxTreatment,
      },
      currency: order.currency,
      paymentTermsDays: customer.paymentTermsDays,
      reason: null,
      lines,
      totals: order,
    });
    const invoice = await this.get(id);
    await this.audit.record({
      action: 'issue',
      entityType: 'invoice',
      entityId: id,
      changes: {
        number: { before: null, after: invoice.number },
        salesOrderId: { before: null, after: order.id },
        totalMinor: { before: null, after: invoice.totalMinor },
      },
    });
    await this.outbox.record({
      type: DomainEventName.InvoiceIssued,
      aggregateType: 'invoice',
      aggregateId: id,
      payload: { invoice: invoiceEventPayload(invoice) },
    });
    return invoice;
  }

  @Transactional()
  async recordPayment(id: string, input: RecordPaymentDto): Promise<InvoiceDto> {
    const invoice = await this.get(id, true);
    if (invoice.kind !== InvoiceKind.Invoice) throw new InvoiceNotPayableError(invoice.number);
    if (input.amountMinor > invoice.balanceMinor) {
      throw new InvoiceOverpaidError(
        `${invoice.number} has ${invoice.balanceMinor} ${invoice.currency} minor units open; ` +
          `a payment of ${input.amountMinor} would overpay it.`,
      );
    }
    const paymentId = newId();
    await this.db.query(
      `INSERT INTO invoice_payments (id, invoice_id, amount_minor, method, reference, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        paymentId,
        id,
        input.amountMinor,
        input.method,
        input.reference ?? null,
        input.paidAt ?? new Date().toISOString(),
      ],
    );
    const after = await this.get(id);
    await this.audit.record({
      action: 'payment',
      entityType: 'invoice',
      entityId: id,
      changes: {
        paidMinor: { before: invoice.paidMinor, after: after.paidMinor },
        paymentStatus: { before: invoice.paymentStatus, after: after.paymentStatus },
      },
    });
    await this.outbox.record({
      type: DomainEventName.PaymentRecorded,
      aggregateType: 'invoice',
      aggregateId: id,
      payload: { invoice: invoiceEventPayload(after), paymentId, amountMinor: input.amountMinor },
    });
    return after;
  }

  @Transactional()
  async createCreditNote(id: string, input: CreateCreditNoteDto): Promise<InvoiceDto> {
    const invoice = await this.get(id, true);
    if (invoice.kind !== InvoiceKind.Invoice) throw new InvoiceNotPayableError(invoice.number);
    const creditable = invoice.totalMinor - invoice.creditedMinor;
    const amount = input.amountMinor ?? creditable;
    if (creditable <= 0 || amount > creditable) {
      throw new InvoiceOverpaidError(
        `${invoice.number} has ${creditable} minor units left to credit; cannot credit ${amount}.`,
      );
    }
    // Crediting everything of an uncredited invoice copies its lines; anything else is one line.
    const whole = amount === invoice.totalMinor;
    const lines: InvoiceLineDto[] = whole
      ? invoice.lines
      : [
          {
            sku: '',
            description: `Credit for ${invoice.number}: ${input.reason}`,
            quantity: 1,
            unitPriceMinor: amount,
            discountBps: 0,
            taxRateBps: 0,
            grossMinor: amount,
            discountMinor: 0,
            netMinor: amount,
            taxMinor: 0,
            totalMinor: amount,
          },
        ];
    const totals = whole
      ? invoice
      : { grossMinor: amount, discountMinor: 0, netMinor: amount, taxMinor: 0, totalMinor: amount };
    const creditNoteId = await this.insert({
      kind: InvoiceKind.CreditNote,
      salesOrderId: invoice.salesOrderId,
      creditedInvoiceId: invoice.id,
      customerId: invoice.customer.id,
      customer: {
        code: invoice.customer.code,
        name: invoice.customer.name,
        billingAddress: invoice.customer.billingAddress,
        taxId: invoice.customer.taxId,
        taxTreatment: invoice.customer.taxTreatment,
      },
      currency: invoice.currency,
      paymentTermsDays: 0,
      reason: input.reason,
      lines,
      totals,
    });
    const creditNote = await this.get(creditNoteId);
    await this.audit.record({
      action: 'credit',
      entityType: 'invoice',
      entityId: invoice.id,
      changes: {
        creditedMinor: { before: invoice.creditedMinor, after: invoice.creditedMinor + amount },
        creditNote: { before: null, after: creditNote.number },
      },
    });
    await this.outbox.record({
      type: DomainEventName.CreditNoteIssued,
      aggregateType: 'invoice',
      aggregateId: creditNoteId,
      payload: { invoice: invoiceEventPayload(creditNote), creditedInvoiceId: invoice.id },
    });
    return creditNote;
  }

  /** The seller frozen into a document as it is issued (what it said then is what it keeps saying). */
  async sellerOf(id: string): Promise<Seller> {
    const [row] = await this.db.query<{ seller: Seller | null }[]>('SELECT seller FROM invoices WHERE id = $1', [id]);
    if (!row) throw new InvoiceNotFoundError(id);
    return row.seller ?? this.settings.currentSeller();
  }

  /**
   * Takes the next number of the series (gap-free, see the class comment) and inserts the
   * document with the seller it is issued by (409 while the company settings are incomplete).
   */
  private async insert(document: {
    kind: InvoiceKind;
    salesOrderId: string;
    creditedInvoiceId: string | null;
    customerId: string;
    customer: InvoiceRow['customer'];
    currency: string;
    paymentTermsDays: number;
    reason: string | null;
    lines: InvoiceLineDto[];
    totals: { grossMinor: number; discountMinor: number; netMinor: number; taxMinor: number; totalMinor: number };
  }): Promise<string> {
    const seller = await this.settings.sellerForIssuing();
    const series = SERIES[document.kind];
    const prefix = seller.numberPrefixes[document.kind];
    const [{ year }] = await this.db.query<[{ year: number }]>(
      `SELECT extract(year FROM now() AT TIME ZONE 'UTC')::int AS year`,
    );
    const [{ last_value: sequence }] = await this.db.query<[{ last_value: number }]>(
      `INSERT INTO document_counters (series, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (series, year) DO UPDATE SET last_value = document_counters.last_value + 1
       RETURNING last_value`,
      [series, year],
    );
    const id = newId();
    const { totals } = document;
    await this.db.query(
      `INSERT INTO invoices (id, kind, number, year, sequence, sales_order_id, credited_invoice_id, customer_id, customer,
         currency, due_date, reason, lines, gross_minor, discount_minor, net_minor, tax_minor, total_minor, seller)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (now() AT TIME ZONE 'UTC')::date + $11::int, $12, $13,
         $14, $15, $16, $17, $18, $19)`,
      [
        id,
        document.kind,
        `${prefix}-${year}-${String(sequence).padStart(6, '0')}`,
        year,
        sequence,
        document.salesOrderId,
        document.creditedInvoiceId,
        document.customerId,
        JSON.stringify(document.customer),
        document.currency,
        document.paymentTermsDays,
        document.reason,
        JSON.stringify(document.lines),
        totals.grossMinor,
        totals.discountMinor,
        totals.netMinor,
        totals.taxMinor,
        totals.totalMinor,
        JSON.stringify(seller),
      ],
    );
    return id;
  }
}

/** Events carry the invoice without its line and payment arrays (receivers fetch details). */
function invoiceEventPayload(invoice: InvoiceDto): Omit<InvoiceDto, 'lines' | 'payments'> {
  const { lines: _lines, payments: _payments, ...summary } = invoice;
  return summary;
}
