import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ErrorCode, PASSWORD_LIMITS, type ProblemDetails } from '@depot/contracts';
import { map } from 'rxjs';

import { LoginNoticeService } from '../../../core/auth/login-notice.service';
import { ThemeToggleComponent } from '../../../core/theme/theme-toggle.component';
import { applyServerErrors, serverError } from '../../../shared/forms/server-errors';
import { HttpStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { PasswordService } from '../data-access/password.service';

export const PASSWORD_SET_NOTICE = 'Your password is set. Sign in with it.';

/**
 * Sets a password with the token from an e-mailed link: `/reset-password?token=...` after
 * "Forgot password?", and with `&invite=1` for a new account's invitation.
 */
@Component({
  selector: 'app-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    ThemeToggleComponent,
  ],
  template: `
    <div class="page">
      <div class="corner"><app-theme-toggle /></div>
      <main class="card" aria-labelledby="reset-title">
        <h1 id="reset-title">{{ invite() ? 'Set your password' : 'Choose a new password' }}</h1>
        <p class="lead">
          {{
            invite()
              ? 'Welcome to Depot. Choose the password for your new account.'
              : 'Choose a new password for your Depot account.'
          }}
        </p>

        @if (!token()) {
          <div class="form-error" role="alert">
            This link is incomplete. Open the link from the e-mail again, or
            <a routerLink="/forgot-password">ask for a new one</a>.
          </div>
        } @else {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            @if (tokenInvalid()) {
              <div class="form-error" role="alert">
                This link has expired or was already used.
                @if (invite()) {
                  Ask an administrator to invite you again, or
                }
                <a routerLink="/forgot-password">ask for a new link</a>.
              </div>
            } @else if (error(); as message) {
              <div class="form-error" role="alert">{{ message }}</div>
            }

            <!-- Policy messages can be long: let them push the next field down. -->
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow-subscript">
              <mat-label>New password</mat-label>
              <input
                matInput
                type="password"
                formControlName="newPassword"
                autocomplete="new-password"
                required
                [maxlength]="limits.maxLength"
              />
              <mat-hint>At least {{ limits.minLength }} characters.</mat-hint>
              <mat-error>{{ newPasswordError() }}</mat-error>
            </mat-form-field>

            <mat-form-field appearance="outline">
              <mat-label>Repeat the new password</mat-label>
              <input matInput type="password" formControlName="confirm" autocomplete="new-password" required />
              <mat-error>The passwords do not match.</mat-error>
            </mat-form-field>

            <button mat-flat-button type="submit" class="submit" [disabled]="submitting()">
              {{ invite() ? 'Set password' : 'Save new password' }}
            </button>
            @if (submitting()) {
              <mat-progress-bar mode="indeterminate" aria-label="Saving" />
            }
            <a class="forgot" routerLink="/login">Back to sign in</a>
          </form>
        }
      </main>
    </div>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPageComponent {
  readonly #passwords = inject(PasswordService);
  readonly #router = inject(Router);
  readonly #notice = inject(LoginNoticeService);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);
  readonly #params = inject(ActivatedRoute).queryParamMap;

  protected readonly limits = PASSWORD_LIMITS;
  protected readonly token = toSignal(this.#params.pipe(map((params) => params.get('token') ?? '')), {
    requireSync: true,
  });
  protected readonly invite = toSignal(this.#params.pipe(map((params) => params.get('invite') === '1')), {
    requireSync: true,
  });
  protected readonly form = new FormGroup(
    {
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [
          Validators.required,
          Validators.minLength(PASSWORD_LIMITS.minLength),
          Validators.maxLength(PASSWORD_LIMITS.maxLength),
        ],
      }),
      confirm: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: passwordsMatch },
  );
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly tokenInvalid = signal(false);

  constructor() {
    if (this.invite()) {
      // The route's title speaks of a new password; an invitation sets the first one. (After the
      // first render, when the router has set the route's title.)
      const title = inject(Title);
      afterNextRender(() => title.setTitle(title.getTitle().replace('Set a new password', 'Set your password')));
    }
  }

  protected newPasswordError(): string {
    const control = this.form.controls.newPassword;
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return 'Enter a new password.';
    }
    if (control.hasError('minlength')) {
      return `Use at least ${PASSWORD_LIMITS.minLength} characters.`;
    }
    return `Use at most ${PASSWORD_LIMITS.maxLength} characters.`;
  }

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.#passwords.reset(this.token(), this.form.controls.newPassword.value).subscribe({
      next: () => {
        this.submitting.set(false);
        this.#notice.set(PASSWORD_SET_NOTICE);
        void this.#router.navigateByUrl('/login');
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.#showError(toProblemDetails(error));
      },
    });
  }

  #showError(problem: ProblemDetails): void {
    const tokenError = problem.errors?.some((error) => error.field === 'token') ?? false;
    if (problem.code === ErrorCode.InvalidPasswordToken || tokenError) {
      this.tokenInvalid.set(true);
      return;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(this.form, problem, {}, { newPassword: 'This password' });
      this.error.set(unmatched.length ? unmatched.map((error) => error.message).join(' ') : null);
      this.#focusPassword();
      return;
    }
    this.error.set(
      problem.status === HttpStatus.TooManyRequests
        ? 'Too many attempts. Wait a few minutes, then try again.'
        : problemMessage(problem),
    );
  }

  #focusPassword(): void {
    afterNextRender(() => this.#host.nativeElement.querySelector<HTMLInputElement>('input')?.focus(), {
      injector: this.#injector,
    });
  }
}

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const password: unknown = group.get('newPassword')?.value;
  const confirm = group.get('confirm');
  if (!confirm) {
    return null;
  }
  const mismatch = !!confirm.value && password !== confirm.value;
  // The error goes on the second field, where the user can see and fix it.
  if (mismatch && !confirm.hasError('mismatch')) {
    confirm.setErrors({ ...confirm.errors, mismatch: true });
  } else if (!mismatch && confirm.hasError('mismatch')) {
    const rest = Object.entries(confirm.errors ?? {}).filter(([key]) => key !== 'mismatch');
    confirm.setErrors(rest.length ? Object.fromEntries(rest) : null);
  }
  return null;
}
