import { type DestroyRef, signal } from '@angular/core';
import type { Page, ProblemDetails } from '@depot/contracts';
import { type Observable, type Subscription } from 'rxjs';

import { toProblemDetails } from '../http/problem-details';

export type PageFetcher<T> = (cursor: string | null) => Observable<Page<T>>;

/**
 * A keyset-paged list shown as one growing table with "Load more". A new query (`load`) or a
 * refresh replaces the rows when the first page arrives; the rows on screen stay meanwhile, so
 * the table does not jump. An answer that arrives after a newer request was made is dropped.
 */
export class LoadMoreList<T> {
  readonly items = signal<T[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  /** True once the first page of the current query has arrived. */
  readonly loaded = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  #fetch: PageFetcher<T> | null = null;
  #subscription: Subscription | null = null;

  constructor(destroyRef: DestroyRef) {
    destroyRef.onDestroy(() => this.#subscription?.unsubscribe());
  }

  /** Shows the first page of a new query. */
  load(fetch: PageFetcher<T>): void {
    this.#fetch = fetch;
    this.loaded.set(false);
    this.#run(null);
  }

  /** Loads the first page of the current query again (e.g. after a live event). */
  refresh(): void {
    if (this.#fetch) {
      this.#run(null);
    }
  }

  /** Appends the next page. */
  more(): void {
    const cursor = this.nextCursor();
    if (cursor && this.#fetch && !this.loading()) {
      this.#run(cursor);
    }
  }

  #run(cursor: string | null): void {
    const fetch = this.#fetch;
    if (!fetch) {
      return;
    }
    this.#subscription?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    this.#subscription = fetch(cursor).subscribe({
      next: (page) => {
        this.items.set(cursor ? [...this.items(), ...page.items] : page.items);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.problem.set(toProblemDetails(error));
      },
    });
  }
}
