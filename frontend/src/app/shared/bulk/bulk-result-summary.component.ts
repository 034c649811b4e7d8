import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BulkResult } from '@depot/contracts';

/** "3 done, 1 failed, 2 unchanged", with the reason of each failed row. */
@Component({
  selector: 'app-bulk-result-summary',
  template: `
    <div class="summary" role="status">
      <span class="counts">{{ counts() }}</span>
      @if (failures().length) {
        <ul class="failures" aria-label="Rows that failed">
          @for (row of failures(); track row.id) {
            <li>
              <strong>{{ row.label ?? row.id }}</strong>: {{ row.error?.detail }}
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .summary {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .failures {
      margin: 0;
      padding-left: 20px;
      max-height: 160px;
      overflow: auto;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkResultSummaryComponent {
  readonly result = input.required<BulkResult>();

  protected readonly failures = computed(() => this.result().results.filter((row) => row.status === 'failed'));
  protected readonly counts = computed(() => summaryText(this.result()));
}

export function summaryText(result: BulkResult): string {
  const { ok, failed, unchanged } = result.summary;
  const parts = [`${ok} done`];
  if (failed) {
    parts.push(`${failed} failed`);
  }
  if (unchanged) {
    parts.push(`${unchanged} unchanged`);
  }
  return parts.join(', ');
}
