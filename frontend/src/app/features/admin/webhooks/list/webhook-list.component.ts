import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { WEBHOOK_ENDPOINT_SORT_FIELDS, type WebhookEndpointDto } from '@depot/contracts';

import { DateTimePipe } from '../../../../shared/format/date-time.pipe';
import { DataTableComponent } from '../../../../shared/table/data-table.component';
import { TableCellDirective } from '../../../../shared/table/table-cell.directive';
import type { TableColumn } from '../../../../shared/table/table-column';
import { injectTableList } from '../../../../shared/table/table-list';
import { IconComponent } from '../../../../shared/ui/icon/icon.component';
import { openCreateWebhookDialog } from '../create/create-webhook-dialog.component';
import { WebhooksService } from '../data-access/webhooks.service';
import { SavedViewsComponent } from '../../../../shared/saved-views/saved-views.component';

/** Registered webhook endpoints on the shared data table: what they receive, whether they are on, whether they fail. */
@Component({
  selector: 'app-webhook-list',
  imports: [
    SavedViewsComponent,
    RouterLink,
    MatButton,
    DateTimePipe,
    IconComponent,
    DataTableComponent,
    TableCellDirective,
  ],
  templateUrl: './webhook-list.component.html',
  styleUrl: './webhook-list.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhookListComponent {
  readonly #webhooks = inject(WebhooksService);
  readonly #dialog = inject(MatDialog);
  readonly #snackBar = inject(MatSnackBar);
  readonly #router = inject(Router);

  protected readonly columns: readonly TableColumn<WebhookEndpointDto>[] = [
    { key: 'url', label: 'Endpoint', sortField: 'url', hideable: false, card: 'title' },
    { key: 'eventTypes', label: 'Events' },
    { key: 'state', label: 'Status' },
    { key: 'createdAt', label: 'Registered', sortField: 'createdAt', sortStart: 'desc', nowrap: true, card: 'hidden' },
  ];
  protected readonly list = injectTableList<WebhookEndpointDto>({
    sortFields: WEBHOOK_ENDPOINT_SORT_FIELDS,
    defaultSort: '-createdAt',
    defaultSortImplied: true,
    fetch: (query) => this.#webhooks.page(query),
    rowId: (endpoint) => endpoint.id,
  });
  protected readonly endpointLink = (endpoint: WebhookEndpointDto): string[] => ['/admin/webhooks', endpoint.id];

  protected create(): void {
    openCreateWebhookDialog(this.#dialog).subscribe((created) => {
      if (!created) {
        return;
      }
      this.#snackBar
        .open(`Registered the webhook ${created.url}.`, 'Open', { duration: 6000 })
        .onAction()
        .subscribe(() => void this.#router.navigate(['/admin/webhooks', created.id]));
      this.list.reload();
    });
  }
}
