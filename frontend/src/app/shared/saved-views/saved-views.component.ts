import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDivider } from '@angular/material/divider';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { BuiltInRole, pickDefaultView, type SavedViewDto } from '@depot/contracts';
import { filter, map } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { problemMessage, toProblemDetails } from '../http/problem-details';
import { openConfirmDialog } from '../ui/confirm-dialog/confirm-dialog.component';
import { IconComponent } from '../ui/icon/icon.component';
import { SaveViewDialogComponent, type SaveViewDialogData } from './save-view-dialog.component';
import { SavedViewsService } from './saved-views.service';
import { queryParamsOf, sameState, stateOf } from './view-state';

/**
 * The saved-views menu of a list: pick one of your views or a shared one (the list navigates to
 * the view's query parameters, so the URL still carries the state), save the current filters as
 * a view, edit or delete the view you are on. The first time a list is opened in a session
 * without query parameters, the default view is applied.
 */
@Component({
  selector: 'app-saved-views',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, MatDivider, IconComponent],
  template: `
    <button
      mat-stroked-button
      type="button"
      class="trigger"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="active() ? 'Saved views, current view ' + active()?.name : 'Saved views'"
    >
      <app-icon name="list" />
      <span class="trigger-label">{{ active()?.name ?? 'Views' }}</span>
      <app-icon name="expandMore" />
    </button>
    <mat-menu #menu="matMenu" class="saved-views-menu">
      @for (view of own(); track view.id) {
        <button mat-menu-item type="button" (click)="apply(view)" [attr.aria-current]="isActive(view) ? 'true' : null">
          <app-icon [name]="isActive(view) ? 'checkCircle' : 'person'" />
          <span>{{ view.name }}{{ view.isDefault ? ' (default)' : '' }}{{ view.shared ? ' · shared' : '' }}</span>
        </button>
      }
      @if (own().length > 0 && shared().length > 0) {
        <mat-divider />
      }
      @for (view of shared(); track view.id) {
        <button mat-menu-item type="button" (click)="apply(view)" [attr.aria-current]="isActive(view) ? 'true' : null">
          <app-icon [name]="isActive(view) ? 'checkCircle' : 'group'" />
          <span>{{ view.name }}{{ view.isDefault ? ' (default)' : '' }} · by {{ view.ownerName }}</span>
        </button>
      }
      @if (views().length === 0) {
        <button mat-menu-item type="button" disabled>No saved views yet</button>
      }
      <mat-divider />
      <button mat-menu-item type="button" (click)="save()">
        <app-icon name="add" />
        <span>Save view…</span>
      </button>
      @if (editable(); as view) {
        <button mat-menu-item type="button" (click)="edit(view)">
          <app-icon name="edit" />
          <span>Edit “{{ view.name }}”…</span>
        </button>
        <button mat-menu-item type="button" (click)="remove(view)">
          <app-icon name="delete" />
          <span>Delete “{{ view.name }}”</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .trigger-label {
      margin-inline: 6px;
      max-inline-size: 16em;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedViewsComponent implements OnInit {
  /** Which list the views belong to, e.g. `products`. */
  readonly listKey = input.required<string>();

  readonly #service = inject(SavedViewsService);
  readonly #auth = inject(AuthService);
  readonly #route = inject(ActivatedRoute);
  readonly #router = inject(Router);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #destroyRef = inject(DestroyRef);

  protected readonly views = signal<SavedViewDto[]>([]);
  readonly #userId = computed(() => this.#auth.currentUser()?.id ?? '');
  protected readonly own = computed(() => this.views().filter((view) => view.ownerId === this.#userId()));
  protected readonly shared = computed(() => this.views().filter((view) => view.ownerId !== this.#userId()));
  readonly #state = toSignal(this.#route.queryParamMap.pipe(map(stateOf)), { initialValue: {} });
  /** The view the list currently shows (its parameters equal the URL's), if any. */
  protected readonly active = computed(() => {
    const state = this.#state();
    return (
      this.own().find((view) => sameState(view.state, state)) ??
      this.shared().find((view) => sameState(view.state, state)) ??
      null
    );
  });
  /** The current view when the user may change it (own view, or any for an administrator). */
  protected readonly editable = computed(() => {
    const view = this.active();
    const admin = this.#auth.currentUser()?.roles.includes(BuiltInRole.Admin) ?? false;
    return view && (view.ownerId === this.#userId() || admin) ? view : null;
  });

  ngOnInit(): void {
    const applyDefault =
      this.#route.snapshot.queryParamMap.keys.length === 0 && this.#service.claimDefault(this.listKey());
    this.#load(applyDefault);
  }

  protected isActive(view: SavedViewDto): boolean {
    return this.active()?.id === view.id;
  }

  protected apply(view: SavedViewDto, replaceUrl = false): void {
    void this.#router.navigate([], { relativeTo: this.#route, queryParams: queryParamsOf(view.state), replaceUrl });
  }

  protected save(): void {
    this.#openDialog({ mode: 'create', listKey: this.listKey(), state: this.#state() });
  }

  protected edit(view: SavedViewDto): void {
    this.#openDialog({ mode: 'edit', view });
  }

  protected remove(view: SavedViewDto): void {
    openConfirmDialog(this.#dialog, {
      title: `Delete “${view.name}”?`,
      message: view.shared ? 'The view is shared: it disappears for everyone.' : 'The list itself is not affected.',
      confirmLabel: 'Delete',
    })
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.#service.delete(view.id).subscribe({
          next: () => {
            this.#snackBar.open(`Deleted “${view.name}”.`, undefined, { duration: 4000 });
            this.#load(false);
          },
          error: (error: unknown) => this.#fail(error),
        }),
      );
  }

  #openDialog(data: SaveViewDialogData): void {
    this.#dialog
      .open<SaveViewDialogComponent, SaveViewDialogData, SavedViewDto>(SaveViewDialogComponent, {
        data,
        autoFocus: 'first-tabbable',
        restoreFocus: true,
        width: '420px',
      })
      .afterClosed()
      .pipe(filter((view): view is SavedViewDto => view !== undefined))
      .subscribe((view) => {
        this.#snackBar.open(`Saved “${view.name}”.`, undefined, { duration: 4000 });
        this.#load(false);
      });
  }

  #load(applyDefault: boolean): void {
    this.#service
      .list(this.listKey())
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({
        next: (views) => {
          this.views.set(views);
          const fallback = applyDefault ? pickDefaultView(views, this.#userId()) : null;
          // Only while the user has not filtered in the meantime.
          if (fallback && this.#route.snapshot.queryParamMap.keys.length === 0) {
            this.apply(fallback, true);
          }
        },
        error: () => this.views.set([]),
      });
  }

  #fail(error: unknown): void {
    this.#snackBar.open(problemMessage(toProblemDetails(error)), 'Dismiss', { duration: 8000 });
  }
}
