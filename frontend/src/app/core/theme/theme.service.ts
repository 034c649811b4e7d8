import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'depot.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Light/dark theme. Follows the operating system until the user picks one with the toggle; the
 * choice is remembered in localStorage. The theme is applied as a class on `<html>`, which sets
 * `color-scheme` and so switches every Material `light-dark()` token at once.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  readonly #document = inject(DOCUMENT);
  readonly #window = this.#document.defaultView;
  readonly #media = this.#window?.matchMedia?.(DARK_QUERY);
  readonly #chosen = signal<Theme | null>(this.#readStored());
  readonly #system = signal<Theme>(this.#media?.matches ? 'dark' : 'light');

  readonly theme = computed<Theme>(() => this.#chosen() ?? this.#system());

  constructor() {
    this.#media?.addEventListener?.('change', (event) => this.#system.set(event.matches ? 'dark' : 'light'));
    effect(() => this.#apply(this.theme()));
  }

  toggle(): void {
    this.set(this.theme() === 'dark' ? 'light' : 'dark');
  }

  set(theme: Theme): void {
    this.#chosen.set(theme);
    try {
      this.#window?.localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Storage can be unavailable (privacy mode, quota); the choice then lasts for this visit.
    }
  }

  #apply(theme: Theme): void {
    const root = this.#document.documentElement;
    root.classList.toggle('theme-dark', theme === 'dark');
    root.classList.toggle('theme-light', theme === 'light');
  }

  #readStored(): Theme | null {
    try {
      const stored = this.#window?.localStorage.getItem(STORAGE_KEY);
      return stored === 'light' || stored === 'dark' ? stored : null;
    } catch {
      return null;
    }
  }
}
