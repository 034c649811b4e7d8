import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';

import type { ImportRowError } from '@depot/contracts';

/** Every error of an import report: data row number (header = 0), column and message. */
@Component({
  selector: 'app-import-error-table',
  imports: [MatTableModule],
  template: `
    <div class="table-scroll">
      <table mat-table [dataSource]="rows()" aria-label="Errors in the file">
        <ng-container matColumnDef="row">
          <th mat-header-cell *matHeaderCellDef class="numeric">Row</th>
          <td mat-cell *matCellDef="let error" class="numeric">{{ error.row }}</td>
        </ng-container>
        <ng-container matColumnDef="column">
          <th mat-header-cell *matHeaderCellDef>Column</th>
          <td mat-cell *matCellDef="let error">
            @if (error.column) {
              <code>{{ error.column }}</code>
            } @else {
              <span class="whole-row">(whole row)</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="message">
          <th mat-header-cell *matHeaderCellDef>Problem</th>
          <td mat-cell *matCellDef="let error">{{ error.message }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let error; columns: columns" class="error-row"></tr>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin-block-start: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      overflow: hidden;
    }
    .table-scroll {
      max-block-size: 480px;
      overflow: auto;
    }
    table {
      inline-size: 100%;
    }
    .numeric {
      text-align: end;
      inline-size: 64px;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .whole-row {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportErrorTableComponent {
  readonly errors = input.required<readonly ImportRowError[]>();
  protected readonly columns = ['row', 'column', 'message'];
  /** By row (stable, so a row's errors keep the server's column order). */
  protected readonly rows = computed(() => [...this.errors()].sort((a, b) => a.row - b.row));
}
