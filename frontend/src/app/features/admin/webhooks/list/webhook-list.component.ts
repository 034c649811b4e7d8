import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import type { WebhookEndpointDto } from '@depot/contracts';

import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../../shared/http/problem-details';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { openCreateWebhookDialog } from '../create/create-webhook-dialog.component';
import { WebhooksService } from '../data-access/webhooks.service';

/** Registered webhook endpoints: what they receive, whether they are on, whether they fail. */
@Component({
  selector: 'app-webhook-list',
  imports: [RouterLink, MatTableModule, MatButton, MatProgressBar, DateTimePipe, IconComponent],
  templateUrl: './webhook-list.component.html',
  styleUrl: './webhook-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookListComponent {
  readonly #webhooks = inject(WebhooksService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #router = inject(Router);

  protected readonly columns = ['url', 'eventTypes', 'state', 'createdAt'];
  protected readonly endpoints = signal<WebhookEndpointDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.#webhooks.list().subscribe({
      next: (endpoints) => {
        this.loading.set(false);
        this.error.set(null);
        this.endpoints.set(endpoints);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(`Could not load the webhooks: ${problemMessage(toProblemDetails(error))}`);
      },
    });
  }

  protected create(): void {
    openCreateWebhookDialog(this.#dialog).subscribe((created) => {
      if (!created) {
        return;
      }
      this.#snackBar
        .open(`Registered the webhook ${created.url}.`, 'Open', { duration: 6000 })
        .onAction()
        .subscribe(() => void this.#router.navigate(['/admin/webhooks', created.id]));
      this.load();
    });
  }
}
