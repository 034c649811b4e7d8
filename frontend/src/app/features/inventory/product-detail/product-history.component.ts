import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { AuditEventDto } from '@depot/contracts';

import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { problemMessage } from '../../../shared/http/problem-details';
import { AuditEventsService } from '../../admin/audit/data-access/audit-events.service';
import { LoadMoreList } from '../shared/load-more-list';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const HISTORY_PAGE_SIZE = 20;
const EMPTY_VALUE = '–';

/** Field-level changes of an audit event as text; long values are shortened. */
export function fieldChanges(changes: AuditEventDto['changes']): FieldChange[] {
  return Object.entries(changes ?? {}).map(([field, change]) => ({
    field,
    before: formatValue(change?.before),
    after: formatValue(change?.after),
  }));
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return EMPTY_VALUE;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The "History" tab: the product's audit trail with field-level before and after. */
@Component({
  selector: 'app-product-history',
  imports: [MatButton, MatProgressBar, DateTimePipe],
  templateUrl: './product-history.component.html',
  styleUrl: './product-history.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductHistoryComponent {
  readonly #audit = inject(AuditEventsService);

  readonly productId = input.required<string>();
  /** Bumped by the page when the product changed. */
  readonly refresh = input(0);

  protected readonly empty = EMPTY_VALUE;
  protected readonly events = new LoadMoreList<AuditEventDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.events.problem();
    return problem ? problemMessage(problem) : '';
  });

  constructor() {
    effect(() => {
      const entityId = this.productId();
      untracked(() =>
        this.events.load((cursor) =>
          this.#audit.list('audit', {
            entityType: 'product',
            entityId,
            limit: HISTORY_PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
          }),
        ),
      );
    });
    effect(() => {
      if (this.refresh() > 0) {
        untracked(() => this.events.refresh());
      }
    });
  }

  protected changes(event: AuditEventDto): FieldChange[] {
    return fieldChanges(event.changes);
  }

  protected actor(event: AuditEventDto): string {
    if (event.actorLabel) {
      return event.actorLabel;
    }
    return event.actorType === 'system' ? 'System' : event.actorType === 'api_key' ? 'API key' : 'Unknown';
  }
}
