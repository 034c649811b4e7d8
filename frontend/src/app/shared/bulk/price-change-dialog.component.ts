import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  BULK_LIMITS,
  PriceChangeMode,
  ProductBulkAction,
  type BulkResult,
  type BulkRowResult,
  type CurrencyCode,
} from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { problemMessage, toProblemDetails } from '../http/problem-details';
import { formatMoney } from '../money/money';
import { BulkService } from './bulk.service';

export interface PriceChangeDialogData {
  ids: readonly string[];
}

/** The change the user confirmed after seeing the preview. */
export interface PriceChange {
  mode: PriceChangeMode;
  /** Percent, or amount in minor units. */
  value: number;
}

/**
 * Change the sale price of the selected products by a percentage or an amount. "Preview" asks
 * the server for the exact result (`dryRun`: same rounding, same checks) and lists old -> new per
 * product; only then can the change be applied.
 */
@Component({
  selector: 'app-price-change-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
  ],
  template: `
    <h2 mat-dialog-title>
      Change prices of {{ data.ids.length }} {{ data.ids.length === 1 ? 'product' : 'products' }}
    </h2>
    <mat-dialog-content>
      <form class="change" [formGroup]="form" (ngSubmit)="preview()">
        <mat-form-field appearance="outline">
          <mat-label>Change by</mat-label>
          <mat-select formControlName="mode">
            <mat-option value="percent">Percent</mat-option>
            <mat-option value="amount">Amount</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="value">
          <mat-label>{{
            form.controls.mode.value === 'percent' ? 'Percent (e.g. -10)' : 'Amount (e.g. -1.50)'
          }}</mat-label>
          <input matInput type="number" formControlName="value" step="0.01" autocomplete="off" />
          <mat-hint>{{
            form.controls.mode.value === 'percent'
              ? 'Negative lowers the price; rounded to the cent.'
              : "In each product's currency; negative lowers the price."
          }}</mat-hint>
          @if (form.controls.value.invalid) {
            <mat-error>{{ valueError() }}</mat-error>
          }
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="previewing()">Preview</button>
      </form>

      @if (problem(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }

      @if (rows().length) {
        <p class="note">Prices never go below 0. Nothing has been changed yet.</p>
        <div class="table-scroll">
          <table class="preview" aria-label="Price preview">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" class="numeric">Old price</th>
                <th scope="col" class="numeric">New price</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.id) {
                <tr>
                  <td>{{ row.label ?? row.id }}</td>
                  @if (row.status === 'failed') {
                    <td colspan="2" class="failed">{{ row.error?.detail }}</td>
                  } @else {
                    <td class="numeric">{{ priceOf(row.before ?? row.after, row) }}</td>
                    <td class="numeric">
                      {{ row.status === 'unchanged' ? 'unchanged' : priceOf(row.after, row) }}
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="null">Cancel</button>
      <button mat-flat-button type="button" [disabled]="!canApply()" (click)="apply()">Apply to {{ okCount() }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .change {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 12px;
      padding-top: 8px;
    }
    .change button {
      margin-top: 10px;
    }
    .change .value {
      max-width: 240px;
    }
    .table-scroll {
      max-height: 320px;
      overflow: auto;
    }
    .preview {
      width: 100%;
      border-collapse: collapse;
    }
    .preview th,
    .preview td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      overflow-wrap: anywhere;
    }
    .preview .numeric {
      text-align: right;
      white-space: nowrap;
    }
    .failed,
    .error {
      color: var(--mat-sys-error);
    }
    .note {
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PriceChangeDialogComponent {
  protected readonly data = inject<PriceChangeDialogData>(MAT_DIALOG_DATA);
  readonly #dialogRef = inject<MatDialogRef<PriceChangeDialogComponent, PriceChange | null>>(MatDialogRef);
  readonly #bulk = inject(BulkService);

  protected readonly form = new FormGroup({
    mode: new FormControl<PriceChangeMode>(PriceChangeMode.Percent, { nonNullable: true }),
    value: new FormControl<number | null>(null, [Validators.required]),
  });
  protected readonly previewing = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly previewed = signal<{ change: PriceChange; result: BulkResult } | null>(null);
  protected readonly rows = computed<readonly BulkRowResult[]>(() => this.previewed()?.result.results ?? []);
  protected readonly okCount = computed(() => this.previewed()?.result.summary.ok ?? 0);
  readonly #formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** Apply only what was previewed: any edit after the preview asks for a new one. */
  protected readonly canApply = computed(() => {
    const last = this.previewed();
    const change = changeOf(this.#formValue());
    return (
      last !== null &&
      last.result.summary.ok > 0 &&
      change !== null &&
      change.mode === last.change.mode &&
      change.value === last.change.value
    );
  });

  protected valueError(): string {
    return this.form.controls.mode.value === PriceChangeMode.Percent
      ? `Enter a percent from ${BULK_LIMITS.minPercent} to ${BULK_LIMITS.maxPercent} with at most 2 decimals.`
      : 'Enter an amount with at most 2 decimals.';
  }

  protected preview(): void {
    const change = changeOf(this.form.getRawValue());
    if (change === null) {
      this.form.controls.value.setErrors({ invalid: true });
      this.form.markAllAsTouched();
      return;
    }
    this.previewing.set(true);
    this.problem.set(null);
    this.#bulk
      .run('products', {
        action: ProductBulkAction.ChangePrice,
        ids: [...this.data.ids],
        mode: change.mode,
        value: change.value,
        dryRun: true,
      })
      .subscribe({
        next: (result) => {
          this.previewing.set(false);
          this.previewed.set({ change, result });
        },
        error: (error: unknown) => {
          this.previewing.set(false);
          this.problem.set(problemMessage(toProblemDetails(error)));
        },
      });
  }

  protected apply(): void {
    const last = this.previewed();
    if (last && this.canApply()) {
      this.#dialogRef.close(last.change);
    }
  }

  protected priceOf(fields: Record<string, unknown> | undefined, row: BulkRowResult): string {
    const source = fields ?? row.before;
    const price = source?.['priceMinor'];
    const currency = source?.['currency'];
    return typeof price === 'number' && typeof currency === 'string'
      ? formatMoney(price, currency as CurrencyCode)
      : '';
  }
}

/** The form's change in API terms (amounts typed in major units, 2 decimals), or null when invalid. */
export function changeOf(value: { mode?: PriceChangeMode; value?: number | null }): PriceChange | null {
  const mode = value.mode ?? PriceChangeMode.Percent;
  const number = value.value;
  if (typeof number !== 'number' || !Number.isFinite(number) || Number(number.toFixed(2)) !== number) {
    return null;
  }
  if (mode === PriceChangeMode.Percent) {
    return number >= BULK_LIMITS.minPercent && number <= BULK_LIMITS.maxPercent && number !== 0
      ? { mode, value: number }
      : null;
  }
  const minor = Math.round(number * 100);
  return minor !== 0 ? { mode, value: minor } : null;
}

/** Opens the dialog; emits the confirmed change, or null when cancelled. */
export function openPriceChangeDialog(dialog: MatDialog, ids: readonly string[]): Observable<PriceChange | null> {
  return dialog
    .open<PriceChangeDialogComponent, PriceChangeDialogData, PriceChange | null>(PriceChangeDialogComponent, {
      data: { ids },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      width: '640px',
      maxWidth: '95vw',
    })
    .afterClosed()
    .pipe(map((change) => change ?? null));
}
