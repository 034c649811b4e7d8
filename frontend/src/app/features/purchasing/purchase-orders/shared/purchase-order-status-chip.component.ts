import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PurchaseOrderStatus } from '@depot/contracts';

import { PURCHASE_ORDER_STATUS_LABELS } from '../../data-access/purchasing-labels';

/** The status of a purchase order as a coloured chip (the text carries the meaning, not the colour). */
@Component({
  selector: 'app-purchase-order-status-chip',
  template: `<span class="chip" [class]="'status-' + status()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .status-submitted {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .status-partially_received {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .status-received {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .status-cancelled {
      text-decoration: line-through;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PurchaseOrderStatusChipComponent {
  readonly status = input.required<PurchaseOrderStatus>();
  protected readonly label = computed(() => PURCHASE_ORDER_STATUS_LABELS[this.status()]);
}
