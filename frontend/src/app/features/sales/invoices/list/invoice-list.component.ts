import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { InvoiceKind, PAGINATION, PaymentStatus, type InvoiceSummaryDto } from '@depot/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage } from '../../../../shared/http/problem-details';
import { LoadMoreList } from '../../../../shared/list/load-more-list';
import { MoneyPipe } from '../../../../shared/money/money.pipe';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { INVOICE_AGGREGATE, InvoicesService } from '../../data-access/invoices.service';
import {
  INVOICE_KIND_LABELS,
  PAYMENT_STATUS_LABELS,
  invoiceKindLabel,
  paymentStatusLabel,
  paymentStatusTone,
} from '../../data-access/sales-labels';
import {
  EMPTY_INVOICE_FILTERS,
  type InvoiceFilters,
  parseInvoiceFilters,
  sameInvoiceFilters,
  toInvoiceApiQuery,
  toInvoiceQueryParams,
} from './invoice-list-state';

const FILTER_DEBOUNCE_MS = 300;

/** Invoices and credit notes (`/invoices`), newest first, with kind, payment status and search in the URL. */
@Component({
  selector: 'app-invoice-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    DateTimePipe,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './invoice-list.component.html',
  styleUrl: './invoice-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceListComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #invoices = inject(InvoicesService);

  protected readonly columns = ['number', 'kind', 'customer', 'issuedAt', 'total', 'balance', 'paymentStatus'];
  protected readonly kinds = Object.values(InvoiceKind).map((kind) => ({ kind, label: INVOICE_KIND_LABELS[kind] }));
  protected readonly paymentStatuses = Object.values(PaymentStatus).map((status) => ({
    status,
    label: PAYMENT_STATUS_LABELS[status],
  }));
  protected readonly kindLabel = invoiceKindLabel;
  protected readonly paymentLabel = paymentStatusLabel;
  protected readonly paymentTone = paymentStatusTone;
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly list = new LoadMoreList<InvoiceSummaryDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.list.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly state = toSignal(this.#route.queryParamMap.pipe(map(parseInvoiceFilters)), {
    requireSync: true,
  });
  protected readonly hasFilters = computed(() => !sameInvoiceFilters(this.state(), EMPTY_INVOICE_FILTERS));
  protected readonly changed = signal(false);

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    kind: new FormControl<InvoiceKind | ''>('', { nonNullable: true }),
    paymentStatus: new FormControl<PaymentStatus | ''>('', { nonNullable: true }),
  });

  constructor() {
    this.#route.queryParamMap
      .pipe(map(parseInvoiceFilters), distinctUntilChanged(sameInvoiceFilters), takeUntilDestroyed())
      .subscribe((filters) => {
        this.filters.setValue(filters, { emitEvent: false });
        this.changed.set(false);
        const query = toInvoiceApiQuery(filters);
        this.list.load((cursor) => this.#invoices.list(cursor ? { ...query, cursor } : query));
      });

    this.filters.valueChanges.pipe(debounceTime(FILTER_DEBOUNCE_MS), takeUntilDestroyed()).subscribe(() => {
      const raw = this.filters.getRawValue();
      const next: InvoiceFilters = { ...raw, q: raw.q.trim() };
      if (!sameInvoiceFilters(next, this.state())) {
        this.#navigate(next);
      }
    });

    inject(RealtimeService)
      .changes({ aggregateType: INVOICE_AGGREGATE })
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.changed.set(true));
  }

  protected showChanges(): void {
    this.changed.set(false);
    this.list.refresh();
  }

  protected clearFilters(): void {
    this.#navigate(EMPTY_INVOICE_FILTERS);
  }

  protected openRow(event: MouseEvent, invoice: InvoiceSummaryDto): void {
    if (event.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.#router.navigate(['/invoices', invoice.id]);
  }

  #navigate(filters: InvoiceFilters): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: toInvoiceQueryParams(filters) });
  }
}
