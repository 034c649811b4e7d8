import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { AUDIT_EVENT_SORT_FIELDS, type AuditEventDto } from '@depot/contracts';

import { shownChanges } from '../../../../shared/history/audit-value';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage } from '../../../../shared/http/problem-details';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { blobErrorToProblem, saveBlob } from '../../../../shared/http/download';
import { type AuditSource, AuditEventsService } from '../../../../shared/audit/audit-events.service';
import {
  ACTION_PATTERN,
  type AuditListState,
  DAY_PATTERN,
  EMPTY_AUDIT_FILTERS,
  ENTITY_TYPE_PATTERN,
  UUID_PATTERN,
  hasAuditFilters,
  parseAuditListState,
  toAuditApiQuery,
  toAuditExportQuery,
  toAuditQueryParams,
} from './audit-list-state';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

export interface ChangeLine {
  field: string;
  before: string;
  after: string;
}

/** Where an entity of the audit trail can be opened in the app. */
const ENTITY_LINKS: Readonly<Partial<Record<string, (id: string) => string[]>>> = {
  product: (id) => ['/products', id, 'edit'],
  user: (id) => ['/admin/users', id],
  role: (id) => ['/admin/roles', id],
};

/**
 * The security log (`/admin/security-log`) and the audit log (`/admin/audit-log`): the same shared
 * data table of events, newest first, with filters and keyset paging in the URL. The audit log also filters
 * by entity and shows field-level changes (before → after).
 */
@Component({
  selector: 'app-audit-list',
  imports: [
    SavedViewsComponent,
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
  ],
  templateUrl: './audit-list.component.html',
  styleUrl: './audit-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditListComponent {
  readonly #route = inject(ActivatedRoute);
  readonly #events = inject(AuditEventsService);
  readonly #document = inject(DOCUMENT);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly source: AuditSource = this.#route.snapshot.data['source'] === 'audit' ? 'audit' : 'security';
  /** Saved views are kept per log. */
  protected readonly savedViewsKey = this.source === 'audit' ? 'audit-log' : 'security-log';
  protected readonly title = this.source === 'audit' ? 'Audit log' : 'Security log';
  protected readonly lead =
    this.source === 'audit'
      ? 'Every recorded change, newest first, with what changed. Filter by an exact action or a prefix ending in "."'
      : 'Sign-ins, sessions, passwords, two-factor, API keys and role changes, newest first. Filter by an exact action or a prefix ending in "."';
  protected readonly columns: readonly TableColumn<AuditEventDto>[] = [
    {
      key: 'occurredAt',
      label: 'Time',
      sortField: 'occurredAt',
      sortStart: 'desc',
      nowrap: true,
      hideable: false,
      card: 'title',
    },
    { key: 'actor', label: 'Actor' },
    { key: 'action', label: 'Action' },
    { key: 'entity', label: 'Entity' },
    ...(this.source === 'audit' ? [{ key: 'changes', label: 'Changes' }] : []),
    { key: 'ip', label: 'IP', value: (event: AuditEventDto) => event.ip ?? '–', nowrap: true, card: 'hidden' },
    { key: 'requestId', label: 'Request id', nowrap: true, card: 'hidden', hiddenByDefault: true },
  ];

  protected readonly list = injectTableList<AuditEventDto>({
    sortFields: AUDIT_EVENT_SORT_FIELDS,
    defaultSort: '-occurredAt',
    defaultSortImplied: true,
    fetch: (query, params) =>
      this.#events.list(this.source, { ...query, ...toAuditApiQuery(parseAuditListState(params, this.source)) }),
    rowId: (event) => event.id,
  });
  protected readonly state = computed(() => parseAuditListState(this.list.params(), this.source), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  protected readonly hasFilters = computed(() => hasAuditFilters(this.state()));
  protected readonly filterCount = computed(() => Object.values(this.state()).filter((value) => value !== '').length);
  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  protected readonly filters = new FormGroup({
    action: new FormControl('', { nonNullable: true, validators: [Validators.pattern(ACTION_PATTERN)] }),
    actorId: new FormControl('', { nonNullable: true, validators: [Validators.pattern(UUID_PATTERN)] }),
    entityType: new FormControl('', { nonNullable: true, validators: [Validators.pattern(ENTITY_TYPE_PATTERN)] }),
    entityId: new FormControl('', { nonNullable: true, validators: [Validators.pattern(UUID_PATTERN)] }),
    from: new FormControl('', { nonNullable: true, validators: [Validators.pattern(DAY_PATTERN)] }),
    to: new FormControl('', { nonNullable: true, validators: [Validators.pattern(DAY_PATTERN)] }),
  });

  constructor() {
    // The URL changed (a filter, back/forward): show it in the form.
    effect(() => {
      const state = this.state();
      untracked(() => this.filters.reset(state));
    });
  }

  protected applyFilters(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    const value = this.filters.getRawValue();
    const trimmed = Object.fromEntries(Object.entries(value).map(([key, text]) => [key, text.trim()]));
    this.#navigate({ ...this.state(), ...trimmed });
  }

  protected clearFilters(): void {
    this.#navigate(EMPTY_AUDIT_FILTERS);
  }

  /** Narrows the log to one actor (from a row). */
  protected filterByActor(actorId: string): void {
    this.#navigate({ ...this.state(), actorId });
  }

  /** Narrows the audit log to one entity (from a row). */
  protected filterByEntity(entityType: string, entityId: string): void {
    this.#navigate({ ...this.state(), entityType, entityId });
  }

  /** Downloads every event matching the applied filters (all pages) as CSV; audit log only. */
  protected exportCsv(): void {
    if (this.source !== 'audit' || this.exporting()) {
      return;
    }
    this.exporting.set(true);
    this.exportError.set(null);
    this.#events.exportCsv(toAuditExportQuery(this.state())).subscribe({
      next: (file) => {
        this.exporting.set(false);
        saveBlob(this.#document, file.blob, file.fileName);
        this.#snackBar.open(`Downloaded ${file.fileName}.`, 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        void blobErrorToProblem(error).then((problem) => {
          this.exporting.set(false);
          this.exportError.set(problemMessage(problem));
        });
      },
    });
  }

  protected entityLink(event: AuditEventDto): string[] | null {
    if (event.entityRef) {
      return [event.entityRef.url];
    }
    const link = ENTITY_LINKS[event.entityType];
    return link && event.entityId ? link(event.entityId) : null;
  }

  /** Labels, formatted values and resolved names (from the API's display-ready changes). */
  protected changeLines(event: AuditEventDto): ChangeLine[] {
    return shownChanges(event).map((change) => ({
      field: change.label,
      before: change.before.text,
      after: change.after.text,
    }));
  }

  protected actorLabel(event: AuditEventDto): string {
    if (event.actorLabel) {
      return event.actorLabel;
    }
    return event.actorType === 'system' ? 'System' : event.actorType === 'anonymous' ? 'Anonymous' : 'Unknown';
  }

  protected actorKind(event: AuditEventDto): string {
    return event.actorType === 'api_key' ? 'API key' : event.actorType === 'user' ? 'User' : '';
  }

  #navigate(state: AuditListState): void {
    this.list.setFilters(toAuditQueryParams(state));
  }
}

/** The field-level changes of an event as text lines; long values are shortened. */
export function describeChanges(changes: AuditEventDto['changes']): ChangeLine[] {
  if (!changes) {
    return [];
  }
  return Object.entries(changes).map(([field, change]) => ({
    field,
    before: formatValue(change?.before),
    after: formatValue(change?.after),
  }));
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) {
    return '–';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
