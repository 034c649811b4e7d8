import { DOCUMENT, Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ErrorCode, type AuditEventDto, type Page, type ProblemDetails } from '@depot/contracts';
import { Subject, catchError, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { shownChanges } from '../../../../shared/history/audit-value';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { pageNumberOf, readCursorStack } from '../../../../shared/list/cursor-stack';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { blobErrorToProblem, saveBlob } from '../../../../shared/http/download';
import { type AuditSource, AuditEventsService } from '../../../../shared/audit/audit-events.service';
import {
  ACTION_PATTERN,
  AUDIT_PAGE_SIZES,
  type AuditListState,
  DAY_PATTERN,
  EMPTY_AUDIT_FILTERS,
  ENTITY_TYPE_PATTERN,
  UUID_PATTERN,
  hasAuditFilters,
  parseAuditListState,
  sameAuditListState,
  toAuditApiQuery,
  toAuditExportQuery,
  toAuditQueryParams,
} from './audit-list-state';

export const AUDIT_CURSOR_STACK_KEY = 'auditListCursors';

type LoadResult =
  { kind: 'loading' } | { kind: 'loaded'; page: Page<AuditEventDto> } | { kind: 'failed'; problem: ProblemDetails };

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
 * The security log (`/admin/security-log`) and the audit log (`/admin/audit-log`): the same table
 * of events, newest first, with filters and keyset paging in the URL. The audit log also filters
 * by entity and shows field-level changes (before → after).
 */
@Component({
  selector: 'app-audit-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatTableModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    IconComponent,
  ],
  templateUrl: './audit-list.component.html',
  styleUrl: './audit-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditListComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #location = inject(Location);
  readonly #events = inject(AuditEventsService);
  readonly #document = inject(DOCUMENT);
  readonly #snackBar = inject(MatSnackBar);
  readonly #reload = new Subject<void>();

  protected readonly source: AuditSource = this.#route.snapshot.data['source'] === 'audit' ? 'audit' : 'security';
  protected readonly title = this.source === 'audit' ? 'Audit log' : 'Security log';
  protected readonly lead =
    this.source === 'audit'
      ? 'Every recorded change, newest first, with what changed. Filter by an exact action or a prefix ending in "."'
      : 'Sign-ins, sessions, passwords, two-factor, API keys and role changes, newest first. Filter by an exact action or a prefix ending in "."';
  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  protected readonly columns =
    this.source === 'audit'
      ? ['occurredAt', 'actor', 'action', 'entity', 'changes', 'ip', 'requestId']
      : ['occurredAt', 'actor', 'action', 'entity', 'ip', 'requestId'];

  readonly #view = toSignal(
    this.#route.queryParamMap.pipe(
      map((params) => ({
        state: parseAuditListState(params, this.source),
        stack: readCursorStack(this.#router, this.#location, AUDIT_CURSOR_STACK_KEY),
      })),
    ),
    { requireSync: true },
  );
  protected readonly state = computed(() => this.#view().state, { equal: sameAuditListState });
  protected readonly cursorStack = computed(() => this.#view().stack);
  protected readonly pageNumber = computed(() => pageNumberOf(this.state().cursor, this.cursorStack()));
  protected readonly hasFilters = computed(() => hasAuditFilters(this.state()));

  readonly #result = signal<LoadResult>({ kind: 'loading' });
  readonly #lastPage = signal<Page<AuditEventDto> | null>(null);
  protected readonly loading = computed(() => this.#result().kind === 'loading');
  protected readonly problem = computed(() => {
    const result = this.#result();
    return result.kind === 'failed' ? result.problem : null;
  });
  protected readonly problemText = computed(() => {
    const problem = this.problem();
    return problem ? problemMessage(problem) : '';
  });
  protected readonly invalidCursor = computed(() => this.problem()?.code === ErrorCode.InvalidCursor);
  protected readonly items = computed(() => this.#lastPage()?.items ?? []);
  protected readonly nextCursor = computed(() => this.#lastPage()?.nextCursor ?? null);
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
    this.#route.queryParamMap
      .pipe(
        map((params) => parseAuditListState(params, this.source)),
        distinctUntilChanged(sameAuditListState),
        tap((state) => this.filters.reset(filterValues(state))),
        switchMap((state) =>
          this.#reload.pipe(
            startWith(undefined),
            switchMap(() => this.#load(state)),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((result) => this.#result.set(result));
  }

  protected applyFilters(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    const value = this.filters.getRawValue();
    const trimmed = Object.fromEntries(Object.entries(value).map(([key, text]) => [key, text.trim()]));
    this.#navigate({ ...this.state(), ...trimmed, cursor: null }, []);
  }

  protected clearFilters(): void {
    this.#navigate({ ...EMPTY_AUDIT_FILTERS, limit: this.state().limit }, []);
  }

  /** Narrows the log to one actor (from a row). */
  protected filterByActor(actorId: string): void {
    this.#navigate({ ...this.state(), actorId, cursor: null }, []);
  }

  /** Narrows the audit log to one entity (from a row). */
  protected filterByEntity(entityType: string, entityId: string): void {
    this.#navigate({ ...this.state(), entityType, entityId, cursor: null }, []);
  }

  protected onPageSize(limit: number): void {
    this.#navigate({ ...this.state(), limit, cursor: null }, []);
  }

  protected nextPage(): void {
    const next = this.nextCursor();
    if (next) {
      this.#navigate({ ...this.state(), cursor: next }, [...this.cursorStack(), this.state().cursor ?? '']);
    }
  }

  protected previousPage(): void {
    const stack = [...this.cursorStack()];
    const previous = stack.pop() ?? '';
    this.#navigate({ ...this.state(), cursor: previous || null }, stack);
  }

  protected firstPage(): void {
    this.#navigate({ ...this.state(), cursor: null }, []);
  }

  protected retry(): void {
    this.#reload.next();
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

  #load(state: AuditListState) {
    return this.#events.list(this.source, toAuditApiQuery(state)).pipe(
      map((page): LoadResult => {
        this.#lastPage.set(page);
        return { kind: 'loaded', page };
      }),
      catchError((error: unknown) => {
        this.#lastPage.set(null);
        return of<LoadResult>({ kind: 'failed', problem: toProblemDetails(error) });
      }),
      startWith<LoadResult>({ kind: 'loading' }),
    );
  }

  #navigate(state: AuditListState, cursorStack: string[]): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: toAuditQueryParams(state),
      state: { [AUDIT_CURSOR_STACK_KEY]: cursorStack },
    });
  }
}

function filterValues(state: AuditListState) {
  const { action, actorId, entityType, entityId, from, to } = state;
  return { action, actorId, entityType, entityId, from, to };
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
