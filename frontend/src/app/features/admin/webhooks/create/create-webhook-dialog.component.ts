import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  type MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { WEBHOOK_LIMITS, type CreatedWebhookEndpointDto, type WebhookEndpointDto } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { applyServerErrors } from '../../../../shared/forms/server-errors';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { SecretOnceComponent, withoutSecret } from '../../../../shared/ui/secret-once/secret-once.component';
import { WebhooksService } from '../data-access/webhooks.service';
import { EventTypesFieldComponent } from '../event-types/event-types-field.component';
import {
  WEBHOOK_FIELD_SUBJECTS,
  createWebhookForm,
  descriptionError,
  eventTypesError,
  urlError,
} from '../event-types/webhook-form';

/** What the dialog closes with: the new endpoint (never its secret), or nothing when cancelled. */
export type CreateWebhookDialogResult = WebhookEndpointDto | undefined;

export const SECRET_SHOWN_ONCE_WARNING =
  'Copy the signing secret now and store it with the receiving service. It is shown only this once.';

/**
 * Registers a webhook endpoint: URL, description and the events to send. The signing secret is
 * shown once, with a copy button; closing the dialog forgets it.
 */
@Component({
  selector: 'app-create-webhook-dialog',
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
    MatButton,
    MatProgressBar,
    SecretOnceComponent,
    EventTypesFieldComponent,
  ],
  templateUrl: './create-webhook-dialog.component.html',
  styleUrl: './create-webhook-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateWebhookDialogComponent {
  readonly #webhooks = inject(WebhooksService);

  protected readonly limits = WEBHOOK_LIMITS;
  protected readonly warning = SECRET_SHOWN_ONCE_WARNING;
  protected readonly form = createWebhookForm();
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The created endpoint with its secret: only ever held by this dialog. */
  protected readonly created = signal<CreatedWebhookEndpointDto | null>(null);
  /** What the dialog closes with: everything but the secret. */
  protected readonly result = computed<CreateWebhookDialogResult>(() => {
    const created = this.created();
    if (!created) {
      return undefined;
    }
    // Leave the secret behind in this dialog's memory; it is dropped when the dialog goes.
    return withoutSecret(created, 'secret');
  });

  protected readonly urlError = () => urlError(this.form.controls.url);
  protected readonly descriptionError = () => descriptionError(this.form.controls.description);
  protected readonly eventTypesError = () => eventTypesError(this.form.controls.eventTypes);

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
    const description = value.description.trim();
    this.saving.set(true);
    this.#webhooks
      .create({ url: value.url.trim(), eventTypes: value.eventTypes, ...(description ? { description } : {}) })
      .subscribe({
        next: (created) => {
          this.saving.set(false);
          this.created.set(created);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = toProblemDetails(error);
          if (problem.errors?.length) {
            const unmatched = applyServerErrors(this.form, problem, {}, WEBHOOK_FIELD_SUBJECTS);
            this.error.set(unmatched.length ? unmatched.map((fieldError) => fieldError.message).join(' ') : null);
            return;
          }
          this.error.set(problemMessage(problem));
        },
      });
  }
}

/** Opens the dialog; it closes with the new endpoint (never its secret) or `undefined`. */
export function openCreateWebhookDialog(dialog: MatDialog): Observable<CreateWebhookDialogResult> {
  return dialog
    .open<CreateWebhookDialogComponent, undefined, CreateWebhookDialogResult>(CreateWebhookDialogComponent, {
      width: '640px',
      maxWidth: 'calc(100vw - 32px)',
      // The secret must not vanish on a stray click or Escape: close with the buttons only.
      disableClose: true,
      autoFocus: 'first-tabbable',
      restoreFocus: true,
    })
    .afterClosed();
}
