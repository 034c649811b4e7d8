import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import type { WebhookEventType } from '@depot/contracts';

import { EVENT_TYPE_GROUPS, orderEventTypes } from './webhook-event-types';

/**
 * Event-type checkboxes, grouped by subject, as a form control whose value is the list of
 * ticked types (in the contract's order). The caller shows the error below it.
 */
@Component({
  selector: 'app-event-types-field',
  imports: [MatCheckbox],
  template: `
    <fieldset class="event-types" [class.invalid]="invalid()" [disabled]="disabled()">
      <legend>Events to send</legend>
      <div class="groups">
        @for (group of groups; track group.label) {
          <div class="group" role="group" [attr.aria-label]="group.label">
            <p class="group-label" aria-hidden="true">{{ group.label }}</p>
            @for (type of group.types; track type.name) {
              <mat-checkbox
                [checked]="selected().has(type.name)"
                [disabled]="disabled()"
                (change)="toggle(type.name, $event.checked)"
              >
                {{ type.label }} <code>{{ type.name }}</code>
              </mat-checkbox>
            }
          </div>
        }
      </div>
      <ng-content />
    </fieldset>
  `,
  styles: `
    .event-types {
      margin: 0;
      padding: 8px 12px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);

      &.invalid {
        border-color: var(--mat-sys-error);
      }

      legend {
        padding-inline: 4px;
        font: var(--mat-sys-title-small);
      }
    }

    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 4px 16px;
    }

    .group {
      display: flex;
      flex-direction: column;
    }

    .group-label {
      margin: 8px 0 0;
      font: var(--mat-sys-label-large);
    }

    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => EventTypesFieldComponent), multi: true }],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventTypesFieldComponent implements ControlValueAccessor {
  /** Draws the error border (the control's error itself is shown by the caller). */
  readonly invalid = input(false);

  protected readonly groups = EVENT_TYPE_GROUPS;
  protected readonly selected = signal<ReadonlySet<WebhookEventType>>(new Set());
  protected readonly disabled = signal(false);

  #onChange: (value: WebhookEventType[]) => void = () => undefined;
  #onTouched: () => void = () => undefined;

  writeValue(value: readonly WebhookEventType[] | null): void {
    this.selected.set(new Set(value ?? []));
  }

  registerOnChange(fn: (value: WebhookEventType[]) => void): void {
    this.#onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.#onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected toggle(type: WebhookEventType, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) {
      next.add(type);
    } else {
      next.delete(type);
    }
    this.selected.set(next);
    this.#onChange(orderEventTypes(next));
    this.#onTouched();
  }
}
