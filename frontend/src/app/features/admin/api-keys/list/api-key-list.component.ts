import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { API_KEY_SORT_FIELDS, Permission, type ApiKeyDto } from '@depot/contracts';
import { switchMap } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { openCreateApiKeyDialog } from '../create/create-api-key-dialog.component';
import { ApiKeysService } from '../data-access/api-keys.service';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

export type ApiKeyState = 'active' | 'revoked' | 'expired';

export function apiKeyState(key: ApiKeyDto, now = Date.now()): ApiKeyState {
  if (key.revokedAt) {
    return 'revoked';
  }
  return key.expiresAt && new Date(key.expiresAt).getTime() <= now ? 'expired' : 'active';
}

/** The signed-in user's API keys on the shared data table: create (the secret is shown once), see usage, revoke. */
@Component({
  selector: 'app-api-key-list',
  imports: [
    SavedViewsComponent,
    RouterLink,
    MatButton,
    DateTimePipe,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
  ],
  templateUrl: './api-key-list.component.html',
  styleUrl: './api-key-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeyListComponent {
  readonly #apiKeys = inject(ApiKeysService);
  readonly #auth = inject(AuthService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);

  protected readonly columns: readonly TableColumn<ApiKeyDto>[] = [
    { key: 'name', label: 'Name', sortField: 'name', value: (key) => key.name, hideable: false, card: 'title' },
    { key: 'prefix', label: 'Key' },
    { key: 'scopes', label: 'Scopes' },
    { key: 'createdAt', label: 'Created', sortField: 'createdAt', sortStart: 'desc', nowrap: true, card: 'hidden' },
    { key: 'lastUsedAt', label: 'Last used', nowrap: true },
    { key: 'expiresAt', label: 'Expires', nowrap: true, card: 'hidden' },
    { key: 'state', label: 'Status' },
    { key: 'actions', label: 'Actions', labelHidden: true, hideable: false },
  ];
  protected readonly list = injectTableList<ApiKeyDto>({
    sortFields: API_KEY_SORT_FIELDS,
    defaultSort: '-createdAt',
    defaultSortImplied: true,
    fetch: (query) => this.#apiKeys.page(query),
    rowId: (key) => key.id,
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly stateOf = apiKeyState;
  protected readonly canReadSecurityLog = this.#auth.hasPermission(Permission.IdentitySecurityLogRead);

  protected load(): void {
    this.error.set(null);
    this.list.reload();
  }

  protected create(): void {
    this.busy.set(true);
    // Scopes are limited to what the user holds right now: ask the server, not a stale copy.
    this.#auth
      .reloadCurrentUser()
      .pipe(switchMap((user) => openCreateApiKeyDialog(this.#dialog, { heldPermissions: user.permissions })))
      .subscribe({
        next: (created) => {
          this.busy.set(false);
          if (created) {
            this.#snackBar.open(`Created the API key ${created.name}.`, 'Dismiss', { duration: 4000 });
            this.load();
          }
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(problemMessage(toProblemDetails(error)));
        },
      });
  }

  protected revoke(key: ApiKeyDto): void {
    openConfirmDialog(this.#dialog, {
      title: `Revoke the API key ${key.name}?`,
      message: `Requests with the key ${key.prefix}… are refused from now on. This cannot be undone.`,
      confirmLabel: 'Revoke key',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.busy.set(true);
      this.#apiKeys.revoke(key.id).subscribe({
        next: () => {
          this.busy.set(false);
          this.#snackBar.open(`Revoked the API key ${key.name}.`, 'Dismiss', { duration: 4000 });
          this.load();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(problemMessage(toProblemDetails(error)));
        },
      });
    });
  }
}
