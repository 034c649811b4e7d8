import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ErrorCode, Permission, WEBHOOK_LIMITS, type WebhookEndpointDto } from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { AuthService } from '../../../../core/auth/auth.service';
import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { applyServerErrors } from '../../../../shared/forms/server-errors';
import { RecordHistoryComponent } from '../../../../shared/history/record-history.component';
import { HttpStatus } from '../../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { openConfirmDialog } from '../../../../shared/ui/confirm-dialog/confirm-dialog.component';
import { PageHeaderComponent } from '../../../../shared/ui/page-header/page-header.component';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { WebhooksService } from '../data-access/webhooks.service';
import { EventTypesFieldComponent } from '../event-types/event-types-field.component';
import {
  WEBHOOK_FIELD_SUBJECTS,
  type WebhookFormValue,
  createWebhookForm,
  descriptionError,
  eventTypesError,
  urlError,
} from '../event-types/webhook-form';
import { DeliveryLogComponent } from './delivery-log.component';

export const WEBHOOK_CONFLICT_MESSAGE =
  'Someone else changed this webhook while you had it open (or Depot switched it off after failures). ' +
  'Your change was not saved. The page now shows the current settings: make your change again.';

/**
 * One webhook endpoint (the owner's "endpoint disabled" e-mail links here): its settings with
 * optimistic locking, the on/off switch, a test event, deletion, and the delivery log.
 */
@Component({
  selector: 'app-webhook-detail',
  imports: [
    PageHeaderComponent,
    ReactiveFormsModule,
    RouterLink,
    DateTimePipe,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatProgressBar,
    MatSlideToggle,
    IconComponent,
    EventTypesFieldComponent,
    DeliveryLogComponent,
    RecordHistoryComponent,
  ],
  templateUrl: './webhook-detail.component.html',
  styleUrl: './webhook-detail.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookDetailComponent {
  readonly #webhooks = inject(WebhooksService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #router = inject(Router);
  readonly #auth = inject(AuthService);
  private readonly deliveryLog = viewChild(DeliveryLogComponent);

  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), {
    requireSync: true,
  });
  protected readonly endpoint = signal<WebhookEndpointDto | null>(null);
  protected readonly headerStatus = computed(() => {
    const endpoint = this.endpoint();
    return endpoint ? (endpoint.enabled ? 'Enabled' : 'Disabled') : null;
  });
  protected readonly canReadAudit = computed(() => this.#auth.permissions().has(Permission.AuditRead));
  protected readonly loadState = signal<'loading' | 'ready' | 'not-found' | 'failed'>('loading');
  protected readonly loadProblem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly conflictMessage = WEBHOOK_CONFLICT_MESSAGE;
  protected readonly limits = WEBHOOK_LIMITS;

  protected readonly form = createWebhookForm();
  protected readonly urlError = () => urlError(this.form.controls.url);
  protected readonly descriptionError = () => descriptionError(this.form.controls.description);
  protected readonly eventTypesError = () => eventTypesError(this.form.controls.eventTypes);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.#load(id));
    });
  }

  protected save(): void {
    const endpoint = this.endpoint();
    if (!endpoint || this.busy()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.#run(
      this.#webhooks.update(endpoint.id, {
        version: endpoint.version,
        url: value.url.trim(),
        description: value.description.trim(),
        eventTypes: value.eventTypes,
      }),
      (saved) => {
        this.#apply(saved, true);
        this.#snackBar.open('Saved the webhook settings.', 'Dismiss', { duration: 4000 });
      },
    );
  }

  protected undo(): void {
    const endpoint = this.endpoint();
    if (endpoint) {
      this.#resetForm(endpoint);
    }
  }

  protected setEnabled(change: MatSlideToggleChange): void {
    const endpoint = this.endpoint();
    if (!endpoint) {
      return;
    }
    const enabled = change.checked;
    this.#run(
      this.#webhooks.update(endpoint.id, { version: endpoint.version, enabled }),
      (saved) => {
        // Only the switch changed: edits in the form stay as they are.
        this.#apply(saved, false);
        this.#snackBar.open(enabled ? 'The webhook is on.' : 'The webhook is off: no events are sent.', 'Dismiss', {
          duration: 4000,
        });
      },
      // Not saved: the switch goes back to what the server has.
      () => (change.source.checked = this.endpoint()?.enabled ?? !enabled),
    );
  }

  protected sendTest(): void {
    const endpoint = this.endpoint();
    if (!endpoint) {
      return;
    }
    this.#run(this.#webhooks.sendTest(endpoint.id), () => {
      this.#snackBar.open('Queued a test event. It shows in the deliveries below.', 'Dismiss', { duration: 4000 });
      this.deliveryLog()?.refresh();
    });
  }

  protected remove(): void {
    const endpoint = this.endpoint();
    if (!endpoint) {
      return;
    }
    openConfirmDialog(this.#dialog, {
      title: 'Delete this webhook?',
      message: `Depot stops sending events to ${endpoint.url} and deletes its delivery log. This cannot be undone.`,
      confirmLabel: 'Delete webhook',
    }).subscribe((confirmed) => {
      if (!confirmed) {
        return;
      }
      this.#run(this.#webhooks.remove(endpoint.id), () => {
        this.#snackBar.open(`Deleted the webhook ${endpoint.url}.`, 'Dismiss', { duration: 4000 });
        void this.#router.navigateByUrl('/admin/webhooks');
      });
    });
  }

  protected reloadLatest(): void {
    this.#load(this.id());
  }

  #run<T>(request: Observable<T>, done: (value: T) => void, failed?: () => void): void {
    if (this.busy()) {
      failed?.();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        this.conflict.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        failed?.();
        const problem = toProblemDetails(error);
        if (problem.code === ErrorCode.VersionConflict || problem.status === HttpStatus.Conflict) {
          this.conflict.set(true);
          this.#load(this.id(), true);
          return;
        }
        if (problem.errors?.length) {
          const unmatched = applyServerErrors(this.form, problem, {}, WEBHOOK_FIELD_SUBJECTS);
          this.error.set(unmatched.length ? unmatched.map((fieldError) => fieldError.message).join(' ') : null);
          return;
        }
        this.error.set(problemMessage(problem));
      },
    });
  }

  /** Loads the endpoint; `quiet` keeps the page as it is while doing so (after a conflict). */
  #load(id: string, quiet = false): void {
    if (!quiet) {
      this.loadState.set('loading');
    }
    this.#webhooks.get(id).subscribe({
      next: (endpoint) => {
        this.#apply(endpoint, true);
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        const problem = toProblemDetails(error);
        this.loadState.set(problem.status === HttpStatus.NotFound ? 'not-found' : 'failed');
        this.loadProblem.set(problemMessage(problem));
      },
    });
  }

  #apply(endpoint: WebhookEndpointDto, resetForm: boolean): void {
    this.endpoint.set(endpoint);
    if (resetForm) {
      this.#resetForm(endpoint);
    }
  }

  #resetForm(endpoint: WebhookEndpointDto): void {
    const value: WebhookFormValue = {
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: [...endpoint.eventTypes],
    };
    this.form.reset(value);
  }
}
