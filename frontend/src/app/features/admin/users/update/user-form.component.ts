import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  BuiltInRole,
  EMAIL_MAX_LENGTH,
  ErrorCode,
  IDENTITY_LIMITS,
  PASSWORD_LIMITS,
  Permission,
  type CreateUserRequest,
  type ProblemDetails,
  type UserDto,
} from '@depot/contracts';
import { map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { applyServerErrors, serverError, setServerError } from '../../../../shared/forms/server-errors';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { RolesService } from '../../roles/data-access/roles.service';
import { UsersService } from '../data-access/users.service';

export type PasswordMode = 'invite' | 'password';

type UserFormGroup = FormGroup<{
  email: FormControl<string>;
  displayName: FormControl<string>;
  roles: FormControl<string[]>;
  passwordMode: FormControl<PasswordMode>;
  initialPassword: FormControl<string>;
}>;
type ControlName = keyof UserFormGroup['controls'];

const LABELS: Record<ControlName, string> = {
  email: 'Email',
  displayName: 'Display name',
  roles: 'Roles',
  passwordMode: 'Password',
  initialPassword: 'Initial password',
};

export const USER_CONFLICT_MESSAGE = 'This user was changed by someone else since you opened it.';

/**
 * Create (`/admin/users/new`) and edit (`/admin/users/:id/edit`) page of a user. Creating sets
 * the roles and either an initial password or an e-mailed invitation; editing changes e-mail
 * and name only (roles and status have their own operations on the user's page).
 */
@Component({
  selector: 'app-user-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    MatAnchor,
    MatProgressBar,
    IconComponent,
  ],
  templateUrl: './user-form.component.html',
  styleUrl: './user-form.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserFormComponent {
  readonly #users = inject(UsersService);
  readonly #router = inject(Router);
  readonly #snackBar = inject(MatSnackBar);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id'))), {
    requireSync: true,
  });
  protected readonly isNew = computed(() => !this.id());
  protected readonly limits = { email: EMAIL_MAX_LENGTH, name: IDENTITY_LIMITS.displayNameMaxLength };
  protected readonly passwordLimits = PASSWORD_LIMITS;
  protected readonly conflictMessage = USER_CONFLICT_MESSAGE;
  protected readonly roleNames = signal<string[]>(Object.values(BuiltInRole));

  protected readonly form: UserFormGroup = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)],
    }),
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(IDENTITY_LIMITS.displayNameMaxLength)],
    }),
    roles: new FormControl<string[]>([], { nonNullable: true }),
    passwordMode: new FormControl<PasswordMode>('invite', { nonNullable: true }),
    initialPassword: new FormControl(
      { value: '', disabled: true },
      {
        nonNullable: true,
        validators: [
          Validators.required,
          Validators.minLength(PASSWORD_LIMITS.minLength),
          Validators.maxLength(PASSWORD_LIMITS.maxLength),
        ],
      },
    ),
  });
  protected readonly user = signal<UserDto | null>(null);
  protected readonly loadState = signal<'idle' | 'loading' | 'ready' | 'not-found' | 'failed'>('idle');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly conflict = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly passwordMode = toSignal(this.form.controls.passwordMode.valueChanges, {
    initialValue: this.form.controls.passwordMode.value,
  });

  constructor() {
    this.form.controls.passwordMode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => {
      const password = this.form.controls.initialPassword;
      if (mode === 'password') {
        password.enable();
      } else {
        password.reset();
        password.disable();
      }
    });

    if (inject(AuthService).hasPermission(Permission.IdentityRolesRead)) {
      inject(RolesService)
        .list()
        .pipe(takeUntilDestroyed())
        .subscribe({ next: (roles) => this.roleNames.set(roles.map((role) => role.name)), error: () => undefined });
    }

    effect(() => {
      const id = this.id();
      untracked(() => {
        if (id) {
          this.#load(id);
        }
      });
    });
  }

  protected errorText(name: ControlName): string {
    const control = this.form.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return `${LABELS[name]} is required.`;
    }
    if (control.hasError('email')) {
      return 'Enter a valid email address.';
    }
    if (control.hasError('minlength')) {
      return `Use at least ${PASSWORD_LIMITS.minLength} characters.`;
    }
    if (control.hasError('maxlength')) {
      return `${LABELS[name]} is too long.`;
    }
    return `${LABELS[name]} is invalid.`;
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.#focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const user = this.user();
    this.saving.set(true);
    if (user) {
      this.#users
        .update(user.id, { version: user.version, email: value.email.trim(), displayName: value.displayName.trim() })
        .subscribe({
          next: (saved) => this.#saved(saved, `Saved ${saved.email}.`),
          error: (error: unknown) => this.#failed(toProblemDetails(error)),
        });
      return;
    }
    const request: CreateUserRequest = {
      email: value.email.trim(),
      displayName: value.displayName.trim(),
      roles: value.roles,
      ...(value.passwordMode === 'password' ? { initialPassword: value.initialPassword } : {}),
    };
    this.#users.create(request).subscribe({
      next: (created) =>
        this.#saved(
          created,
          value.passwordMode === 'password'
            ? `Created ${created.email}. They choose their own password at the first sign-in.`
            : `Created ${created.email} and e-mailed an invitation.`,
        ),
      error: (error: unknown) => this.#failed(toProblemDetails(error)),
    });
  }

  protected reloadLatest(): void {
    const id = this.id();
    if (id) {
      this.#load(id, () => this.#snackBar.open('Loaded the latest version.', 'Dismiss', { duration: 4000 }));
    }
  }

  #load(id: string, done?: () => void): void {
    this.loadState.set('loading');
    this.#users.get(id).subscribe({
      next: (user) => {
        this.user.set(user);
        this.form.reset({ ...this.form.getRawValue(), email: user.email, displayName: user.displayName });
        this.conflict.set(false);
        this.formError.set(null);
        this.loadState.set('ready');
        done?.();
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  #saved(user: UserDto, message: string): void {
    this.saving.set(false);
    this.#snackBar.open(message, 'Dismiss', { duration: 5000 });
    void this.#router.navigate(['/admin/users', user.id]);
  }

  #failed(problem: ProblemDetails): void {
    this.saving.set(false);
    if (problem.code === ErrorCode.VersionConflict) {
      this.conflict.set(true);
      return;
    }
    if (problem.code === ErrorCode.EmailTaken) {
      setServerError(this.form.controls.email, problem.detail ?? 'Another user already has this e-mail address.');
      this.#focusFirstInvalid();
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem, {}, { initialPassword: 'This password' });
      this.formError.set(
        unmatched.length ? unmatched.map((error) => error.message).join(' ') : 'Please correct the highlighted fields.',
      );
      this.#focusFirstInvalid();
      return;
    }
    this.formError.set(problemMessage(problem));
  }

  #focusFirstInvalid(): void {
    afterNextRender(
      () => this.#host.nativeElement.querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid')?.focus(),
      { injector: this.#injector },
    );
  }
}
