import { Location } from '@angular/common';
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
import { ActivatedRoute, Router } from '@angular/router';
import {
  EMAIL_MAX_LENGTH,
  ErrorCode,
  MAIL_MESSAGE_STATUSES,
  Permission,
  type MailMessageDto,
  type MailMessageStatus,
  type Page,
  type ProblemDetails,
} from '@depot/contracts';
import { Subject, catchError, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { pageNumberOf, readCursorStack } from '../../../../shared/list/cursor-stack';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { MailMessagesService } from '../data-access/mail-messages.service';
import {
  EMPTY_MAIL_FILTERS,
  MAIL_STATUS_LABELS,
  type MailListState,
  parseMailListState,
  sameMailListState,
  toMailApiQuery,
  toMailQueryParams,
} from './mail-list-state';

export const MAIL_CURSOR_STACK_KEY = 'mailListCursors';

type LoadResult =
  { kind: 'loading' } | { kind: 'loaded'; page: Page<MailMessageDto> } | { kind: 'failed'; problem: ProblemDetails };

/**
 * Outgoing e-mail (`/admin/mail`): every message Depot queued, newest first, with its delivery
 * state, attempts and last error; failed messages can be sent again. Filters and the page live in
 * the URL. Bodies are never shown (the API does not return them).
 */
@Component({
  selector: 'app-mail-message-list',
  imports: [
    ReactiveFormsModule,
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
  templateUrl: './mail-message-list.component.html',
  styleUrl: './mail-message-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailMessageListComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #location = inject(Location);
  readonly #mail = inject(MailMessagesService);
  readonly #snackBar = inject(MatSnackBar);
  readonly #reload = new Subject<void>();

  protected readonly statuses = MAIL_MESSAGE_STATUSES;
  protected readonly statusLabels = MAIL_STATUS_LABELS;
  readonly #auth = inject(AuthService);
  protected readonly canRetry = computed(() => this.#auth.hasPermission(Permission.MailMessagesManage));
  protected readonly columns = ['createdAt', 'to', 'status', 'attempts', 'lastError', 'actions'];

  readonly #view = toSignal(
    this.#route.queryParamMap.pipe(
      map((params) => ({
        state: parseMailListState(params),
        stack: readCursorStack(this.#router, this.#location, MAIL_CURSOR_STACK_KEY),
      })),
    ),
    { requireSync: true },
  );
  protected readonly state = computed(() => this.#view().state, { equal: sameMailListState });
  protected readonly cursorStack = computed(() => this.#view().stack);
  protected readonly pageNumber = computed(() => pageNumberOf(this.state().cursor, this.cursorStack()));
  protected readonly hasFilters = computed(() => !!(this.state().status || this.state().to));

  readonly #result = signal<LoadResult>({ kind: 'loading' });
  readonly #lastPage = signal<Page<MailMessageDto> | null>(null);
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
  /** The id of the message being queued again. */
  protected readonly retrying = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly filters = new FormGroup({
    status: new FormControl<MailMessageStatus | ''>('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(EMAIL_MAX_LENGTH)] }),
  });

  constructor() {
    this.#route.queryParamMap
      .pipe(
        map((params) => parseMailListState(params)),
        distinctUntilChanged(sameMailListState),
        tap((state) => this.filters.reset({ status: state.status, to: state.to })),
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
    const { status, to } = this.filters.getRawValue();
    this.#navigate({ status, to: to.trim(), cursor: null }, []);
  }

  protected clearFilters(): void {
    this.#navigate(EMPTY_MAIL_FILTERS, []);
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

  protected refresh(): void {
    this.#reload.next();
  }

  protected statusLabel(status: MailMessageStatus): string {
    return MAIL_STATUS_LABELS[status];
  }

  /** Queues a failed message again, then shows the list as it is now. */
  protected retry(message: MailMessageDto): void {
    if (this.retrying()) {
      return;
    }
    this.retrying.set(message.id);
    this.actionError.set(null);
    this.#mail.retry(message.id).subscribe({
      next: () => {
        this.retrying.set(null);
        this.#snackBar.open(`Queued the message to ${message.to} again.`, 'Dismiss', { duration: 4000 });
        this.#reload.next();
      },
      error: (error: unknown) => {
        this.retrying.set(null);
        const problem = toProblemDetails(error);
        this.actionError.set(`Could not send the message to ${message.to} again: ${problemMessage(problem)}`);
        if (problem.code === ErrorCode.MailNotRetryable) {
          // Someone else was faster, or it is on its way already: show its current state.
          this.#reload.next();
        }
      },
    });
  }

  #load(state: MailListState) {
    return this.#mail.list(toMailApiQuery(state)).pipe(
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

  #navigate(state: MailListState, cursorStack: string[]): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: toMailQueryParams(state),
      state: { [MAIL_CURSOR_STACK_KEY]: cursorStack },
    });
  }
}
