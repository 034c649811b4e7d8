import { DOCUMENT } from '@angular/common';
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
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ErrorCode, MFA_LIMITS, PASSWORD_LIMITS, type ProblemDetails, type TotpSetupResponse } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { serverError, setServerError } from '../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { copyText, downloadText } from '../../../shared/ui/clipboard';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { ProfileService } from '../data-access/profile.service';

/** Six digits (spaces typed between them are dropped: "123 456"). */
const TOTP_CODE = new RegExp(MFA_LIMITS.totpPattern);

/**
 * Two-factor authentication of the signed-in user: set up TOTP (QR code or key, then a code to
 * prove it works), see the recovery codes once, or turn it off again with the password.
 */
@Component({
  selector: 'app-mfa-settings',
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
  ],
  templateUrl: './mfa-settings.component.html',
  styleUrl: './mfa-settings.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MfaSettingsComponent {
  readonly #auth = inject(AuthService);
  readonly #profile = inject(ProfileService);
  readonly #snackBar = inject(MatSnackBar);
  readonly #document = inject(DOCUMENT);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly enabled = computed(() => this.#auth.currentUser()?.mfaEnabled ?? false);
  protected readonly required = computed(() => this.#auth.currentUser()?.mfaRequired ?? false);
  protected readonly setup = signal<TotpSetupResponse | null>(null);
  /** Shown once, right after MFA was turned on; gone when the user clicks "Done". */
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly disabling = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly groupedSecret = computed(
    () =>
      this.setup()
        ?.secret.match(/.{1,4}/g)
        ?.join(' ') ?? '',
  );

  protected readonly code = new FormControl('', {
    nonNullable: true,
    validators: [
      Validators.required,
      (control: AbstractControl<string>) => (TOTP_CODE.test(compact(control.value)) ? null : { code: true }),
    ],
  });
  protected readonly password = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(PASSWORD_LIMITS.maxLength)],
  });
  protected readonly codeForm = new FormGroup({ code: this.code });
  protected readonly passwordForm = new FormGroup({ password: this.password });

  protected startSetup(): void {
    this.#run(this.#profile.startMfaSetup(), (setup) => {
      this.setup.set(setup);
      this.code.reset();
      this.#focus('input[name="totpCode"]');
    });
  }

  protected cancelSetup(): void {
    this.setup.set(null);
    this.code.reset();
    this.error.set(null);
  }

  protected enable(): void {
    if (this.code.invalid) {
      this.code.markAsTouched();
      return;
    }
    this.#run(
      this.#profile.enableMfa(compact(this.code.value)),
      (result) => {
        this.setup.set(null);
        this.recoveryCodes.set(result.recoveryCodes);
        this.#reloadUser();
        this.#focus('.codes-title');
      },
      (problem) => {
        if (problem.code === ErrorCode.InvalidMfaCode || problem.errors?.some((error) => error.field === 'code')) {
          setServerError(
            this.code,
            'That code did not match. Check that the time on your phone is right and enter the current code.',
          );
          this.#focus('input[name="totpCode"]', true);
          return true;
        }
        return false;
      },
    );
  }

  protected finish(): void {
    this.recoveryCodes.set(null);
  }

  protected async copyCodes(): Promise<void> {
    const codes = this.recoveryCodes();
    if (codes) {
      await this.#copy(codes.join('\n'), 'Recovery codes copied.');
    }
  }

  protected downloadCodes(): void {
    const codes = this.recoveryCodes();
    if (codes) {
      downloadText('depot-recovery-codes.txt', `${codes.join('\n')}\n`, this.#document);
    }
  }

  protected async copySecret(): Promise<void> {
    const setup = this.setup();
    if (setup) {
      await this.#copy(setup.secret, 'Key copied.');
    }
  }

  protected startDisable(): void {
    this.disabling.set(true);
    this.password.reset();
    this.error.set(null);
    this.#focus('input[name="mfaPassword"]');
  }

  protected cancelDisable(): void {
    this.disabling.set(false);
    this.error.set(null);
  }

  protected disable(): void {
    if (this.password.invalid) {
      this.password.markAsTouched();
      return;
    }
    this.#run(
      this.#profile.disableMfa(this.password.value),
      () => {
        this.disabling.set(false);
        this.password.reset();
        this.#reloadUser();
        this.#snackBar.open('Two-factor authentication is off.', 'Dismiss', { duration: 4000 });
      },
      (problem) => {
        if (problem.code === ErrorCode.WrongPassword || problem.errors?.some((error) => error.field === 'password')) {
          setServerError(this.password, 'The password is not correct.');
          this.#focus('input[name="mfaPassword"]', true);
          return true;
        }
        return false;
      },
    );
  }

  protected codeError(): string {
    return serverError(this.code) ?? (this.code.hasError('required') ? 'Enter the code.' : 'Enter the 6 digits.');
  }

  protected passwordError(): string {
    return serverError(this.password) ?? 'Enter your password.';
  }

  /** Runs a request with the busy flag; `handled` may claim a problem, else it shows as a message. */
  #run<T>(
    request: Observable<T>,
    done: (value: T) => void,
    handled: (problem: ProblemDetails) => boolean = () => false,
  ): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblemDetails(error);
        if (!handled(problem)) {
          this.error.set(problemMessage(problem));
        }
      },
    });
  }

  #reloadUser(): void {
    this.#auth.reloadCurrentUser().subscribe({ error: () => undefined });
  }

  async #copy(text: string, message: string): Promise<void> {
    const copied = await copyText(text, this.#document);
    this.#snackBar.open(copied ? message : 'Could not copy. Select the text and copy it yourself.', 'Dismiss', {
      duration: 4000,
    });
  }

  #focus(selector: string, select = false): void {
    afterNextRender(
      () => {
        const element = this.#host.nativeElement.querySelector<HTMLElement>(selector);
        element?.focus();
        if (select && element instanceof HTMLInputElement) {
          element.select();
        }
      },
      { injector: this.#injector },
    );
  }
}

function compact(value: string): string {
  return value.replace(/\s+/g, '');
}
