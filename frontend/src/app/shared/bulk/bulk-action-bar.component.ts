import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { BulkResult } from '@depot/contracts';
import { finalize } from 'rxjs';

import { problemMessage, toProblemDetails } from '../http/problem-details';
import { formatCount } from '../table/table-state';
import { IconComponent } from '../ui/icon/icon.component';
import type { BulkAction } from './bulk-action';
import { BulkResultSummaryComponent } from './bulk-result-summary.component';
import { BulkService, newUuid } from './bulk.service';

/**
 * The bar shown while rows are selected: how many, the list's actions, Clear. It runs an action
 * itself, shows its progress (pushed over the socket, determinate) and then the outcome, so a
 * list only passes `ids` and its `actions` (it fits the data table's selection-actions slot).
 */
@Component({
  selector: 'app-bulk-action-bar',
  imports: [MatButton, MatProgressBar, IconComponent, BulkResultSummaryComponent],
  template: `
    <section class="bulk-bar" aria-label="Bulk actions">
      <div class="row">
        <span class="count" aria-live="polite">{{ selectedCount() }} selected</span>
        <div class="actions">
          @for (action of actions(); track action.key) {
            <button mat-stroked-button type="button" [disabled]="running() || ids().length === 0" (click)="run(action)">
              @if (action.icon) {
                <app-icon [name]="action.icon" />
              }
              {{ action.label }}
            </button>
          }
          <button mat-button type="button" [disabled]="running()" (click)="clear()">Clear</button>
        </div>
      </div>
      @if (progress(); as current) {
        <div class="progress">
          <mat-progress-bar
            mode="determinate"
            [value]="percent()"
            [attr.aria-label]="'Progress: ' + current.done + ' of ' + current.total"
          />
          <span class="progress-text">{{ progressText() }}</span>
        </div>
      }
      @if (result(); as outcome) {
        <app-bulk-result-summary [result]="outcome" />
      }
      @if (error(); as message) {
        <p class="error" role="alert">Could not run the action: {{ message }}</p>
      }
    </section>
  `,
  styles: `
    .bulk-bar {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .count {
      font-weight: 500;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .progress mat-progress-bar {
      flex: 1;
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkActionBarComponent {
  readonly #bulk = inject(BulkService);
  readonly #destroyRef = inject(DestroyRef);

  readonly ids = input.required<readonly string[]>();
  readonly actions = input<readonly BulkAction[]>([]);
  /** The user asked to clear the selection. */
  readonly cleared = output<void>();
  /** An action finished (rows may have changed: reload). */
  readonly completed = output<BulkResult>();

  protected readonly running = signal(false);
  protected readonly progress = signal<{ done: number; total: number } | null>(null);
  protected readonly result = signal<BulkResult | null>(null);
  protected readonly error = signal<string | null>(null);
  // Formatted here rather than with DecimalPipe, whose locale machinery would otherwise join the
  // initial bundle (everything Angular's packages hold that any chunk uses is loaded at start-up).
  protected readonly selectedCount = computed(() => formatCount(this.ids().length));
  protected readonly progressText = computed(() => {
    const current = this.progress();
    return current ? `${formatCount(current.done)} of ${formatCount(current.total)}` : '';
  });
  protected readonly percent = computed(() => {
    const current = this.progress();
    return current && current.total > 0 ? Math.round((current.done / current.total) * 100) : 0;
  });

  protected run(action: BulkAction): void {
    const operationId = newUuid();
    const ids = [...this.ids()];
    this.running.set(true);
    this.progress.set(null);
    this.result.set(null);
    this.error.set(null);
    const progress = this.#bulk
      .progress(operationId)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe((message) => this.progress.set({ done: message.done, total: message.total }));
    action
      .run({ ids, operationId })
      .pipe(
        finalize(() => {
          progress.unsubscribe();
          this.running.set(false);
        }),
        takeUntilDestroyed(this.#destroyRef),
      )
      .subscribe({
        next: (result) => {
          if (result) {
            // The answer is the final word, whatever the socket delivered (or did not).
            this.progress.set({ done: result.results.length, total: result.results.length });
            this.result.set(result);
            this.completed.emit(result);
          }
        },
        error: (error: unknown) => this.error.set(problemMessage(toProblemDetails(error))),
      });
  }

  protected clear(): void {
    this.progress.set(null);
    this.result.set(null);
    this.error.set(null);
    this.cleared.emit();
  }
}
