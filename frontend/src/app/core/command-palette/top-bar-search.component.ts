import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { IconComponent } from '../../shared/ui/icon/icon.component';
import { CommandPaletteService } from './command-palette.service';

/** Whether the shortcut is ⌘K (Apple platforms) or Ctrl+K. */
function isApple(): boolean {
  return /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
}

/**
 * The search box of the top bar: looks like a search field, opens the command palette. Also
 * listens for the palette's shortcuts (Ctrl/Cmd+K anywhere, `/` outside text fields) on the
 * whole document for as long as the signed-in shell shows it.
 */
@Component({
  selector: 'app-top-bar-search',
  imports: [IconComponent],
  template: `
    <button type="button" class="search-box" aria-haspopup="dialog" (click)="open()">
      <app-icon name="search" />
      <span class="label">Search…</span>
      <kbd class="shortcut" aria-hidden="true">{{ shortcut }}</kbd>
      <span class="cdk-visually-hidden">(shortcut {{ shortcutName }} or slash)</span>
    </button>
  `,
  styles: `
    :host {
      display: flex;
      min-inline-size: 0;
    }
    .search-box {
      display: flex;
      align-items: center;
      gap: 8px;
      inline-size: clamp(40px, 32vw, 360px);
      min-block-size: 40px;
      padding: 0 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 20px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
      cursor: pointer;
    }
    .search-box:hover {
      background: var(--mat-sys-surface-container-highest);
    }
    .search-box:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .label {
      flex: 1;
      text-align: start;
    }
    .shortcut {
      padding: 0 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      font: var(--mat-sys-label-small);
    }
    @media (max-width: 599.98px) {
      .search-box {
        inline-size: 40px;
        padding: 0;
        justify-content: center;
        border-radius: 50%;
      }
      .label,
      .shortcut {
        display: none;
      }
    }
  `,
  host: { '(document:keydown)': 'onDocumentKeydown($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopBarSearchComponent {
  readonly #palette = inject(CommandPaletteService);
  protected readonly shortcut = isApple() ? '⌘K' : 'Ctrl K';
  protected readonly shortcutName = isApple() ? 'Command K' : 'Control K';

  protected open(): void {
    this.#palette.open();
  }

  protected onDocumentKeydown(event: KeyboardEvent): void {
    this.#palette.handleGlobalKey(event);
  }
}
