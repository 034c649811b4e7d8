import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ErrorCode,
  MailedDocument,
  Permission,
  SALES_ORDER_ACTIONS,
  type InvoiceDto,
  type ProblemDetails,
  type SalesOrderDto,
  type ShortLineDto,
} from '@depot/contracts';
import { EMPTY, Observable, debounceTime, filter, map, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import {
  COMPANY_SETTINGS_PATH,
  captureMissingFields,
  missingFieldsText,
} from '../../../../shared/company/missing-fields';
import { DocumentDownloads } from '../../../../shared/documents/document-download';
import { DocumentMailsComponent } from '../../../../shared/documents/document-mails.component';
import { confirmationUnavailable, deliveryNoteUnavailable } from '../../../../shared/documents/document-availability';
import { DocumentsMenuComponent, type DocumentMenuEntry } from '../../../../shared/documents/documents-menu.component';
import { mailQueuedMessage, openSendDocumentDialog } from '../../../../shared/documents/send-document-dialog.component';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { RecordHistoryComponent } from '../../../../shared/history/record-history.component';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header/page-header.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { IdempotentSubmission } from '../../../../shared/http/idempotent-submission';
import { isProblem, submissionMessage } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { formatBps, orderStatusLabel, orderStatusTone, statusChangeLabel } from '../../data-access/sales-labels';
import { SALES_ORDER_AGGREGATE, SalesOrdersService } from '../../data-access/sales-orders.service';
import { openFulfilDialog } from './fulfil-dialog.component';
import { captureShortLines, shortLineViews } from './short-lines';

/** A burst of events about the order (a status change and an update) reloads it once. */
export const ORDER_REFRESH_DEBOUNCE_MS = 300;

export type SalesOrderAction = (typeof SALES_ORDER_ACTIONS)[keyof typeof SALES_ORDER_ACTIONS][number];

type LoadState = 'loading' | 'ready' | 'not-found' | 'failed';

/** Which permission each action needs (the server checks it again). */
const ACTION_PERMISSIONS: Readonly<Record<SalesOrderAction, Permission>> = {
  edit: Permission.SalesOrdersWrite,
  confirm: Permission.SalesOrdersWrite,
  cancel: Permission.SalesOrdersWrite,
  fulfil: Permission.SalesOrdersFulfil,
  invoice: Permission.SalesInvoicesWrite,
};

/**
 * One sales order (`/sales-orders/:id`): header, lines with reserved and shipped quantities,
 * totals, the status timeline, the actions its status allows to this user and (with
 * `audit:read`) its audit history. Follows live events, so another user's change shows without
 * a reload.
 */
@Component({
  selector: 'app-sales-order-detail',
  imports: [
    PageHeaderComponent,
    RouterLink,
    MatButton,
    MatAnchor,
    MatProgressBar,
    DateTimePipe,
    MoneyPipe,
    IconComponent,
    RecordHistoryComponent,
    DocumentsMenuComponent,
    DocumentMailsComponent,
  ],
  templateUrl: './sales-order-detail.component.html',
  styleUrl: './sales-order-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SalesOrderDetailComponent {
  readonly #orders = inject(SalesOrdersService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #router = inject(Router);
  /** One submission per action: a retried click reuses its key, a new action after success gets a new one. */
  readonly #submissions = new Map<SalesOrderAction, IdempotentSubmission>();

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), {
    requireSync: true,
  });
  protected readonly order = signal<SalesOrderDto | null>(null);
  protected readonly loadState = signal<LoadState>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly busy = signal<SalesOrderAction | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly shortLines = signal<ShortLineDto[] | null>(null);
  /** The server's words for a refused confirmation (shown above the short lines). */
  protected readonly shortDetail = signal<string | null>(null);
  /**
   * An invoice was refused because the company settings lack what it needs: the missing fields in
   * words ("legal name and IBAN"), or '' when the server did not list them.
   */
  protected readonly companyIncomplete = signal<string | null>(null);
  /** The fields captured from the last refused invoice (read from the raw error). */
  #missingCompanyFields: string[] = [];
  protected readonly companySettingsPath = COMPANY_SETTINGS_PATH;
  protected readonly canEditCompany = computed(() => this.#auth.permissions().has(Permission.SettingsCompanyManage));
  /** Bumped when the order changed after it was first shown: the history loads again. */
  protected readonly historyRefresh = signal(0);
  protected readonly shortLineViews = computed(() => {
    const short = this.shortLines();
    const order = this.order();
    return short && order ? shortLineViews(short, order.lines) : [];
  });

  protected readonly headerStatus = computed(() => {
    const order = this.order();
    return order ? orderStatusLabel(order.status) : null;
  });
  protected readonly headerTone = computed(() => {
    const order = this.order();
    return order ? orderStatusTone(order.status) : 'neutral';
  });
  protected readonly statusLabel = orderStatusLabel;
  protected readonly statusTone = orderStatusTone;
  protected readonly changeLabel = statusChangeLabel;
  protected readonly formatBps = formatBps;

  /** The actions shown: allowed by the status and by the user's permissions. */
  protected readonly actions = computed<ReadonlySet<SalesOrderAction>>(() => {
    const order = this.order();
    const permissions = this.#auth.permissions();
    if (!order) {
      return new Set();
    }
    return new Set(SALES_ORDER_ACTIONS[order.status].filter((action) => permissions.has(ACTION_PERMISSIONS[action])));
  });
  protected readonly canReadInvoices = computed(() => this.#auth.permissions().has(Permission.SalesInvoicesRead));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  /** Newest first. */
  protected readonly history = computed(() => [...(this.order()?.history ?? [])].reverse());

  /** The order confirmation and the delivery note, each available from its stage on. */
  protected readonly documents = computed<DocumentMenuEntry[]>(() => {
    const order = this.order();
    return order
      ? [
          { document: MailedDocument.OrderConfirmation, unavailable: confirmationUnavailable(order) },
          { document: MailedDocument.DeliveryNote, unavailable: deliveryNoteUnavailable(order) },
        ]
      : [];
  });
  protected readonly canEmailDocuments = computed(() => this.#auth.permissions().has(Permission.SalesOrdersWrite));
  protected readonly downloads = new DocumentDownloads();
  /** Bumped after an e-mail was queued: the e-mail list loads again. */
  protected readonly mailsRefresh = signal(0);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.#load(id));
    });

    const realtime = inject(RealtimeService);
    toObservable(this.id)
      .pipe(
        switchMap((id) => (id ? realtime.changes({ aggregateType: SALES_ORDER_AGGREGATE, aggregateId: id }) : EMPTY)),
        // Our own actions already show their result; don't reload while one runs.
        filter(() => this.busy() === null),
        debounceTime(ORDER_REFRESH_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.#load(this.id(), true));
  }

  protected has(action: SalesOrderAction): boolean {
    return this.actions().has(action);
  }

  protected confirm(): void {
    const order = this.order();
    if (!order) {
      return;
    }
    this.shortLines.set(null);
    this.#run('confirm', (key) =>
      this.#orders
        .confirm(order.id, { version: order.version }, key)
        .pipe(captureShortLines((lines) => this.shortLines.set(lines))),
    ).subscribe((confirmed) => this.#done(confirmed, `Confirmed ${confirmed.number}: the stock is reserved.`));
  }

  protected fulfil(): void {
    const order = this.order();
    if (!order) {
      return;
    }
    openFulfilDialog(this.#dialog, order).subscribe((fulfilled) => {
      if (fulfilled) {
        this.#done(fulfilled, `Shipped from ${fulfilled.number}.`);
      }
    });
  }

  protected cancel(): void {
    const order = this.order();
    if (!order) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: `Cancel ${order.number}?`,
      message: 'Reserved stock is released. A cancelled order cannot be reopened.',
      confirmLabel: 'Cancel order',
      cancelLabel: 'Keep order',
    })
      .pipe(
        filter((yes) => yes),
        switchMap(() => this.#run('cancel', (key) => this.#orders.cancel(order.id, { version: order.version }, key))),
      )
      .subscribe((cancelled) => this.#done(cancelled, `Cancelled ${cancelled.number}.`));
  }

  protected issueInvoice(): void {
    const order = this.order();
    if (!order) {
      return;
    }
    this.#missingCompanyFields = [];
    this.#run<InvoiceDto>('invoice', (key) =>
      this.#orders
        .invoice(order.id, { version: order.version }, key)
        .pipe(captureMissingFields((missing) => (this.#missingCompanyFields = missing))),
    ).subscribe((invoice) => {
      this.#snackBar.open(`Issued invoice ${invoice.number}.`, 'Dismiss', { duration: 4000 });
      void this.#router.navigate(['/invoices', invoice.id]);
    });
  }

  protected downloadDocument(document: MailedDocument): void {
    const order = this.order();
    if (order) {
      this.downloads.download({ document, recordId: order.id, number: order.number });
    }
  }

  protected emailDocument(document: MailedDocument): void {
    const order = this.order();
    if (!order) {
      return;
    }
    openSendDocumentDialog(this.#dialog, {
      document,
      recordId: order.id,
      number: order.number,
      partnerId: order.customerId,
      partnerName: order.customerName,
    }).subscribe((mail) => {
      if (mail) {
        this.mailsRefresh.update((tick) => tick + 1);
        this.#snackBar.open(mailQueuedMessage(mail), 'Dismiss', { duration: 4000 });
      }
    });
  }

  protected retry(): void {
    this.#load(this.id());
  }

  /**
   * Runs an action once per user submission (see IdempotentSubmission). Emits the result; errors
   * are shown here and complete the stream.
   */
  #run<T>(action: SalesOrderAction, request: (key: string) => Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      if (this.busy()) {
        subscriber.complete();
        return;
      }
      let submission = this.#submissions.get(action);
      if (!submission) {
        submission = new IdempotentSubmission();
        this.#submissions.set(action, submission);
      }
      this.busy.set(action);
      this.actionError.set(null);
      this.companyIncomplete.set(null);
      return submission.send(request).subscribe({
        next: (result) => {
          this.#submissions.delete(action);
          this.busy.set(null);
          subscriber.next(result);
          subscriber.complete();
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.#showProblem(isProblem(error) ? error : toProblemDetails(error));
          subscriber.complete();
        },
      });
    });
  }

  #done(order: SalesOrderDto, message: string): void {
    this.order.set(order);
    this.historyRefresh.update((tick) => tick + 1);
    this.shortLines.set(null);
    this.#snackBar.open(message, 'Dismiss', { duration: 4000 });
  }

  #showProblem(problem: ProblemDetails): void {
    if (problem.code === ErrorCode.OrderLinesShort) {
      // The short lines are listed by their own banner, with the problem's words as its lead.
      this.actionError.set(null);
      this.shortDetail.set(problemMessage(problem));
      if (!this.shortLines()) {
        this.shortLines.set([]);
      }
      return;
    }
    if (problem.code === ErrorCode.CompanySettingsIncomplete) {
      // Its own banner names what is missing and where to fill it in.
      this.actionError.set(null);
      this.companyIncomplete.set(missingFieldsText(this.#missingCompanyFields));
      return;
    }
    if (problem.code === ErrorCode.VersionConflict || problem.code === ErrorCode.InvalidOrderTransition) {
      this.actionError.set(
        `${problemMessage(problem)} The order has been reloaded; check it and try again if still needed.`,
      );
      this.#load(this.id(), true);
      return;
    }
    this.actionError.set(submissionMessage(problem));
  }

  /** `quiet`: a live refresh keeps the page as it is while loading and if it fails. */
  #load(id: string, quiet = false): void {
    if (!quiet) {
      this.loadState.set('loading');
      this.loadProblem.set(null);
    }
    this.#orders.get(id).subscribe({
      next: (order) => {
        this.order.set(order);
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
