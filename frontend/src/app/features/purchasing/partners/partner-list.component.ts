import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute } from '@angular/router';
import { PAGINATION, PARTNER_SORT_FIELDS, PartnerKind, Permission, type PartnerDto } from '@depot/contracts';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { openRecordHistoryDialog } from '../../../shared/history/record-history-dialog.component';
import { DataTableComponent } from '../../../shared/table/data-table.component';
import { ListFiltersComponent } from '../../../shared/table/list-filters.component';
import { TableCellDirective } from '../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../shared/table/table-column';
import { filterParams, injectTableList } from '../../../shared/table/table-list';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { PartnersService } from '../data-access/partners.service';
import { PARTNER_KINDS, PARTNER_KIND_DATA, paymentTermsLabel } from '../data-access/purchasing-labels';
import { openPartnerDialog } from './partner-dialog.component';
import {
  ACTIVE_FILTERS,
  PARTNER_DEFAULT_SORT,
  type ActiveFilter,
  type PartnerListState,
  activeFilterLabel,
  parsePartnerListState,
  partnerListQueryParams,
  toPartnerListQuery,
} from './partner-list-state';
import { SavedViewsComponent } from '../../../shared/saved-views/saved-views.component';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Suppliers (`/suppliers`) or customers (`/customers`), chosen by the route's data: search and
 * filter kept in the URL, create and edit in a dialog.
 */
@Component({
  selector: 'app-partner-list',
  imports: [
    SavedViewsComponent,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    DataTableComponent,
    TableCellDirective,
    ListFiltersComponent,
    IconComponent,
  ],
  templateUrl: './partner-list.component.html',
  styleUrl: './partner-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerListComponent {
  readonly #partners = inject(PartnersService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #route = inject(ActivatedRoute);
  readonly #auth = inject(AuthService);

  protected readonly config = PARTNER_KINDS[partnerKindOf(this.#route.snapshot.data[PARTNER_KIND_DATA])];
  /** Saved views are kept per page (suppliers and customers apart). */
  protected readonly savedViewsKey = this.config.kind === PartnerKind.Supplier ? 'suppliers' : 'customers';
  protected readonly canWrite = computed(() => this.#auth.permissions().has(this.config.writePermission));
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly maxSearchLength = PAGINATION.maxSearchLength;
  protected readonly activeFilters = ACTIVE_FILTERS;
  protected readonly activeFilterLabel = activeFilterLabel;
  protected readonly paymentTermsLabel = paymentTermsLabel;
  protected readonly list = injectTableList<PartnerDto>({
    sortFields: PARTNER_SORT_FIELDS,
    defaultSort: PARTNER_DEFAULT_SORT,
    fetch: (query, params) =>
      this.#partners.list(this.config.kind, { ...query, ...toPartnerListQuery(parsePartnerListState(params)) }),
    rowId: (partner) => partner.id,
  });
  protected readonly state = computed(() => parsePartnerListState(this.list.params()), {
    equal: (a, b) => a.q === b.q && a.active === b.active,
  });
  protected readonly filterCount = computed(
    () => (this.state().q !== '' ? 1 : 0) + (this.state().active !== 'all' ? 1 : 0),
  );
  protected readonly hasFilters = computed(() => this.state().q !== '' || this.state().active !== 'all');
  protected readonly search = new FormControl(this.state().q, { nonNullable: true });
  protected readonly columns = computed((): TableColumn<PartnerDto>[] => [
    { key: 'code', label: 'Code', sortField: 'code', hideable: false, card: 'title', nowrap: true },
    { key: 'name', label: 'Name', sortField: 'name' },
    { key: 'contact', label: 'Contact' },
    { key: 'email', label: 'E-mail' },
    {
      key: 'paymentTerms',
      label: 'Payment terms',
      value: (partner) => paymentTermsLabel(partner.paymentTermsDays),
      nowrap: true,
    },
    { key: 'active', label: 'State' },
    {
      key: 'createdAt',
      label: 'Created',
      sortField: 'createdAt',
      sortStart: 'desc',
      hiddenByDefault: true,
      value: (partner) => partner.createdAt.slice(0, 10),
      nowrap: true,
    },
    ...(this.canWrite() || this.canReadAudit()
      ? [{ key: 'actions', label: 'Actions', labelHidden: true, hideable: false, nowrap: true }]
      : []),
  ]);

  constructor() {
    effect(() => {
      const state = this.state();
      untracked(() => {
        // Back/forward changes the URL under the search box: keep the box in step.
        if (this.search.value.trim() !== state.q) {
          this.search.setValue(state.q, { emitEvent: false });
        }
      });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => this.#navigate({ ...this.state(), q }));
    inject(RealtimeService)
      .changes({ aggregateType: this.config.kind })
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed())
      .subscribe(() => this.list.reload());
  }

  protected onActive(active: ActiveFilter): void {
    this.#navigate({ ...this.state(), active });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.#navigate({ q: '', active: 'all' });
  }

  protected create(): void {
    openPartnerDialog(this.#dialog, { kind: this.config.kind }).subscribe((saved) => {
      if (saved) {
        this.#snackBar.open(`Created ${this.config.noun} ${saved.code}.`, 'Dismiss', { duration: 4000 });
        this.list.reload();
      }
    });
  }

  protected edit(partner: PartnerDto): void {
    openPartnerDialog(this.#dialog, { kind: this.config.kind, partner }).subscribe((saved) => {
      if (saved) {
        this.#snackBar.open(`Saved ${this.config.noun} ${saved.code}.`, 'Dismiss', { duration: 4000 });
        this.list.reload();
      }
    });
  }

  protected history(partner: PartnerDto): void {
    openRecordHistoryDialog(this.#dialog, {
      title: `History of ${this.config.noun} ${partner.code}`,
      entityType: this.config.kind,
      entityId: partner.id,
    });
  }

  #navigate(state: PartnerListState): void {
    this.list.setFilters(filterParams(['q', 'active'], partnerListQueryParams(state)));
  }
}

function partnerKindOf(value: unknown): PartnerKind {
  return value === PartnerKind.Customer ? PartnerKind.Customer : PartnerKind.Supplier;
}
