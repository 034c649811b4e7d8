import { Injectable, inject } from '@angular/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';

import { CommandPaletteComponent } from './command-palette.component';

/** Opens the command palette (one at a time) and decides which key presses open it. */
@Injectable({ providedIn: 'root' })
export class CommandPaletteService {
  readonly #dialog = inject(MatDialog);
  #ref: MatDialogRef<CommandPaletteComponent> | null = null;

  get isOpen(): boolean {
    return this.#ref !== null;
  }

  open(): void {
    if (this.#ref) {
      return;
    }
    this.#ref = this.#dialog.open(CommandPaletteComponent, {
      ariaLabel: 'Search and commands',
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      width: '640px',
      maxWidth: 'calc(100vw - 16px)',
      position: { top: '10vh' },
      panelClass: 'command-palette-panel',
    });
    this.#ref.afterClosed().subscribe(() => (this.#ref = null));
  }

  /**
   * A document-level key press: Ctrl/Cmd+K anywhere, or `/` outside text fields, opens the
   * palette. Returns whether it did (the caller then stops the key's default action).
   */
  handleGlobalKey(event: KeyboardEvent): boolean {
    if (this.#ref || event.defaultPrevented) {
      return false;
    }
    const modifier = event.ctrlKey || event.metaKey;
    const ctrlK = modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !modifier && !event.altKey && !isTextEntry(event.target);
    if (!ctrlK && !slash) {
      return false;
    }
    event.preventDefault();
    this.open();
    return true;
  }
}

/** Whether typing into `target` should keep a `/` (inputs, text areas, selects, editable content). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable) {
    return true;
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}
