import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH } from '@depot/contracts';

import { ThemeToggleComponent } from '../../../core/theme/theme-toggle.component';
import { HttpStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { PasswordService } from '../data-access/password.service';

/**
 * Asks for a password reset link. The answer is the same whether or not an account exists for
 * the address, so the page cannot be used to find out who has an account.
 */
@Component({
  selector: 'app-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    ThemeToggleComponent,
  ],
  template: `
    <div class="page">
      <div class="corner"><app-theme-toggle /></div>
      <main class="card" aria-labelledby="forgot-title">
        <h1 id="forgot-title">Forgot your password?</h1>
        @if (sentTo(); as email) {
          <div class="form-notice" role="status">
            If an account exists for <strong>{{ email }}</strong>, we have sent it an e-mail with a link to choose a new
            password. The link works once and expires soon. Check your inbox and spam folder.
          </div>
          <a mat-flat-button class="submit" routerLink="/login">Back to sign in</a>
        } @else {
          <p class="lead">Enter the e-mail address of your account and we will send you a link to set a new one.</p>
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
            @if (error(); as message) {
              <div class="form-error" role="alert">{{ message }}</div>
            }
            <mat-form-field appearance="outline">
              <mat-label>Email</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="username" required />
              @if (email.hasError('required')) {
                <mat-error>Enter your email address.</mat-error>
              } @else if (email.hasError('email')) {
                <mat-error>Enter a valid email address.</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" class="submit" [disabled]="submitting()">Send reset link</button>
            @if (submitting()) {
              <mat-progress-bar mode="indeterminate" aria-label="Sending" />
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
export class ForgotPasswordPageComponent {
  readonly #passwords = inject(PasswordService);

  protected readonly email = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)],
  });
  protected readonly form = new FormGroup({ email: this.email });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sentTo = signal<string | null>(null);

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.email.invalid) {
      this.email.markAsTouched();
      return;
    }
    const email = this.email.value.trim();
    this.submitting.set(true);
    this.error.set(null);
    this.#passwords.forgot(email).subscribe({
      next: () => {
        this.submitting.set(false);
        this.sentTo.set(email);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const problem = toProblemDetails(error);
        this.error.set(
          problem.status === HttpStatus.TooManyRequests
            ? 'Too many requests. Wait a few minutes, then try again.'
            : problemMessage(problem),
        );
      },
    });
  }
}
