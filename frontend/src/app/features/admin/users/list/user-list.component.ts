import { BreakpointObserver } from '@angular/cdk/layout';
import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  BuiltInRole,
  ErrorCode,
  PAGINATION,
  Permission,
  type Page,
  type ProblemDetails,
  type UserDto,
} from '@depot/contracts';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { pageNumberOf, readCursorStack } from '../../../../shared/list/cursor-stack';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { RolesService } from '../../roles/data-access/roles.service';
import { UsersService } from '../data-access/users.service';
import {
  DEFAULT_USER_LIST_STATE,
  DEFAULT_USER_SORT,
  USER_PAGE_SIZES,
  USER_STATUS_FILTERS,
  type UserListState,
  type UserSortField,
  type UserStatusFilter,
  parseUserListState,
  sameUserListState,
  toUserApiQuery,
  toUserQueryParams,
  userFilterKey,
} from './user-list-state';

/** Key in `history.state` for the cursors of the pages before the current one. */
export const USER_CURSOR_STACK_KEY = 'userListCursors';

const SEARCH_DEBOUNCE_MS = 300;
const ALL_COLUMNS = ['email', 'displayName', 'roles', 'status', 'mfa', 'createdAt'] as const;
const NARROW_COLUMNS = ['email', 'roles', 'status'] as const;

type LoadResult =
  { kind: 'loading' } | { kind: 'loaded'; page: Page<UserDto> } | { kind: 'failed'; problem: ProblemDetails };

/**
 * Users with search (`q`), role and status filters, sorting and keyset paging, all in the URL
 * (like the product list): reload, bookmarks and back/forward restore the view.
 */
@Component({
  selector: 'app-user-list',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatTableModule,
    MatSort,
    MatSortHeader,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatAnchor,
    MatProgressBar,
    IconComponent,
  ],
  templateUrl: './user-list.component.html',
  styleUrl: './user-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListComponent {
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #users = inject(UsersService);
  readonly #auth = inject(AuthService);
  readonly #location = inject(Location);
  readonly #reload = new Subject<void>();
  readonly #totals = new Map<string, number>();

  protected readonly pageSizes = USER_PAGE_SIZES;
  protected readonly statusFilters = USER_STATUS_FILTERS;
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly canManage = computed(() => this.#auth.permissions().has(Permission.IdentityUsersManage));
  /** Role names for the filter: from the API when the user may read roles, else the built-in ones. */
  protected readonly roleNames = signal<string[]>(Object.values(BuiltInRole));

  readonly #view = toSignal(
    this.#route.queryParamMap.pipe(
      map((params) => ({
        state: parseUserListState(params),
        stack: readCursorStack(this.#router, this.#location, USER_CURSOR_STACK_KEY),
      })),
    ),
    { requireSync: true },
  );
  protected readonly state = computed(() => this.#view().state, { equal: sameUserListState });
  protected readonly cursorStack = computed(() => this.#view().stack);
  protected readonly pageNumber = computed(() => pageNumberOf(this.state().cursor, this.cursorStack()));

  readonly #result = signal<LoadResult>({ kind: 'loading' });
  readonly #lastPage = signal<Page<UserDto> | null>(null);
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
  protected readonly total = signal<number | null>(null);
  protected readonly hasFilters = computed(() => {
    const state = this.state();
    return state.q !== '' || state.role !== '' || state.status !== 'all';
  });

  protected readonly columns = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 719.98px)')
      .pipe(map((state) => (state.matches ? [...NARROW_COLUMNS] : [...ALL_COLUMNS]))),
    { initialValue: [...ALL_COLUMNS] },
  );

  protected readonly search = new FormControl(this.state().q, { nonNullable: true });

  constructor() {
    const destroyRef = inject(DestroyRef);

    this.#route.queryParamMap
      .pipe(
        map(parseUserListState),
        distinctUntilChanged(sameUserListState),
        tap((state) => {
          if (this.search.value.trim() !== state.q) {
            this.search.setValue(state.q, { emitEvent: false });
          }
        }),
        switchMap((state) =>
          this.#reload.pipe(
            startWith(undefined),
            switchMap(() => this.#load(state)),
          ),
        ),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((result) => this.#result.set(result));

    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((q) => {
        if (q !== this.state().q) {
          this.#navigate({ ...this.state(), q, cursor: null }, []);
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

  protected onSort(sort: Sort): void {
    const next =
      sort.direction === '' ? DEFAULT_USER_SORT : { field: sort.active as UserSortField, direction: sort.direction };
    this.#navigate({ ...this.state(), sort: next, cursor: null }, []);
  }

  protected onRole(role: string): void {
    this.#navigate({ ...this.state(), role, cursor: null }, []);
  }

  protected onStatus(status: UserStatusFilter): void {
    this.#navigate({ ...this.state(), status, cursor: null }, []);
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

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.#navigate({ ...DEFAULT_USER_LIST_STATE, sort: this.state().sort, limit: this.state().limit }, []);
  }

  protected retry(): void {
    this.#reload.next();
  }

  protected openRow(event: MouseEvent, user: UserDto): void {
    if (event.target instanceof Element && event.target.closest('a')) {
      return;
    }
    void this.#router.navigate([user.id], { relativeTo: this.#route });
  }

  protected statusLabel(status: UserStatusFilter): string {
    return status === 'all' ? 'All' : status === 'active' ? 'Active' : 'Disabled';
  }

  #load(state: UserListState) {
    return this.#users.list(toUserApiQuery(state)).pipe(
      map((page): LoadResult => {
        const key = userFilterKey(state);
        if (page.total !== undefined) {
          this.#totals.set(key, page.total);
        }
        this.total.set(this.#totals.get(key) ?? null);
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

  #navigate(state: UserListState, cursorStack: string[]): void {
    void this.#router.navigate([], {
      relativeTo: this.#route,
      queryParams: toUserQueryParams(state),
      state: { [USER_CURSOR_STACK_KEY]: cursorStack },
    });
  }
}
