import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { WebhookDeliveryDto, WebhookDeliveryStatus } from '@depot/contracts';

import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { WebhooksService } from '../data-access/webhooks.service';

export const DELIVERY_PAGE_SIZE = 20;

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
 * opens to show what was sent and what came back. "Load more" follows the keyset cursor.
 */
@Component({
  selector: 'app-delivery-log',
  imports: [MatButton, MatProgressBar, DateTimePipe, IconComponent],
  templateUrl: './delivery-log.component.html',
  styleUrl: './delivery-log.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryLogComponent {
  readonly #webhooks = inject(WebhooksService);
  readonly #snackBar = inject(MatSnackBar);

  readonly endpointId = input.required<string>();

  protected readonly deliveries = signal<WebhookDeliveryDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly replaying = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly prettyBody = prettyBody;

  constructor() {
    effect(() => {
      const id = this.endpointId();
      untracked(() => {
        this.expanded.set(new Set());
        this.refresh(id);
      });
    });
  }

  /** Loads the newest page again (after a test event or a replay, or on request). */
  refresh(id = this.endpointId()): void {
    this.loading.set(true);
    this.#webhooks.deliveries(id, { limit: DELIVERY_PAGE_SIZE }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.error.set(null);
        this.deliveries.set(page.items);
        this.nextCursor.set(page.nextCursor);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(`Could not load the deliveries: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    this.#webhooks.deliveries(this.endpointId(), { limit: DELIVERY_PAGE_SIZE, cursor }).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        this.error.set(null);
        // A delivery queued meanwhile shifts the pages: never show one twice.
        const known = new Set(this.deliveries().map((delivery) => delivery.id));
        this.deliveries.update((items) => [...items, ...page.items.filter((item) => !known.has(item.id))]);
        this.nextCursor.set(page.nextCursor);
      },
      error: (error: unknown) => {
        this.loadingMore.set(false);
        this.error.set(`Could not load older deliveries: ${problemMessage(toProblemDetails(error))}`);
      },
    });
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
