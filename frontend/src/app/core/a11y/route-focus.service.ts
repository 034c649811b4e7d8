import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';

/** How long to wait for the new page's heading (lazy chunks and data may still be loading). */
export const HEADING_WAIT_MS = 5000;

/** The path of a URL without query and fragment: only a new path is a new page. */
export function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}

/**
 * Moves keyboard focus to the new page's `<h1>` after each navigation to another page, and
 * announces the page's title to screen readers, as a full page load would. Filtering a list
 * (same path, other query parameters) leaves focus where it is, and so does a page that focused
 * one of its own controls (e.g. a form's first field) or an open dialog.
 */
@Injectable({ providedIn: 'root' })
export class RouteFocusService {
  readonly #document = inject(DOCUMENT);
  readonly #router = inject(Router);
  #lastPath: string | null = null;
  #pending: (() => void) | null = null;
  #announcer: HTMLElement | null = null;

  constructor() {
    const subscription = this.#router.events.subscribe((event) => {
      if (event instanceof NavigationEnd) {
        this.#onNavigated(event.urlAfterRedirects);
      }
    });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      this.#pending?.();
    });
  }

  #onNavigated(url: string): void {
    const path = pathOf(url);
    if (path === this.#lastPath) {
      return;
    }
    const first = this.#lastPath === null;
    this.#lastPath = path;
    this.#pending?.();
    this.#pending = this.#whenHeading((heading) => {
      this.#pending = null;
      if (!first || this.#document.activeElement === this.#document.body) {
        this.#focus(heading);
      }
    });
  }

  /** Calls back with the page's heading once it is rendered; returns a cancel function. */
  #whenHeading(found: (heading: HTMLElement) => void): () => void {
    const view = this.#document.defaultView;
    const find = () => this.#heading();
    const now = find();
    if (now || !view) {
      // Let the page finish this render (and focus its own control, if it does) first.
      const timer = view?.setTimeout(() => {
        const heading = find();
        if (heading) found(heading);
      });
      return () => view?.clearTimeout(timer);
    }
    const observer = new MutationObserver(() => {
      const heading = find();
      if (heading) {
        stop();
        found(heading);
      }
    });
    const timer = view.setTimeout(() => stop(), HEADING_WAIT_MS);
    const stop = () => {
      observer.disconnect();
      view.clearTimeout(timer);
    };
    observer.observe(this.#document.body, { childList: true, subtree: true });
    return stop;
  }

  #heading(): HTMLElement | null {
    const main = this.#document.querySelector('main');
    return (main ?? this.#document.body).querySelector<HTMLElement>('h1');
  }

  #focus(heading: HTMLElement): void {
    const active = this.#document.activeElement;
    const main = this.#document.querySelector('main');
    // A control of the new page already has focus, or a dialog is open: leave it there.
    const pageHasFocus = active && active !== this.#document.body && main?.contains(active) && active !== main;
    if (pageHasFocus || this.#document.querySelector('.cdk-overlay-container [role="dialog"]')) {
      this.#announce();
      return;
    }
    if (!heading.hasAttribute('tabindex')) {
      heading.setAttribute('tabindex', '-1');
    }
    heading.focus();
    this.#announce();
  }

  /** Says the new page's title in a polite live region (focus alone is not announced by every reader). */
  #announce(): void {
    if (!this.#announcer) {
      const region = this.#document.createElement('div');
      region.setAttribute('aria-live', 'polite');
      region.setAttribute('role', 'status');
      region.className = 'cdk-visually-hidden';
      region.id = 'route-announcer';
      this.#document.body.appendChild(region);
      this.#announcer = region;
    }
    this.#announcer.textContent = this.#document.title;
  }
}
