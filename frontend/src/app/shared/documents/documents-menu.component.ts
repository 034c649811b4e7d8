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
 * The "Documents" menu of a record page: per document, "Download PDF" and (with `canEmail`)
 * "E-mail to {partner}". A document the record does not have yet shows disabled, saying when it
 * will be there.
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
        <button
          mat-menu-item
          type="button"
          [disabled]="entry.unavailable !== null"
          (click)="download.emit(entry.document)"
        >
          <app-icon name="download" />
          <span>{{ labels[entry.document] }}: Download PDF</span>
          @if (entry.unavailable; as when) {
            <span class="when">{{ when }}</span>
          }
        </button>
        @if (canEmail()) {
          <button
            mat-menu-item
            type="button"
            [disabled]="entry.unavailable !== null"
            (click)="email.emit(entry.document)"
          >
            <app-icon name="mail" />
            <span>{{ labels[entry.document] }}: E-mail to {{ partner() }}</span>
          </button>
        }
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
    .when {
      display: block;
      font: var(--mat-sys-body-small);
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
