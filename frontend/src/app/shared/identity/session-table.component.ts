import { ChangeDetectionStrategy, Component, EventEmitter, Output, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { SessionDto } from '@depot/contracts';

import { DateTimePipe } from '../format/date-time.pipe';
import { describeUserAgent } from '../format/user-agent';

/** Active sessions of a user (their own on the profile page, anyone's for an administrator). */
@Component({
  selector: 'app-session-table',
  imports: [MatTableModule, MatButton, DateTimePipe],
  template: `
    <div class="table-scroll">
      <table mat-table [dataSource]="sessions()" [attr.aria-label]="label()">
        <ng-container matColumnDef="device">
          <th mat-header-cell *matHeaderCellDef>Device</th>
          <td mat-cell *matCellDef="let session">
            <span class="device" [title]="session.userAgent ?? ''">{{ device(session) }}</span>
            @if (markCurrent() && session.current) {
              <span class="badge">This session</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="ip">
          <th mat-header-cell *matHeaderCellDef>IP address</th>
          <td mat-cell *matCellDef="let session" class="mono">{{ session.ip ?? '–' }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef>Signed in</th>
          <td mat-cell *matCellDef="let session" class="nowrap">
            <time [attr.datetime]="session.createdAt">{{ session.createdAt | dateTime }}</time>
          </td>
        </ng-container>
        <ng-container matColumnDef="lastUsedAt">
          <th mat-header-cell *matHeaderCellDef>Last active</th>
          <td mat-cell *matCellDef="let session" class="nowrap">
            <time [attr.datetime]="session.lastUsedAt">{{ session.lastUsedAt | dateTime }}</time>
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let session" class="actions-cell">
            @if (canEnd() && !(markCurrent() && session.current)) {
              <button
                mat-button
                type="button"
                class="end"
                [disabled]="busy()"
                [attr.aria-label]="'End session on ' + device(session)"
                (click)="endSession.emit(session)"
              >
                End session
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let session; columns: columns" class="session-row"></tr>
      </table>
    </div>
    @if (sessions().length === 0) {
      <p class="none">No active sessions.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .table-scroll {
      overflow-x: auto;
    }
    table {
      inline-size: 100%;
    }
    .device {
      margin-inline-end: 8px;
    }
    .badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .actions-cell {
      text-align: end;
    }
    .nowrap {
      white-space: nowrap;
    }
    .end {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
    .none {
      margin: 12px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionTableComponent {
  readonly sessions = input.required<readonly SessionDto[]>();
  readonly label = input('Sessions');
  /** Whether the "End session" buttons are offered. */
  readonly canEnd = input(true);
  /** Mark the session of this browser (it is ended with "Sign out" instead). */
  readonly markCurrent = input(false);
  readonly busy = input(false);
  @Output() readonly endSession = new EventEmitter<SessionDto>();

  protected readonly columns = ['device', 'ip', 'createdAt', 'lastUsedAt', 'actions'];

  protected device(session: SessionDto): string {
    return describeUserAgent(session.userAgent);
  }
}
