import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { UserBulkAction, type BulkResult } from '@depot/contracts';
import { of, switchMap } from 'rxjs';

import type { BulkAction } from '../../../../shared/bulk/bulk-action';
import { BulkActionBarComponent } from '../../../../shared/bulk/bulk-action-bar.component';
import { BulkService } from '../../../../shared/bulk/bulk.service';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';

/** "Disable" for the selected users (never your own account: that row fails). Needs only `ids`. */
@Component({
  selector: 'app-user-bulk-actions',
  imports: [BulkActionBarComponent],
  template: `<app-bulk-action-bar
    [ids]="ids()"
    [actions]="actions"
    (cleared)="cleared.emit()"
    (completed)="completed.emit($event)"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserBulkActionsComponent {
  readonly #dialog = inject(MatDialog);
  readonly #bulk = inject(BulkService);

  readonly ids = input.required<readonly string[]>();
  readonly cleared = output<void>();
  readonly completed = output<BulkResult>();

  protected readonly actions: readonly BulkAction[] = [
    {
      key: 'disable',
      label: 'Disable',
      icon: 'block',
      run: (context) =>
        openConfirmDialog(this.#dialog, {
          title: `Disable ${context.ids.length} ${context.ids.length === 1 ? 'user' : 'users'}?`,
          message: 'Their sessions end at once and their API keys stop working. Your own account is skipped.',
          confirmLabel: 'Disable',
        }).pipe(
          switchMap((confirmed) =>
            confirmed
              ? this.#bulk.run('users', {
                  action: UserBulkAction.Disable,
                  ids: [...context.ids],
                  operationId: context.operationId,
                })
              : of(null),
          ),
        ),
    },
  ];
}
