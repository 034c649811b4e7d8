import { ChangeDetectionStrategy, Component, forwardRef, input, signal } from '@angular/core';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import type { Permission } from '@depot/contracts';

import type { PermissionGroup } from '../data-access/roles.service';

/**
 * The permissions of a role as a matrix: one group per module with a checkbox per permission and
 * a "select all" for the module (indeterminate when only some are ticked). A form control whose
 * value is the list of permissions, in catalogue order; disabling it makes it read-only.
 */
@Component({
  selector: 'app-permission-matrix',
  imports: [MatCheckbox],
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PermissionMatrixComponent), multi: true }],
  template: `
    @for (group of groups(); track group.module) {
      <fieldset class="module" [attr.aria-describedby]="'module-' + $index + '-count'">
        <legend>
          <mat-checkbox
            class="select-all"
            [checked]="allSelected(group)"
            [indeterminate]="someSelected(group)"
            [disabled]="disabled()"
            (change)="toggleModule(group, $event.checked)"
          >
            {{ group.module }}
          </mat-checkbox>
          <span class="count" [id]="'module-' + $index + '-count'">
            {{ selectedCount(group) }} of {{ group.permissions.length }}
          </span>
        </legend>
        <div class="permissions">
          @for (permission of group.permissions; track permission.name) {
            <mat-checkbox
              [checked]="selected().has(permission.name)"
              [disabled]="disabled()"
              (change)="toggle(permission.name, $event.checked)"
            >
              <span class="description">{{ permission.description }}</span>
              <code class="name">{{ permission.name }}</code>
            </mat-checkbox>
          }
        </div>
      </fieldset>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
      align-items: start;
      gap: 12px;
    }
    .module {
      margin: 0;
      padding: 4px 12px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      min-inline-size: 0;
    }
    legend {
      display: flex;
      align-items: center;
      gap: 8px;
      padding-inline: 4px;
      font: var(--mat-sys-title-small);
    }
    .count {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .permissions {
      display: flex;
      flex-direction: column;
      padding-inline-start: 12px;
    }
    .description {
      display: block;
    }
    .name {
      display: block;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PermissionMatrixComponent implements ControlValueAccessor {
  readonly groups = input.required<readonly PermissionGroup[]>();

  protected readonly selected = signal<ReadonlySet<Permission>>(new Set());
  protected readonly disabled = signal(false);
  #onChange: (value: Permission[]) => void = () => undefined;
  #onTouched: () => void = () => undefined;

  writeValue(value: readonly Permission[] | null): void {
    this.selected.set(new Set(value ?? []));
  }

  registerOnChange(fn: (value: Permission[]) => void): void {
    this.#onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.#onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
  }

  protected selectedCount(group: PermissionGroup): number {
    const selected = this.selected();
    return group.permissions.filter((permission) => selected.has(permission.name)).length;
  }

  protected allSelected(group: PermissionGroup): boolean {
    return this.selectedCount(group) === group.permissions.length;
  }

  protected someSelected(group: PermissionGroup): boolean {
    const count = this.selectedCount(group);
    return count > 0 && count < group.permissions.length;
  }

  protected toggle(permission: Permission, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) {
      next.add(permission);
    } else {
      next.delete(permission);
    }
    this.#emit(next);
  }

  protected toggleModule(group: PermissionGroup, checked: boolean): void {
    const next = new Set(this.selected());
    for (const permission of group.permissions) {
      if (checked) {
        next.add(permission.name);
      } else {
        next.delete(permission.name);
      }
    }
    this.#emit(next);
  }

  #emit(next: Set<Permission>): void {
    this.selected.set(next);
    // Catalogue order, so the same selection always gives the same list.
    const ordered = this.groups().flatMap((group) =>
      group.permissions.map((permission) => permission.name).filter((name) => next.has(name)),
    );
    // Keep permissions the catalogue does not list (from a newer server) rather than drop them.
    const unknown = [...next].filter((name) => !ordered.includes(name));
    this.#onChange([...ordered, ...unknown]);
    this.#onTouched();
  }
}
