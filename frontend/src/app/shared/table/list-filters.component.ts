import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { map } from 'rxjs';

import { CARD_LAYOUT_QUERY } from './data-table.component';
import { TableIconComponent } from './table-icon.component';

let nextId = 0;

/**
 * The filter form of a list. On phones it folds behind a "Filters" button that shows how many
 * filters are active, so the list starts on the first screen; wider screens show it as it is.
 */
@Component({
  selector: 'app-list-filters',
  imports: [MatButton, TableIconComponent],
  template: `
    @if (phone()) {
      <button
        mat-stroked-button
        type="button"
        class="filters-toggle"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="panelId"
        (click)="open.set(!open())"
      >
        <app-table-icon name="filter" />
        Filters{{ activeCount() ? ' (' + activeCount() + ')' : '' }}
      </button>
    }
    <div class="filters-panel" [id]="panelId" [hidden]="phone() && !open()">
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .filters-toggle {
      margin-block-end: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFiltersComponent {
  /** How many filters narrow the list now (shown on the phone button). */
  readonly activeCount = input(0);
  protected readonly panelId = `app-list-filters-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(CARD_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
}
