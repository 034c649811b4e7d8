import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  ErrorCode,
  IDENTITY_LIMITS,
  PERMISSION_CATALOGUE,
  type CreateApiKeyRequest,
  type CreatedApiKeyDto,
  type Permission,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { applyServerErrors, serverError, setServerError } from '../../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { SecretOnceComponent, withoutSecret } from '../../../../shared/ui/secret-once/secret-once.component';
import { ApiKeysService } from '../data-access/api-keys.service';

export interface CreateApiKeyDialogData {
  /** The permissions the user holds: a key can carry only those. */
  heldPermissions: readonly Permission[];
}

/** What the dialog closes with: the created key (without its secret), or nothing when cancelled. */
export type CreateApiKeyDialogResult = Omit<CreatedApiKeyDto, 'key'> | undefined;

export const KEY_SHOWN_ONCE_WARNING =
  'Copy the key now and keep it somewhere safe. It is shown only this once: Depot stores only a hash of it.';

/**
 * Creates an API key: name, scopes (only permissions the user holds) and an optional expiry
 * date. The secret is shown once, with a copy button; closing the dialog forgets it.
 */
@Component({
  selector: 'app-create-api-key-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatCheckbox,
    MatButton,
    MatProgressBar,
    SecretOnceComponent,
  ],
  templateUrl: './create-api-key-dialog.component.html',
  styleUrl: './create-api-key-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateApiKeyDialogComponent {
  readonly #apiKeys = inject(ApiKeysService);
  readonly #held = new Set(inject<CreateApiKeyDialogData>(MAT_DIALOG_DATA).heldPermissions);

  /** The catalogue, narrowed to what the user holds; modules with nothing left are dropped. */
  protected readonly scopeGroups = PERMISSION_CATALOGUE.map((group) => ({
    module: group.module,
    permissions: group.permissions.filter((permission) => this.#held.has(permission.name)),
  })).filter((group) => group.permissions.length > 0);
  protected readonly nameMaxLength = IDENTITY_LIMITS.apiKeyNameMaxLength;
  protected readonly minDate = isoDate(addDays(new Date(), 1));
  protected readonly warning = KEY_SHOWN_ONCE_WARNING;

  protected readonly form = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(IDENTITY_LIMITS.apiKeyNameMaxLength)],
    }),
    scopes: new FormControl<Permission[]>([], {
      nonNullable: true,
      validators: [(control: AbstractControl<Permission[]>) => (control.value.length ? null : { required: true })],
    }),
    /** `YYYY-MM-DD` from the date input; empty for a key that does not expire. */
    expiresOn: new FormControl('', { nonNullable: true, validators: [futureDate] }),
  });
  protected readonly selectedScopes = signal<ReadonlySet<Permission>>(new Set());
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Set once the key exists: the dialog then shows it instead of the form. */
  protected readonly created = signal<CreatedApiKeyDto | null>(null);
  protected readonly result = computed<CreateApiKeyDialogResult>(() => {
    const created = this.created();
    if (!created) {
      return undefined;
    }
    // Everything but the secret: it stays in this dialog and goes when the dialog goes.
    return withoutSecret(created, 'key');
  });

  protected toggleScope(permission: Permission, checked: boolean): void {
    const next = new Set(this.selectedScopes());
    if (checked) {
      next.add(permission);
    } else {
      next.delete(permission);
    }
    this.#setScopes(next);
  }

  protected selectAll(): void {
    this.#setScopes(new Set(this.#held));
  }

  protected scopesError(): string {
    return serverError(this.form.controls.scopes) ?? 'Choose at least one scope.';
  }

  protected nameError(): string {
    const control = this.form.controls.name;
    return (
      serverError(control) ??
      (control.hasError('required') ? 'Give the key a name.' : `Use at most ${this.nameMaxLength} characters.`)
    );
  }

  protected expiryError(): string {
    return serverError(this.form.controls.expiresOn) ?? 'Choose a date after today.';
  }

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateApiKeyRequest = {
      name: value.name.trim(),
      scopes: value.scopes,
      ...(value.expiresOn ? { expiresAt: endOfDay(value.expiresOn).toISOString() } : {}),
    };
    this.saving.set(true);
    const created$: Observable<CreatedApiKeyDto> = this.#apiKeys.create(request);
    created$.subscribe({
      next: (created) => {
        this.saving.set(false);
        this.created.set(created);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = toProblemDetails(error);
        if (problem.code === ErrorCode.ScopeNotHeld) {
          setServerError(this.form.controls.scopes, problem.detail ?? 'You can only grant permissions you hold.');
          return;
        }
        if (problem.errors?.length) {
          const unmatched = applyServerErrors(this.form, problem, { expiresAt: 'expiresOn' });
          this.error.set(unmatched.length ? unmatched.map((fieldError) => fieldError.message).join(' ') : null);
          return;
        }
        this.error.set(problemMessage(problem));
      },
    });
  }

  #setScopes(next: Set<Permission>): void {
    this.selectedScopes.set(next);
    const ordered = this.scopeGroups.flatMap((group) =>
      group.permissions.map((permission) => permission.name).filter((name) => next.has(name)),
    );
    this.form.controls.scopes.setValue(ordered);
    this.form.controls.scopes.markAsTouched();
  }
}

/** Opens the dialog; it closes with the new key's details (never its secret) or `undefined`. */
export function openCreateApiKeyDialog(
  dialog: MatDialog,
  data: CreateApiKeyDialogData,
): Observable<CreateApiKeyDialogResult> {
  return dialog
    .open<CreateApiKeyDialogComponent, CreateApiKeyDialogData, CreateApiKeyDialogResult>(CreateApiKeyDialogComponent, {
      data,
      width: '600px',
      maxWidth: 'calc(100vw - 32px)',
      // The secret must not vanish on a stray click or Escape: close with the buttons only.
      disableClose: true,
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}

function futureDate(control: AbstractControl<string>) {
  if (!control.value) {
    return null;
  }
  return endOfDay(control.value).getTime() > Date.now() + 60_000 ? null : { past: true };
}

/** The end of a `YYYY-MM-DD` day in the user's time zone: a key "until 1 May" works all of 1 May. */
function endOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 23, 59, 59);
}

function addDays(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() + days);
  return copy;
}

function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
