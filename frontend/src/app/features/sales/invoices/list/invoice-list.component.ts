import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { INVOICE_SORT_FIELDS, InvoiceKind, PAGINATION, PaymentStatus, type InvoiceSummaryDto } from '@depot/contracts';
import { debounceTime } from 'rxjs';

import { RealtimeService } from '../../../../core/realtime/realtime.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { filterParams, injectTableList } from '../../../../shared/table/table-list';
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
  INVOICE_DEFAULT_SORT,
  type InvoiceFilters,
  parseInvoiceFilters,
  sameInvoiceFilters,
  toInvoiceApiQuery,
  toInvoiceQueryParams,
} from './invoice-list-state';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

const FILTER_DEBOUNCE_MS = 300;

/** Invoices and credit notes (`/invoices`) on the shared data table, with kind, payment status and search in the URL. */
@Component({
  selector: 'app-invoice-list',
  imports: [
    SavedViewsComponent,
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    DateTimePipe,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
    MoneyPipe,
    IconComponent,
  ],
  templateUrl: './invoice-list.component.html',
  styleUrl: './invoice-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceListComponent {
  readonly #invoices = inject(InvoicesService);

  protected readonly columns: readonly TableColumn<InvoiceSummaryDto>[] = [
    { key: 'number', label: 'Number', sortField: 'number', hideable: false, card: 'title', nowrap: true },
    { key: 'kind', label: 'Kind', value: (invoice) => invoiceKindLabel(invoice.kind) },
    { key: 'customer', label: 'Customer' },
    { key: 'issuedAt', label: 'Issued', sortField: 'issuedAt', sortStart: 'desc', nowrap: true, card: 'hidden' },
    { key: 'total', label: 'Total', sortField: 'totalMinor', align: 'end', nowrap: true },
    { key: 'balance', label: 'Balance', align: 'end', nowrap: true },
    { key: 'paymentStatus', label: 'Payment' },
  ];
  protected readonly invoiceLink = (invoice: InvoiceSummaryDto): string[] => ['/invoices', invoice.id];
  protected readonly kinds = Object.values(InvoiceKind).map((kind) => ({ kind, label: INVOICE_KIND_LABELS[kind] }));
  protected readonly paymentStatuses = Object.values(PaymentStatus).map((status) => ({
    status,
    label: PAYMENT_STATUS_LABELS[status],
  }));
  protected readonly kindLabel = invoiceKindLabel;
  protected readonly paymentLabel = paymentStatusLabel;
  protected readonly paymentTone = paymentStatusTone;
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly list = injectTableList<InvoiceSummaryDto>({
    sortFields: INVOICE_SORT_FIELDS,
    defaultSort: INVOICE_DEFAULT_SORT,
    fetch: (query, params) => this.#invoices.list({ ...query, ...toInvoiceApiQuery(parseInvoiceFilters(params)) }),
    rowId: (invoice) => invoice.id,
  });
  protected readonly state = computed(() => parseInvoiceFilters(this.list.params()), { equal: sameInvoiceFilters });
  protected readonly filterCount = computed(() => Object.values(this.state()).filter((value) => value !== '').length);
  protected readonly hasFilters = computed(() => !sameInvoiceFilters(this.state(), EMPTY_INVOICE_FILTERS));
  protected readonly changed = signal(false);

  protected readonly filters = new FormGroup({
    q: new FormControl('', { nonNullable: true }),
    kind: new FormControl<InvoiceKind | ''>('', { nonNullable: true }),
    paymentStatus: new FormControl<PaymentStatus | ''>('', { nonNullable: true }),
  });

  constructor() {
    // The URL changed (a filter, back/forward): show it in the form without filtering again.
    effect(() => {
      const filters = this.state();
      untracked(() => {
        this.filters.setValue(filters, { emitEvent: false });
        this.changed.set(false);
      });
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
    this.list.reload();
  }

  protected clearFilters(): void {
    this.#navigate(EMPTY_INVOICE_FILTERS);
  }

  #navigate(filters: InvoiceFilters): void {
    this.list.setFilters(filterParams(['q', 'kind', 'paymentStatus'], toInvoiceQueryParams(filters)));
  }
}
