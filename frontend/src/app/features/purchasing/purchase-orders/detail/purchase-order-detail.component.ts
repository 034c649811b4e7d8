import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  ErrorCode,
  MailedDocument,
  PURCHASE_ORDER_ACTIONS,
  Permission,
  type ProblemDetails,
  type PurchaseOrderDto,
  type PurchaseOrderStatus,
} from '@depot/contracts';
import { EMPTY, type Observable, debounceTime, map, switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { CalendarDatePipe } from '../../../../shared/format/calendar-date.pipe';
import { DocumentDownloads } from '../../../../shared/documents/document-download';
import { purchaseOrderUnavailable } from '../../../../shared/documents/document-availability';
import { DocumentMailsComponent } from '../../../../shared/documents/document-mails.component';
import { mailQueuedMessage, openSendDocumentDialog } from '../../../../shared/documents/send-document-dialog.component';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { RecordHistoryComponent } from '../../../../shared/history/record-history.component';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header/page-header.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { PURCHASE_ORDER_AGGREGATE, PurchaseOrdersService } from '../../data-access/purchase-orders.service';
import { PURCHASE_ORDER_STATUS_LABELS } from '../../data-access/purchasing-labels';
import { openReceiveDialog } from '../receive/receive-dialog.component';
import { PurchaseOrderStatusChipComponent } from '../shared/purchase-order-status-chip.component';

/** A burst of events (a receipt updates lines and status) reloads once. */
export const LIVE_RELOAD_DEBOUNCE_MS = 300;

export type PurchaseOrderAction = (typeof PURCHASE_ORDER_ACTIONS)[PurchaseOrderStatus][number];

/** Which permission each action needs (the server checks it again). */
export const ACTION_PERMISSIONS: Readonly<Record<PurchaseOrderAction, Permission>> = {
  edit: Permission.PurchasingOrdersWrite,
  submit: Permission.PurchasingOrdersWrite,
  cancel: Permission.PurchasingOrdersWrite,
  receive: Permission.PurchasingOrdersReceive,
};

export const ORDER_CHANGED_MESSAGE =
  'This purchase order was changed by someone else in the meantime. It now shows the latest version: check it and try again.';

type LoadState = 'loading' | 'ready' | 'not-found' | 'failed';

/**
 * One purchase order (`/purchase-orders/:id`): header, lines with what has arrived, the actions
 * its status and the user's permissions allow, its status timeline and (with `audit:read`) its
 * audit history. Follows live events.
 */
@Component({
  selector: 'app-purchase-order-detail',
  imports: [
    PageHeaderComponent,
    RouterLink,
    MatTableModule,
    MatButton,
    MatAnchor,
    MatProgressBar,
    MoneyPipe,
    DateTimePipe,
    CalendarDatePipe,
    PurchaseOrderStatusChipComponent,
    IconComponent,
    RecordHistoryComponent,
    MatTooltip,
    DocumentMailsComponent,
  ],
  templateUrl: './purchase-order-detail.component.html',
  styleUrl: './purchase-order-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PurchaseOrderDetailComponent {
  readonly #orders = inject(PurchaseOrdersService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), {
    requireSync: true,
  });
  protected readonly order = signal<PurchaseOrderDto | null>(null);
  protected readonly loadState = signal<LoadState>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  /** Bumped when the order changed after it was first shown: the history loads again. */
  protected readonly historyRefresh = signal(0);

  /** The actions shown: allowed in the order's status and held by the user. */
  protected readonly actions = computed<ReadonlySet<PurchaseOrderAction>>(() => {
    const order = this.order();
    if (!order) {
      return new Set();
    }
    const permissions = this.#auth.permissions();
    return new Set(
      PURCHASE_ORDER_ACTIONS[order.status].filter((action) => permissions.has(ACTION_PERMISSIONS[action])),
    );
  });
  protected readonly lineColumns = ['lineNo', 'product', 'quantity', 'received', 'open', 'unitCost', 'lineTotal'];
  protected readonly totals = computed(() =>
    (this.order()?.lines ?? []).reduce(
      (sum, line) => ({
        quantity: sum.quantity + line.quantity,
        received: sum.received + line.receivedQuantity,
        open: sum.open + line.openQuantity,
      }),
      { quantity: 0, received: 0, open: 0 },
    ),
  );
  protected readonly canOpenProducts = computed(() => this.#auth.permissions().has(Permission.CatalogProductsRead));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  /** Why the order has no document for the supplier yet (a draft or cancelled order), or null. */
  protected readonly documentUnavailable = computed(() => {
    const order = this.order();
    return order ? purchaseOrderUnavailable(order) : null;
  });
  protected readonly canEmailDocument = computed(() => this.#auth.permissions().has(Permission.PurchasingOrdersWrite));
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
        switchMap((id) =>
          id ? realtime.changes({ aggregateType: PURCHASE_ORDER_AGGREGATE, aggregateId: id }) : EMPTY,
        ),
        debounceTime(LIVE_RELOAD_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.#load(this.id(), true));
  }

  protected statusLabel(status: string | null): string {
    return status ? (PURCHASE_ORDER_STATUS_LABELS[status as PurchaseOrderStatus] ?? status) : '';
  }

  protected submit(): void {
    const order = this.order();
    if (!order || !this.actions().has('submit')) {
      return;
    }
    this.#transition(
      this.#orders.submit(order.id, { version: order.version }),
      (saved) => `Submitted ${saved.number}.`,
    );
  }

  protected cancel(): void {
    const order = this.order();
    if (!order || !this.actions().has('cancel')) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: `Cancel ${order.number}?`,
      message:
        order.status === 'draft'
          ? 'The draft will be kept for reference but cannot be submitted any more.'
          : 'The supplier should be told. Nothing more can be received on a cancelled order.',
      confirmLabel: 'Cancel order',
      cancelLabel: 'Keep order',
    }).subscribe((confirmed) => {
      if (confirmed) {
        this.#transition(
          this.#orders.cancel(order.id, { version: order.version }),
          (saved) => `Cancelled ${saved.number}.`,
        );
      }
    });
  }

  protected receive(): void {
    const order = this.order();
    if (!order || !this.actions().has('receive')) {
      return;
    }
    openReceiveDialog(this.#dialog, { order }).subscribe((received) => {
      if (received) {
        this.order.set(received);
        this.#snackBar.open(`Received goods on ${received.number}.`, 'Dismiss', { duration: 5000 });
        // The answer may lag a concurrent change; the live event reloads too, this covers no socket.
        this.#load(order.id, true);
      }
    });
  }

  protected downloadDocument(): void {
    const order = this.order();
    if (order && !this.documentUnavailable()) {
      this.downloads.download({ document: MailedDocument.PurchaseOrder, recordId: order.id, number: order.number });
    }
  }

  protected emailDocument(): void {
    const order = this.order();
    if (!order || this.documentUnavailable()) {
      return;
    }
    openSendDocumentDialog(this.#dialog, {
      document: MailedDocument.PurchaseOrder,
      recordId: order.id,
      number: order.number,
      partnerId: order.supplierId,
      partnerName: order.supplierName,
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

  #transition(request$: Observable<PurchaseOrderDto>, done: (saved: PurchaseOrderDto) => string): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.actionError.set(null);
    this.notice.set(null);
    request$.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.order.set(saved);
        this.historyRefresh.update((tick) => tick + 1);
        this.#snackBar.open(done(saved), 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.#showActionError(toProblemDetails(error));
      },
    });
  }

  #showActionError(problem: ProblemDetails): void {
    const stale =
      (problem.status === HttpStatus.Conflict && problem.code === ErrorCode.VersionConflict) ||
      problem.code === ErrorCode.InvalidOrderTransition;
    if (stale) {
      // Show what the order is now: the buttons then match its real status.
      this.notice.set(ORDER_CHANGED_MESSAGE);
      this.#load(this.id(), true);
      return;
    }
    this.actionError.set(problemMessage(problem));
  }

  /** `quiet`: a live reload keeps the page as it is while loading and if it fails. */
  #load(id: string, quiet = false): void {
    if (!id) {
      return;
    }
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
