import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  EMAIL_MAX_LENGTH,
  ErrorCode,
  MAIL_MESSAGE_SORT_FIELDS,
  MAIL_MESSAGE_STATUSES,
  Permission,
  type MailMessageDto,
  type MailMessageStatus,
} from '@depot/contracts';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
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
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

/**
 * Outgoing e-mail (`/admin/mail`): every message Depot queued, newest first, with its delivery
 * state, attempts and last error; failed messages can be sent again. Filters and the page live in
 * the URL. Bodies are never shown (the API does not return them).
 */
@Component({
  selector: 'app-mail-message-list',
  imports: [
    SavedViewsComponent,
    ReactiveFormsModule,
    DateTimePipe,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
  ],
  templateUrl: './mail-message-list.component.html',
  styleUrl: './mail-message-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailMessageListComponent {
  readonly #mail = inject(MailMessagesService);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly statuses = MAIL_MESSAGE_STATUSES;
  protected readonly statusLabels = MAIL_STATUS_LABELS;
  readonly #auth = inject(AuthService);
  protected readonly canRetry = computed(() => this.#auth.hasPermission(Permission.MailMessagesManage));
  protected readonly columns: readonly TableColumn<MailMessageDto>[] = [
    {
      key: 'createdAt',
      label: 'Queued',
      sortField: 'createdAt',
      sortStart: 'desc',
      nowrap: true,
      hideable: false,
      card: 'title',
    },
    { key: 'to', label: 'Message' },
    { key: 'status', label: 'Status' },
    { key: 'attempts', label: 'Attempts', value: (message) => message.attempts, align: 'end', card: 'hidden' },
    { key: 'lastError', label: 'Last error' },
    { key: 'actions', label: 'Actions', labelHidden: true, hideable: false },
  ];

  protected readonly list = injectTableList<MailMessageDto>({
    sortFields: MAIL_MESSAGE_SORT_FIELDS,
    defaultSort: '-createdAt',
    defaultSortImplied: true,
    fetch: (query, params) => this.#mail.list({ ...query, ...toMailApiQuery(parseMailListState(params)) }),
    rowId: (message) => message.id,
  });
  protected readonly state = computed(() => parseMailListState(this.list.params()), { equal: sameMailListState });
  protected readonly hasFilters = computed(() => !!(this.state().status || this.state().to));
  protected readonly filterCount = computed(() => (this.state().status ? 1 : 0) + (this.state().to ? 1 : 0));
  /** The id of the message being queued again. */
  protected readonly retrying = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly filters = new FormGroup({
    status: new FormControl<MailMessageStatus | ''>('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(EMAIL_MAX_LENGTH)] }),
  });

  constructor() {
    effect(() => {
      const state = this.state();
      untracked(() => this.filters.reset({ status: state.status, to: state.to }));
    });
  }

  protected applyFilters(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    const { status, to } = this.filters.getRawValue();
    this.#navigate({ status, to: to.trim() });
  }

  protected clearFilters(): void {
    this.#navigate(EMPTY_MAIL_FILTERS);
  }

  protected refresh(): void {
    this.list.reload();
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
        this.list.reload();
      },
      error: (error: unknown) => {
        this.retrying.set(null);
        const problem = toProblemDetails(error);
        this.actionError.set(`Could not send the message to ${message.to} again: ${problemMessage(problem)}`);
        if (problem.code === ErrorCode.MailNotRetryable) {
          // Someone else was faster, or it is on its way already: show its current state.
          this.list.reload();
        }
      },
    });
  }

  #navigate(state: MailListState): void {
    this.list.setFilters(toMailQueryParams(state));
  }
}
