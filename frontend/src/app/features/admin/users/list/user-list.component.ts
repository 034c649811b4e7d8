import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { BuiltInRole, PAGINATION, Permission, USER_SORT_FIELDS, type UserDto } from '@depot/contracts';
import { debounceTime, map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { RolesService } from '../../roles/data-access/roles.service';
import { UsersService } from '../data-access/users.service';
import {
  EMPTY_USER_FILTERS,
  USER_DEFAULT_SORT,
  USER_STATUS_FILTERS,
  type UserFilters,
  type UserStatusFilter,
  activeUserFilterCount,
  parseUserFilters,
  sameUserFilters,
  toUserApiQuery,
  toUserFilterParams,
} from './user-list-state';
import { UserBulkActionsComponent } from './user-bulk-actions.component';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Users on the shared data table: search (`q`), role and status filters, sorting and keyset paging
 * with the total, all in the URL: reload, bookmarks and back/forward restore the view.
 */
@Component({
  selector: 'app-user-list',
  imports: [
    SavedViewsComponent,
    UserBulkActionsComponent,
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatAnchor,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
  ],
  templateUrl: './user-list.component.html',
  styleUrl: './user-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListComponent {
  readonly #users = inject(UsersService);
  readonly #auth = inject(AuthService);

  protected readonly statusFilters = USER_STATUS_FILTERS;
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly canManage = computed(() => this.#auth.permissions().has(Permission.IdentityUsersManage));
  /** Role names for the filter: from the API when the user may read roles, else the built-in ones. */
  protected readonly roleNames = signal<string[]>(Object.values(BuiltInRole));

  protected readonly list = injectTableList<UserDto>({
    sortFields: USER_SORT_FIELDS,
    defaultSort: USER_DEFAULT_SORT,
    fetch: (query, params) => this.#users.list({ ...query, ...toUserApiQuery(parseUserFilters(params)) }),
    rowId: (user) => user.id,
  });
  protected readonly state = computed(() => parseUserFilters(this.list.params()), { equal: sameUserFilters });
  protected readonly filterCount = computed(() => activeUserFilterCount(this.state()));
  protected readonly hasFilters = computed(() => this.filterCount() > 0);
  /** The selected user ids (for bulk actions). */
  readonly selectedIds = signal<string[]>([]);

  protected readonly columns: readonly TableColumn<UserDto>[] = [
    { key: 'email', label: 'Email', sortField: 'email', hideable: false, card: 'title' },
    { key: 'displayName', label: 'Name', sortField: 'displayName', value: (user) => user.displayName },
    { key: 'roles', label: 'Roles' },
    { key: 'status', label: 'Status' },
    { key: 'mfa', label: 'Two-factor', value: (user) => (user.mfaEnabled ? 'On' : 'Off'), card: 'hidden' },
    { key: 'createdAt', label: 'Created', sortField: 'createdAt', sortStart: 'desc', nowrap: true, card: 'hidden' },
  ];
  protected readonly userLink = (user: UserDto): string[] => ['/admin/users', user.id];
  protected readonly userLabel = (user: UserDto): string => user.email;

  protected readonly search = new FormControl(this.state().q, { nonNullable: true });

  constructor() {
    const destroyRef = inject(DestroyRef);

    effect(() => {
      const q = this.state().q;
      untracked(() => {
        if (this.search.value.trim() !== q) {
          this.search.setValue(q, { emitEvent: false });
        }
      });
    });

    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.state().q) {
          this.#setFilters({ ...this.state(), q });
        }
      });

    if (this.#auth.hasPermission(Permission.IdentityRolesRead)) {
      inject(RolesService)
        .list()
        .pipe(takeUntilDestroyed(destroyRef))
        .subscribe({
          next: (roles) => this.roleNames.set(roles.map((role) => role.name)),
          error: () => undefined,
        });
    }
  }

  protected onRole(role: string): void {
    this.#setFilters({ ...this.state(), role });
  }

  protected onStatus(status: UserStatusFilter): void {
    this.#setFilters({ ...this.state(), status });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.#setFilters(EMPTY_USER_FILTERS);
  }

  protected statusLabel(status: UserStatusFilter): string {
    return status === 'all' ? 'All' : status === 'active' ? 'Active' : 'Disabled';
  }

  #setFilters(filters: UserFilters): void {
    this.list.setFilters(toUserFilterParams(filters));
  }
}
