import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { OrderBulkAction, type BulkResult } from '@depot/contracts';
import { of, switchMap } from 'rxjs';

import { openConfirmDialog } from '../ui/confirm-dialog/confirm-dialog.component';
import type { BulkAction } from './bulk-action';
import { BulkActionBarComponent } from './bulk-action-bar.component';
import { BulkService } from './bulk.service';

/**
 * "Cancel drafts" for a list of sales or purchase orders, in the bulk action bar. Other statuses
 * fail their row (the bar lists them). Needs only `ids` and the collection.
 */
@Component({
  selector: 'app-cancel-drafts-bulk-actions',
  imports: [BulkActionBarComponent],
  template: `<app-bulk-action-bar
    [ids]="ids()"
    [actions]="actions()"
    (cleared)="cleared.emit()"
    (completed)="completed.emit($event)"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CancelDraftsBulkActionsComponent {
  readonly #dialog = inject(MatDialog);
  readonly #bulk = inject(BulkService);

  readonly ids = input.required<readonly string[]>();
  readonly collection = input.required<'sales-orders' | 'purchase-orders'>();
  readonly cleared = output<void>();
  readonly completed = output<BulkResult>();

  protected readonly actions = computed<readonly BulkAction[]>(() => {
    const collection = this.collection();
    const noun = collection === 'sales-orders' ? 'sales orders' : 'purchase orders';
    return [
      {
        key: 'cancel',
        label: 'Cancel drafts',
        icon: 'block',
        run: (context) =>
          openConfirmDialog(this.#dialog, {
            title: `Cancel ${context.ids.length} draft ${noun}?`,
            message: 'Only drafts are cancelled; orders in any other status are left as they are.',
            confirmLabel: 'Cancel drafts',
            cancelLabel: 'Keep them',
          }).pipe(
            switchMap((confirmed) =>
              confirmed
                ? this.#bulk.run(collection, {
                    action: OrderBulkAction.Cancel,
                    ids: [...context.ids],
                    operationId: context.operationId,
                  })
                : of(null),
            ),
          ),
      },
    ];
  });
}
