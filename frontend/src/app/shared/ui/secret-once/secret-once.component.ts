import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { copyText } from '../clipboard';
import { IconComponent } from '../icon/icon.component';

/**
 * A secret the server shows only once (an API key, a webhook signing secret): a warning to copy it
 * now, the value in a read-only field that selects itself on focus, and a Copy button that says
 * whether copying worked. Projected content (how to use the secret) follows the field.
 * The secret lives only in the input binding: the caller drops it with the dialog.
 */
@Component({
  selector: 'app-secret-once',
  imports: [MatFormField, MatLabel, MatInput, MatButton, IconComponent],
  template: `
    <div class="warning" role="alert">
      <app-icon name="warning" />
      <span>{{ warning() }}</span>
    </div>
    <div class="secret-row">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="secret-field">
        <mat-label>{{ label() }}</mat-label>
        <input
          matInput
          readonly
          [value]="secret()"
          [class]="'secret-value ' + inputClass()"
          spellcheck="false"
          (focus)="select($event)"
        />
      </mat-form-field>
      <button mat-flat-button type="button" (click)="copy()">
        <app-icon name="copy" />
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
    </div>
    <ng-content />
  `,
  styles: `
    :host {
      display: block;
    }

    .warning {
      display: flex;
      gap: 8px;
      margin-block-end: 12px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }

    .secret-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block-start: 8px;
    }

    .secret-field {
      flex: 1 1 320px;
    }

    .secret-value {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretOnceComponent {
  readonly #document = inject(DOCUMENT);

  /** The field's label, e.g. `Signing secret`. */
  readonly label = input.required<string>();
  readonly secret = input.required<string>();
  /** Why to copy it now, e.g. "It is shown only this once." */
  readonly warning = input.required<string>();
  /** Extra class on the input (for tests and styles of the caller). */
  readonly inputClass = input('secret');

  protected readonly copied = signal(false);

  protected async copy(): Promise<void> {
    this.copied.set(await copyText(this.secret(), this.#document));
  }

  protected select(event: FocusEvent): void {
    if (event.target instanceof HTMLInputElement) {
      event.target.select();
    }
  }
}

/** The created record without its secret field: what a dialog hands back once it closes. */
export function withoutSecret<T extends object, K extends keyof T>(created: T, secretField: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(created).filter(([name]) => name !== secretField)) as Omit<T, K>;
}
