import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { InvoiceKind, MailedDocument, Permission, type InvoiceDto } from '@depot/contracts';
import { EMPTY, debounceTime, map, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DocumentMailsComponent } from '../../../../shared/documents/document-mails.component';
import { mailQueuedMessage, openSendDocumentDialog } from '../../../../shared/documents/send-document-dialog.component';
import { CalendarDatePipe } from '../../../../shared/format/calendar-date.pipe';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { RecordHistoryComponent } from '../../../../shared/history/record-history.component';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { PageHeaderComponent } from '../../../../shared/ui/page-header/page-header.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { blobErrorToProblem, saveBlob } from '../../../../shared/http/download';
import { INVOICE_AGGREGATE, InvoicesService, invoiceFileName } from '../../data-access/invoices.service';
import {
  formatBps,
  invoiceKindLabel,
  paymentMethodLabel,
  paymentStatusLabel,
  paymentStatusTone,
} from '../../data-access/sales-labels';
import { openCreditNoteDialog } from './credit-note-dialog.component';
import { openRecordPaymentDialog } from './record-payment-dialog.component';

/** A burst of invoice events (a payment and the status it changes) reloads once. */
export const INVOICE_REFRESH_DEBOUNCE_MS = 300;

type LoadState = 'loading' | 'ready' | 'not-found' | 'failed';

/**
 * One invoice or credit note (`/invoices/:id`): customer, lines, totals, payments and balance,
 * with its PDF, payments and credit notes, and (with `audit:read`) its audit history. Follows
 * live events for this invoice.
 */
@Component({
  selector: 'app-invoice-detail',
  imports: [
    PageHeaderComponent,
    RouterLink,
    MatButton,
    MatAnchor,
    MatProgressBar,
    DateTimePipe,
    CalendarDatePipe,
    MoneyPipe,
    IconComponent,
    RecordHistoryComponent,
    DocumentMailsComponent,
  ],
  templateUrl: './invoice-detail.component.html',
  styleUrl: './invoice-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDetailComponent {
  readonly #invoices = inject(InvoicesService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #router = inject(Router);
  readonly #document = inject(DOCUMENT);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), {
    requireSync: true,
  });
  protected readonly invoice = signal<InvoiceDto | null>(null);
  protected readonly loadState = signal<LoadState>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);
  /** Bumped when the invoice changed after it was first shown: the history loads again. */
  protected readonly historyRefresh = signal(0);
  /** Bumped after an e-mail was queued: the e-mail list loads again. */
  protected readonly mailsRefresh = signal(0);

  protected readonly kindLabel = invoiceKindLabel;
  protected readonly paymentLabel = paymentStatusLabel;
  protected readonly paymentTone = paymentStatusTone;
  protected readonly headerTitle = computed(() => {
    const invoice = this.invoice();
    return invoice ? `${invoiceKindLabel(invoice.kind)} ${invoice.number}` : 'Invoice';
  });
  protected readonly headerStatus = computed(() => {
    const status = this.invoice()?.paymentStatus ?? null;
    return status ? paymentStatusLabel(status) : null;
  });
  protected readonly headerTone = computed(() => paymentStatusTone(this.invoice()?.paymentStatus ?? null));
  protected readonly methodLabel = paymentMethodLabel;
  protected readonly formatBps = formatBps;

  readonly #canWrite = computed(() => this.#auth.permissions().has(Permission.SalesInvoicesWrite));
  protected readonly canReadOrders = computed(() => this.#auth.permissions().has(Permission.SalesOrdersRead));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly isInvoice = computed(() => this.invoice()?.kind === InvoiceKind.Invoice);
  /** Invoices and credit notes both go to the customer (`sales.invoices.write`). */
  protected readonly canEmail = this.#canWrite;
  /** Payments are taken while something is owed. */
  protected readonly canRecordPayment = computed(() => {
    const invoice = this.invoice();
    return this.#canWrite() && invoice?.kind === InvoiceKind.Invoice && invoice.balanceMinor > 0;
  });
  /** A credit note can cover what is owed or what was paid, as long as not everything is credited yet. */
  protected readonly canCredit = computed(() => {
    const invoice = this.invoice();
    return (
      this.#canWrite() &&
      invoice?.kind === InvoiceKind.Invoice &&
      (invoice.balanceMinor > 0 || invoice.creditedMinor < invoice.totalMinor)
    );
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.#load(id));
    });
    const realtime = inject(RealtimeService);
    toObservable(this.id)
      .pipe(
        switchMap((id) => (id ? realtime.changes({ aggregateType: INVOICE_AGGREGATE, aggregateId: id }) : EMPTY)),
        debounceTime(INVOICE_REFRESH_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.#load(this.id(), true));
  }

  /** Saves the PDF under the invoice number (fetched with the access token, so not a plain link). */
  protected downloadPdf(): void {
    const invoice = this.invoice();
    if (!invoice || this.downloading()) {
      return;
    }
    this.downloading.set(true);
    this.downloadError.set(null);
    this.#invoices.pdf(invoice.id).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveBlob(this.#document, blob, invoiceFileName(invoice.number));
      },
      error: (error: unknown) => {
        void blobErrorToProblem(error).then((problem) => {
          this.downloading.set(false);
          this.downloadError.set(`Could not download the PDF: ${problemMessage(problem)}`);
        });
      },
    });
  }

  protected emailToCustomer(): void {
    const invoice = this.invoice();
    if (!invoice || !this.canEmail()) {
      return;
    }
    openSendDocumentDialog(this.#dialog, {
      document: invoice.kind === InvoiceKind.CreditNote ? MailedDocument.CreditNote : MailedDocument.Invoice,
      recordId: invoice.id,
      number: invoice.number,
      partnerId: invoice.customer.id,
      partnerName: invoice.customer.name,
    }).subscribe((mail) => {
      if (mail) {
        this.mailsRefresh.update((tick) => tick + 1);
        this.#snackBar.open(mailQueuedMessage(mail), 'Dismiss', { duration: 4000 });
      }
    });
  }

  protected recordPayment(): void {
    const invoice = this.invoice();
    if (!invoice || !this.canRecordPayment()) {
      return;
    }
    openRecordPaymentDialog(this.#dialog, invoice).subscribe((updated) => {
      if (updated) {
        this.invoice.set(updated);
        this.historyRefresh.update((tick) => tick + 1);
        this.#snackBar.open(
          updated.balanceMinor === 0
            ? `${updated.number} is paid in full.`
            : `Recorded the payment on ${updated.number}.`,
          'Dismiss',
          { duration: 4000 },
        );
      }
    });
  }

  protected issueCreditNote(): void {
    const invoice = this.invoice();
    if (!invoice || !this.canCredit()) {
      return;
    }
    openCreditNoteDialog(this.#dialog, invoice).subscribe((creditNote) => {
      if (creditNote) {
        this.#snackBar.open(`Issued credit note ${creditNote.number}.`, 'Dismiss', { duration: 4000 });
        void this.#router.navigate(['/invoices', creditNote.id]);
      }
    });
  }

  protected retry(): void {
    this.#load(this.id());
  }

  #load(id: string, quiet = false): void {
    if (!quiet) {
      this.loadState.set('loading');
      this.loadProblem.set(null);
    }
    this.#invoices.get(id).subscribe({
      next: (invoice) => {
        this.invoice.set(invoice);
        this.loadState.set('ready');
        if (quiet) {
          this.historyRefresh.update((tick) => tick + 1);
        }
      },
      error: (error: unknown) => {
        if (quiet) {
          return;
        }
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }
}
