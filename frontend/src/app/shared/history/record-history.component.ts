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
import { RouterLink } from '@angular/router';
import type { AuditEventDto } from '@depot/contracts';

import { AuditEventsService } from '../audit/audit-events.service';
import { DateTimePipe } from '../format/date-time.pipe';
import { problemMessage } from '../http/problem-details';
import { LoadMoreList } from '../list/load-more-list';
import { EMPTY_VALUE, type ShownChange, actionLabel, shownChanges } from './audit-value';

export const HISTORY_PAGE_SIZE = 20;

/**
 * The audit trail of one record (`entityType` + `entityId`), newest first, with field-level
 * before and after (labels, formatted values and linked names from the API) and "Load more". The API needs `audit:read`: pages show it only to users
 * who hold it.
 */
@Component({
  selector: 'app-record-history',
  imports: [MatButton, MatProgressBar, DateTimePipe, RouterLink],
  templateUrl: './record-history.component.html',
  styleUrl: './record-history.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordHistoryComponent {
  readonly #audit = inject(AuditEventsService);

  /** The audit trail's entity type, e.g. `product`, `purchase_order`. */
  readonly entityType = input.required<string>();
  readonly entityId = input.required<string>();
  /** Bumped by the page when the record changed: the history loads its first page again. */
  readonly refresh = input(0);
  /** Accessible name of the list. */
  readonly label = input('Recorded changes, newest first');

  /** A field that had no value before (e.g. on creation) shows only its new value. */
  protected readonly emptyValue = EMPTY_VALUE;
  protected readonly events = new LoadMoreList<AuditEventDto>(inject(DestroyRef));
  protected readonly problemText = computed(() => {
    const problem = this.events.problem();
    return problem ? problemMessage(problem) : '';
  });

  /** The record shown; a new one loads from scratch, a bumped `refresh` reloads the same one. */
  #shown: string | null = null;

  constructor() {
    effect(() => {
      const entityType = this.entityType();
      const entityId = this.entityId();
      this.refresh();
      untracked(() => {
        const record = `${entityType}/${entityId}`;
        if (record === this.#shown) {
          this.events.refresh();
          return;
        }
        this.#shown = record;
        this.events.load((cursor) =>
          this.#audit.list('audit', {
            entityType,
            entityId,
            limit: HISTORY_PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
          }),
        );
      });
    });
  }

  protected changes(event: AuditEventDto): ShownChange[] {
    return shownChanges(event);
  }

  protected action(event: AuditEventDto): string {
    return actionLabel(event.action);
  }

  protected actor(event: AuditEventDto): string {
    if (event.actorRef) {
      return event.actorRef.name;
    }
    if (event.actorLabel) {
      return event.actorLabel;
    }
    return event.actorType === 'system' ? 'System' : event.actorType === 'api_key' ? 'API key' : 'Unknown';
  }
}
