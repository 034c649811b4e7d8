import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { WEBHOOK_DELIVERY_SORT_FIELDS, type WebhookDeliveryDto, type WebhookDeliveryStatus } from '@depot/contracts';

import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { TableCellDirective, TableRowDetailDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { WebhooksService } from '../data-access/webhooks.service';

/** Prefix of the log's query params (`dCursor`…), apart from the webhook page's own. */
export const DELIVERY_PARAM_PREFIX = 'd';

const STATUS_LABELS: Readonly<Record<WebhookDeliveryStatus, string>> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

/** A JSON body indented for reading; anything else as it came. */
export function prettyBody(body: string | null): string {
  if (body === null || body === '') {
    return '';
  }
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * The delivery log of one endpoint, newest first: status, attempts, response and timing; a row
 * opens to show what was sent and what came back. On the shared data table, paged by keyset cursor.
 */
@Component({
  selector: 'app-delivery-log',
  imports: [MatButton, DateTimePipe, IconComponent, DataTableComponent, TableCellDirective, TableRowDetailDirective],
  templateUrl: './delivery-log.component.html',
  styleUrl: './delivery-log.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryLogComponent {
  readonly #webhooks = inject(WebhooksService);
  readonly #snackBar = inject(MatSnackBar);

  readonly endpointId = input.required<string>();

  protected readonly deliveries = injectTableList<WebhookDeliveryDto>({
    paramPrefix: DELIVERY_PARAM_PREFIX,
    sortFields: WEBHOOK_DELIVERY_SORT_FIELDS,
    defaultSort: '-createdAt',
    defaultSortImplied: true,
    context: () => this.endpointId(),
    fetch: (query) => this.#webhooks.deliveries(this.endpointId(), query),
    rowId: (delivery) => delivery.id,
  });
  protected readonly columns: readonly TableColumn<WebhookDeliveryDto>[] = [
    { key: 'details', label: 'Details', labelHidden: true, hideable: false, card: 'hidden' },
    { key: 'status', label: 'Status', hideable: false, card: 'title' },
    { key: 'event', label: 'Event', sortField: 'createdAt', sortStart: 'desc' },
    { key: 'attempts', label: 'Attempts', value: (delivery) => delivery.attempts, align: 'end', card: 'hidden' },
    { key: 'response', label: 'Response', nowrap: true },
    { key: 'lastError', label: 'Last error' },
    { key: 'nextAttempt', label: 'Next attempt', nowrap: true, card: 'hidden' },
    { key: 'actions', label: 'Actions', labelHidden: true, hideable: false },
  ];
  protected readonly replaying = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly statusLabel = (status: WebhookDeliveryStatus): string => STATUS_LABELS[status];
  protected readonly prettyBody = prettyBody;

  constructor() {
    effect(() => {
      this.endpointId();
      untracked(() => this.expanded.set(new Set()));
    });
  }

  /** Loads the current page again (after a test event or a replay, or on request). */
  refresh(): void {
    this.error.set(null);
    this.deliveries.reload();
  }

  protected toggle(delivery: WebhookDeliveryDto): void {
    const next = new Set(this.expanded());
    if (next.has(delivery.id)) {
      next.delete(delivery.id);
    } else {
      next.add(delivery.id);
    }
    this.expanded.set(next);
  }

  protected replay(delivery: WebhookDeliveryDto): void {
    if (this.replaying()) {
      return;
    }
    this.replaying.set(delivery.id);
    this.#webhooks.replay(this.endpointId(), delivery.id).subscribe({
      next: () => {
        this.replaying.set(null);
        this.#snackBar.open(`Queued the ${delivery.eventType} message again.`, 'Dismiss', { duration: 4000 });
        this.refresh();
      },
      error: (error: unknown) => {
        this.replaying.set(null);
        this.error.set(`Could not replay the delivery: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }
}
