import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  type MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';

import { RecordHistoryComponent } from './record-history.component';

export interface RecordHistoryDialogData {
  /** Dialog title, e.g. `History of warehouse BER-1`. */
  title: string;
  entityType: string;
  entityId: string;
}

/** The audit trail of a record that has no page of its own (it is edited in a dialog). */
@Component({
  selector: 'app-record-history-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, RecordHistoryComponent],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <app-record-history [entityType]="data.entityType" [entityId]="data.entityId" [label]="data.title" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordHistoryDialogComponent {
  protected readonly data = inject<RecordHistoryDialogData>(MAT_DIALOG_DATA);
}

/** Opens the history dialog (read-only: it closes with nothing). */
export function openRecordHistoryDialog(
  dialog: MatDialog,
  data: RecordHistoryDialogData,
): MatDialogRef<RecordHistoryDialogComponent, void> {
  return dialog.open<RecordHistoryDialogComponent, RecordHistoryDialogData, void>(RecordHistoryDialogComponent, {
    data,
    width: '720px',
    maxWidth: 'calc(100vw - 32px)',
    autoFocus: 'dialog',
    restoreFocus: true,
  });
}
