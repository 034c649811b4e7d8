import { DOCUMENT } from '@angular/common';
import { inject, signal } from '@angular/core';
import { ErrorCode, type MailedDocument } from '@depot/contracts';

import { blobErrorToProblem, saveBlob } from '../http/download';
import { problemMessage } from '../http/problem-details';
import { DOCUMENT_LABELS, DocumentsService, type DocumentRef } from './documents.service';

/**
 * Downloads of a record page's document PDFs: one at a time, saved under the server's file name,
 * with a message when the server refuses (409 `DOCUMENTS.NOT_AVAILABLE` when the record is not at
 * a stage that has the document yet, e.g. another user cancelled the order meanwhile).
 * Create it in a component's field initialiser (it injects what it needs).
 */
export class DocumentDownloads {
  readonly #documents = inject(DocumentsService);
  readonly #document = inject(DOCUMENT);

  /** The document being downloaded, if any. */
  readonly busy = signal<MailedDocument | null>(null);
  /** Why the last download failed, for a banner. */
  readonly error = signal<string | null>(null);
  /** Whether trying the failed download again may help (not when the record has no such document). */
  readonly retryable = signal(false);
  /** The document of the failed download, so the banner can offer to try again. */
  #failed: DocumentRef | null = null;

  download(ref: DocumentRef): void {
    if (this.busy()) {
      return;
    }
    this.busy.set(ref.document);
    this.error.set(null);
    this.#failed = null;
    this.#documents.pdf(ref).subscribe({
      next: (file) => {
        this.busy.set(null);
        saveBlob(this.#document, file.blob, file.fileName);
      },
      error: (error: unknown) => {
        void blobErrorToProblem(error).then((problem) => {
          this.busy.set(null);
          this.#failed = ref;
          this.retryable.set(problem.code !== ErrorCode.DocumentNotAvailable);
          const what = DOCUMENT_LABELS[ref.document].toLowerCase();
          this.error.set(
            problem.code === ErrorCode.DocumentNotAvailable
              ? `The ${what} of ${ref.number} is not available: ${problemMessage(problem)}`
              : `Could not download the ${what}: ${problemMessage(problem)}`,
          );
        });
      },
    });
  }

  /** Tries the failed download again. */
  retry(): void {
    if (this.#failed) {
      this.download(this.#failed);
    }
  }

  dismiss(): void {
    this.error.set(null);
    this.#failed = null;
  }
}
