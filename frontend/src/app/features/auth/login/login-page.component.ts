import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH, ErrorCode, MFA_LIMITS, PASSWORD_LIMITS, type ProblemDetails } from '@depot/contracts';

import { AuthService } from '../../../core/auth/auth.service';
import { LoginNoticeService } from '../../../core/auth/login-notice.service';
import { safeReturnUrl } from '../../../core/auth/login-redirect';
import { ThemeToggleComponent } from '../../../core/theme/theme-toggle.component';
import { HttpStatus, isOutageStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';

/** The start page: the dashboard, or the first page the user may open (see the dashboard's guard). */
const DEFAULT_AFTER_LOGIN = '/';
export const INVALID_MFA_CODE_MESSAGE =
  'That code did not work. Enter the current code from your authenticator app, or one of your recovery codes.';

/** Signing in changes nothing worth mentioning, unlike the general outage message. */
export const OUTAGE_MESSAGE = 'Depot is unavailable right now. Try again in a moment.';

type Step = 'password' | 'mfa';

@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    RouterLink,
    ThemeToggleComponent,
  ],
  templateUrl: './login-page.component.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent {
  readonly #auth = inject(AuthService);
  readonly #router = inject(Router);
  readonly #route = inject(ActivatedRoute);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)],
    }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PASSWORD_LIMITS.maxLength)],
    }),
  });
  /** Second step, for accounts with MFA: a 6-digit code from the app, or a recovery code. */
  protected readonly mfaCode = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(MFA_LIMITS.codeMaxLength)],
  });
  protected readonly codeForm = new FormGroup({ mfaCode: this.mfaCode });
  protected readonly step = signal<Step>('password');
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  /** Why the user is here (session ended elsewhere, password just set), shown once. */
  protected readonly notice = signal(inject(LoginNoticeService).take());

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.#signIn();
  }

  protected submitCode(): void {
    if (this.submitting()) {
      return;
    }
    if (this.mfaCode.invalid) {
      this.mfaCode.markAsTouched();
      return;
    }
    this.#signIn(this.mfaCode.value.replace(/\s+/g, ''));
  }

  /** Leaves the code step, e.g. to sign in with another account. */
  protected backToPassword(): void {
    this.step.set('password');
    this.mfaCode.reset();
    this.error.set(null);
    this.#focus('input[type="password"]', true);
  }

  #signIn(mfaCode?: string): void {
    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.notice.set(null);
    this.#auth.login(email.trim(), password, mfaCode).subscribe({
      next: () => {
        this.submitting.set(false);
        const returnUrl = this.#route.snapshot.queryParamMap.get('returnUrl');
        void this.#router.navigateByUrl(safeReturnUrl(returnUrl, DEFAULT_AFTER_LOGIN));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.#showError(error, toProblemDetails(error));
      },
    });
  }

  #showError(error: unknown, problem: ProblemDetails): void {
    if (problem.code === ErrorCode.MfaRequired) {
      // The password was right; the account wants its second factor.
      this.step.set('mfa');
      this.#focus('input[name="mfaCode"]');
      return;
    }
    if (this.step() === 'mfa' && problem.code === ErrorCode.InvalidMfaCode) {
      this.error.set(INVALID_MFA_CODE_MESSAGE);
      this.#focus('input[name="mfaCode"]', true);
      return;
    }
    if (this.step() === 'mfa' && problem.status === HttpStatus.Unauthorized) {
      // E.g. the password was changed meanwhile: start over.
      this.step.set('password');
      this.mfaCode.reset();
    }
    this.error.set(loginErrorMessage(error, problem));
    if (this.step() === 'password') {
      this.#focus('input[type="password"]', true);
    }
  }

  /** Focuses a field after the next render; `select` keeps what was typed, ready to be corrected. */
  #focus(selector: string, select = false): void {
    afterNextRender(
      () => {
        const input = this.#host.nativeElement.querySelector<HTMLInputElement>(selector);
        input?.focus();
        if (select) {
          input?.select();
        }
      },
      { injector: this.#injector },
    );
  }
}

function loginErrorMessage(error: unknown, problem: ProblemDetails): string {
  if (problem.status === HttpStatus.TooManyRequests) {
    const retryAfter = error instanceof HttpErrorResponse ? Number(error.headers.get('Retry-After')) : NaN;
    const wait =
      Number.isFinite(retryAfter) && retryAfter > 0 ? ` Try again in ${formatWait(retryAfter)}.` : ' Try again later.';
    return `Too many sign-in attempts.${wait}`;
  }
  if (problem.status === HttpStatus.Unauthorized) {
    return problem.detail ?? 'Invalid email or password.';
  }
  if (isOutageStatus(problem.status)) {
    return OUTAGE_MESSAGE;
  }
  return problemMessage(problem);
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${Math.ceil(seconds)} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
