import { ChangeDetectionStrategy, Component, EventEmitter, Output, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import type { MailedDocument } from '@depot/contracts';

import { IconComponent } from '../ui/icon/icon.component';
import { DOCUMENT_LABELS } from './documents.service';

/** One document a record page offers. */
export interface DocumentMenuEntry {
  document: MailedDocument;
  /** Why the record has no such document yet (see `document-availability.ts`), or null when it has. */
  unavailable: string | null;
}

/**
 * The "Documents" menu of a record page: per document a group named after it, with "Download PDF"
 * and (with `canEmail`) "E-mail to {partner}". A document the record does not have yet shows its
 * items disabled and says under its name when it will be there.
 */
@Component({
  selector: 'app-documents-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, MatDivider, IconComponent],
  template: `
    <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" [disabled]="busy()">
      <app-icon name="receipt" />
      {{ busy() ? 'Downloading…' : 'Documents' }}
      <app-icon name="expandMore" />
    </button>
    <mat-menu #menu="matMenu" xPosition="before">
      @for (entry of entries(); track entry.document; let last = $last) {
        <div role="group" [attr.aria-labelledby]="'documents-menu-' + entry.document">
          <div class="group-heading" [id]="'documents-menu-' + entry.document">
            {{ labels[entry.document] }}
            @if (entry.unavailable; as when) {
              <span class="when">{{ when }}</span>
            }
          </div>
          <button
            mat-menu-item
            type="button"
            [disabled]="entry.unavailable !== null"
            (click)="download.emit(entry.document)"
          >
            <app-icon name="download" />
            <span>Download PDF</span>
          </button>
          @if (canEmail()) {
            <button
              mat-menu-item
              type="button"
              [disabled]="entry.unavailable !== null"
              (click)="email.emit(entry.document)"
            >
              <app-icon name="mail" />
              <span>E-mail to {{ partner() }}</span>
            </button>
          }
        </div>
        @if (!last) {
          <mat-divider />
        }
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .group-heading {
      padding: 8px 16px 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .when {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentsMenuComponent {
  readonly entries = input.required<readonly DocumentMenuEntry[]>();
  /** Whether the user may e-mail the documents (the record's write permission). */
  readonly canEmail = input(false);
  /** Who the e-mail goes to, in words: `customer`, `supplier`. */
  readonly partner = input('customer');
  /** A download is running. */
  readonly busy = input(false);

  // `@Output()` rather than `output()`: the latter adds to the initial bundle (see the README).
  @Output() readonly download = new EventEmitter<MailedDocument>();
  @Output() readonly email = new EventEmitter<MailedDocument>();

  protected readonly labels = DOCUMENT_LABELS;
}
