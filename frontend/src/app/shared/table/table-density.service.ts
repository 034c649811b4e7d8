import { Injectable, signal } from '@angular/core';

const STORAGE_KEY = 'depot.table.density';

/** Comfortable or compact rows, for every table, remembered in localStorage. */
@Injectable({ providedIn: 'root' })
export class TableDensityService {
  readonly #compact = signal(readCompact());
  readonly compact = this.#compact.asReadonly();

  toggle(): void {
    const compact = !this.#compact();
    this.#compact.set(compact);
    try {
      localStorage.setItem(STORAGE_KEY, compact ? 'compact' : 'comfortable');
    } catch {
      // Storage may be off (private mode, policy): the choice then lasts for this visit.
    }
  }
}

function readCompact(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'compact';
  } catch {
    return false;
  }
}
