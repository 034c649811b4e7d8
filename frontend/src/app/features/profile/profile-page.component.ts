import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { ErrorCode, IDENTITY_LIMITS, PASSWORD_LIMITS, type ProblemDetails, type SessionDto } from '@depot/contracts';

import { AuthService } from '../../core/auth/auth.service';
import { LoginNoticeService } from '../../core/auth/login-notice.service';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { applyServerErrors, serverError } from '../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../shared/http/problem-details';
import { SessionTableComponent } from '../../shared/identity/session-table.component';
import { openConfirmDialog } from '../../shared/ui/confirm-dialog/confirm-dialog.component';
import { IconComponent } from '../../shared/ui/icon/icon.component';
import { ProfileService } from './data-access/profile.service';
import { MfaSettingsComponent } from './mfa/mfa-settings.component';

export const SIGNED_OUT_EVERYWHERE_NOTICE = 'You signed out on all your devices.';

/** The signed-in user's own account: name, password, two-factor authentication and sessions. */
@Component({
  selector: 'app-profile-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    IconComponent,
    MfaSettingsComponent,
    SessionTableComponent,
  ],
  templateUrl: './profile-page.component.html',
  styleUrl: './profile-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePageComponent {
  readonly #auth = inject(AuthService);
  readonly #profile = inject(ProfileService);
  readonly #realtime = inject(RealtimeService);
  readonly #router = inject(Router);
  readonly #snackBar = inject(MatSnackBar);
  readonly #dialog = inject(MatDialog);
  readonly #notice = inject(LoginNoticeService);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly user = this.#auth.currentUser;
  protected readonly mfaBlocked = computed(() => {
    const user = this.user();
    return !!user && user.mfaRequired && !user.mfaEnabled;
  });
  protected readonly limits = PASSWORD_LIMITS;
  protected readonly nameMaxLength = IDENTITY_LIMITS.displayNameMaxLength;

  protected readonly nameForm = new FormGroup({
    displayName: new FormControl(this.user()?.displayName ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(IDENTITY_LIMITS.displayNameMaxLength)],
    }),
  });
  protected readonly savingName = signal(false);
  protected readonly nameError = signal<string | null>(null);

  protected readonly passwordForm = new FormGroup({
    currentPassword: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PASSWORD_LIMITS.maxLength)],
    }),
    newPassword: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.minLength(PASSWORD_LIMITS.minLength),
        Validators.maxLength(PASSWORD_LIMITS.maxLength),
      ],
    }),
  });
  protected readonly changingPassword = signal(false);
  protected readonly passwordError = signal<string | null>(null);

  protected readonly sessions = signal<SessionDto[]>([]);
  protected readonly sessionsLoading = signal(true);
  protected readonly sessionsError = signal<string | null>(null);
  protected readonly endingSession = signal(false);

  constructor() {
    this.#loadSessions();
    // `/profile#mfa` (from the "set up MFA" notice) scrolls to that section. The router's own
    // anchor scrolling would cost the initial bundle.
    if (inject(ActivatedRoute).snapshot.fragment === 'mfa') {
      afterNextRender(
        () => {
          const section = this.#host.nativeElement.querySelector<HTMLElement>('#mfa');
          section?.scrollIntoView({ block: 'start' });
          section?.focus({ preventScroll: true });
        },
        { injector: this.#injector },
      );
    }
  }

  protected saveName(): void {
    if (this.savingName()) {
      return;
    }
    if (this.nameForm.invalid) {
      this.nameForm.markAllAsTouched();
      return;
    }
    this.savingName.set(true);
    this.nameError.set(null);
    const displayName = this.nameForm.controls.displayName.value.trim();
    this.#profile.updateProfile({ displayName }).subscribe({
      next: (user) => {
        this.savingName.set(false);
        this.nameForm.reset({ displayName: user.displayName });
        this.#auth.reloadCurrentUser().subscribe({ error: () => undefined });
        this.#snackBar.open('Your name is saved.', 'Dismiss', { duration: 4000 });
      },
      error: (error: unknown) => {
        this.savingName.set(false);
        this.nameError.set(this.#formProblem(this.nameForm, toProblemDetails(error)));
      },
    });
  }

  protected displayNameError(): string {
    const control = this.nameForm.controls.displayName;
    return (
      serverError(control) ??
      (control.hasError('required')
        ? 'Enter your name.'
        : `Use at most ${IDENTITY_LIMITS.displayNameMaxLength} characters.`)
    );
  }

  protected changePassword(): void {
    if (this.changingPassword()) {
      return;
    }
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    this.changingPassword.set(true);
    this.passwordError.set(null);
    // Changing the password ends every session, this one included, and hands out a new one:
    // the old socket's "session ended" must not sign this tab out.
    this.#realtime.suspend();
    this.#profile.changePassword(this.passwordForm.getRawValue()).subscribe({
      next: (tokens) => {
        this.#auth.useTokens(tokens).subscribe({
          next: () => this.#realtime.resume(),
          error: () => this.#realtime.resume(),
        });
        this.changingPassword.set(false);
        this.passwordForm.reset();
        this.#snackBar.open('Password changed. Your other sessions were signed out.', 'Dismiss', {
          duration: 5000,
        });
        this.#loadSessions();
      },
      error: (error: unknown) => {
        this.#realtime.resume();
        this.changingPassword.set(false);
        this.passwordError.set(this.#formProblem(this.passwordForm, toProblemDetails(error)));
      },
    });
  }

  protected passwordFieldError(name: 'currentPassword' | 'newPassword'): string {
    const control = this.passwordForm.controls[name];
    const fromServer = serverError(control);
    if (fromServer) {
      return fromServer;
    }
    if (control.hasError('required')) {
      return name === 'currentPassword' ? 'Enter your current password.' : 'Enter a new password.';
    }
    if (control.hasError('minlength')) {
      return `Use at least ${PASSWORD_LIMITS.minLength} characters.`;
    }
    return `Use at most ${PASSWORD_LIMITS.maxLength} characters.`;
  }

  protected endSession(session: SessionDto): void {
    this.endingSession.set(true);
    this.#profile.endSession(session.id).subscribe({
      next: () => {
        this.endingSession.set(false);
        this.#snackBar.open('Session ended.', 'Dismiss', { duration: 4000 });
        this.#loadSessions();
      },
      error: (error: unknown) => {
        this.endingSession.set(false);
        this.sessionsError.set(problemMessage(toProblemDetails(error)));
        this.#loadSessions();
      },
    });
  }

  protected signOutEverywhere(): void {
    openConfirmDialog(this.#dialog, {
      title: 'Sign out everywhere?',
      message: 'All your sessions end, on every device and browser, this one included.',
      confirmLabel: 'Sign out everywhere',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.endingSession.set(true);
      this.#realtime.suspend();
      this.#profile.endAllSessions().subscribe({
        next: () => {
          this.endingSession.set(false);
          this.#auth.clearSession();
          this.#realtime.resume();
          this.#notice.set(SIGNED_OUT_EVERYWHERE_NOTICE);
          void this.#router.navigateByUrl('/login');
        },
        error: (error: unknown) => {
          this.endingSession.set(false);
          this.#realtime.resume();
          this.sessionsError.set(problemMessage(toProblemDetails(error)));
        },
      });
    });
  }

  #loadSessions(): void {
    this.sessionsLoading.set(true);
    this.#profile.sessions().subscribe({
      next: (sessions) => {
        this.sessionsLoading.set(false);
        this.sessionsError.set(null);
        this.sessions.set(sessions);
      },
      error: (error: unknown) => {
        this.sessionsLoading.set(false);
        this.sessionsError.set(problemMessage(toProblemDetails(error)));
      },
    });
  }

  /** Field errors go onto the fields; returns the message for the form, if any is left. */
  #formProblem(form: FormGroup, problem: ProblemDetails): string | null {
    if (problem.code === ErrorCode.WrongPassword && !problem.errors?.length) {
      applyServerErrors(form, {
        errors: [{ field: 'currentPassword', message: 'The current password is not correct.' }],
      });
      this.#focusInvalid();
      return null;
    }
    if (problem.errors?.length) {
      const unmatched = applyServerErrors(
        form,
        {
          errors: problem.errors.map((error) =>
            error.field === 'currentPassword' && problem.code === ErrorCode.WrongPassword
              ? { ...error, message: 'The current password is not correct.' }
              : error,
          ),
        },
        {},
        { newPassword: 'This password', displayName: 'The name' },
      );
      this.#focusInvalid();
      return unmatched.length ? unmatched.map((error) => error.message).join(' ') : null;
    }
    return problemMessage(problem);
  }

  #focusInvalid(): void {
    afterNextRender(() => this.#host.nativeElement.querySelector<HTMLElement>('input.ng-invalid')?.focus(), {
      injector: this.#injector,
    });
  }
}
