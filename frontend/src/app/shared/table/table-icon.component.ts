import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * Icons only the table uses (Material Design paths, Apache License 2.0). Kept here rather than
 * in the app-wide icon set so they load with the lists, not with the first page.
 */
const TABLE_ICONS = {
  columns: 'M14.67 5v14H9.33V5h5.34zm1 14H21V5h-5.33v14zm-7.34 0V5H3v14h5.33z',
  filter: 'M10 18h4v-2h-4v2zM3 6v2h18V6H3zm3 7h12v-2H6v2z',
  up: 'M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z',
  down: 'M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z',
  density: 'M3 2h18v2H3zm0 18h18v2H3zm0-6h18v2H3zm0-6h18v2H3z',
} as const;

export type TableIconName = keyof typeof TABLE_ICONS;

/** A decorative icon of the table; the control that holds it carries the accessible name. */
@Component({
  selector: 'app-table-icon',
  template: `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path [attr.d]="path()" /></svg>`,
  styles: `
    :host {
      display: inline-flex;
      inline-size: var(--app-icon-size, 24px);
      block-size: var(--app-icon-size, 24px);
      flex-shrink: 0;
      vertical-align: middle;
    }
    svg {
      inline-size: 100%;
      block-size: 100%;
      fill: currentColor;
    }
  `,
  host: { 'aria-hidden': 'true' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TableIconComponent {
  readonly name = input.required<TableIconName>();
  protected readonly path = computed(() => TABLE_ICONS[this.name()]);
}
