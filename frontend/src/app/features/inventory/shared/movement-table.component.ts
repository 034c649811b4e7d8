import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { StockMovementDto } from '@depot/contracts';

import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { movementActor, movementTypeLabel, reasonLabel, signedQuantity } from '../data-access/inventory-labels';

/** Ledger lines as a table (newest first, as the API returns them). */
@Component({
  selector: 'app-movement-table',
  imports: [MatTableModule, RouterLink, DateTimePipe],
  template: `
    <div class="table-scroll">
      <table mat-table [dataSource]="movements()" [attr.aria-label]="label()" [attr.aria-busy]="busy()">
        <ng-container matColumnDef="occurredAt">
          <th mat-header-cell *matHeaderCellDef>Time</th>
          <td mat-cell *matCellDef="let m" class="nowrap">
            <time [attr.datetime]="m.occurredAt">{{ m.occurredAt | dateTime: 'medium' }}</time>
          </td>
        </ng-container>
        <ng-container matColumnDef="product">
          <th mat-header-cell *matHeaderCellDef>Product</th>
          <td mat-cell *matCellDef="let m" class="product">
            <a class="row-link" [routerLink]="['/products', m.productId]">{{ m.sku }}</a>
            <span class="sub">{{ m.productName }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef>Type</th>
          <td mat-cell *matCellDef="let m" class="nowrap">{{ typeLabel(m.type) }}</td>
        </ng-container>
        <ng-container matColumnDef="change">
          <th mat-header-cell *matHeaderCellDef class="numeric">Change</th>
          <td
            mat-cell
            *matCellDef="let m"
            class="numeric change"
            [class.in]="m.onHandChange > 0"
            [class.out]="m.onHandChange < 0"
          >
            {{ signed(m.onHandChange) }}
            @if (m.reservedChange !== 0) {
              <span class="sub">reserved {{ signed(m.reservedChange) }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="onHandAfter">
          <th mat-header-cell *matHeaderCellDef class="numeric">On hand after</th>
          <td mat-cell *matCellDef="let m" class="numeric">{{ m.onHandAfter }}</td>
        </ng-container>
        <ng-container matColumnDef="warehouse">
          <th mat-header-cell *matHeaderCellDef>Warehouse</th>
          <td mat-cell *matCellDef="let m" class="nowrap">{{ m.warehouseCode }}</td>
        </ng-container>
        <ng-container matColumnDef="reason">
          <th mat-header-cell *matHeaderCellDef>Reason</th>
          <td mat-cell *matCellDef="let m">{{ reason(m.reasonCode) }}</td>
        </ng-container>
        <ng-container matColumnDef="note">
          <th mat-header-cell *matHeaderCellDef>Note</th>
          <td mat-cell *matCellDef="let m" class="note">{{ m.note ?? '' }}</td>
        </ng-container>
        <ng-container matColumnDef="actor">
          <th mat-header-cell *matHeaderCellDef>By</th>
          <td mat-cell *matCellDef="let m">{{ actor(m) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let m; columns: columns()" class="movement-row"></tr>
      </table>
    </div>
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
    .numeric {
      text-align: end;
      white-space: nowrap;
    }
    .nowrap {
      white-space: nowrap;
    }
    .change {
      font-weight: 500;
    }
    .change.in {
      color: var(--mat-sys-primary);
    }
    .change.out {
      color: var(--mat-sys-error);
    }
    .sub {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      min-inline-size: 160px;
      overflow-wrap: anywhere;
    }
    .product {
      min-inline-size: 160px;
    }
    .row-link {
      color: var(--mat-sys-primary);
      font-weight: 500;
      text-decoration: none;
      white-space: nowrap;
      &:hover,
      &:focus-visible {
        text-decoration: underline;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MovementTableComponent {
  readonly movements = input.required<StockMovementDto[]>();
  /** Adds the product column (the ledger of all products). */
  readonly showProduct = input(false);
  readonly label = input('Stock movements');
  readonly busy = input(false);

  protected readonly columns = computed(() => [
    'occurredAt',
    ...(this.showProduct() ? ['product'] : []),
    'type',
    'change',
    'onHandAfter',
    'warehouse',
    'reason',
    'note',
    'actor',
  ]);

  protected readonly typeLabel = movementTypeLabel;
  protected readonly reason = reasonLabel;
  protected readonly signed = signedQuantity;
  protected readonly actor = movementActor;
}
