import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@depot/contracts';

import { toProblemDetails } from './problem-details';

/** A downloaded file: its content and the name the server suggested. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Saves a Blob as a file through a temporary object URL and a clicked `<a download>` (the
 * only way to save a response that needed an `Authorization` header).
 */
export function saveBlob(document: Document, blob: Blob, fileName: string): void {
  const view = document.defaultView;
  if (!view) {
    return;
  }
  const url = view.URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next task: the click has started the download by then.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 0);
}

/**
 * `toProblemDetails` for requests made with `responseType: 'blob'`: their error body is a Blob
 * too, so it is read as text and parsed before the usual conversion.
 */
export async function blobErrorToProblem(error: unknown): Promise<ProblemDetails> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    let body: unknown = null;
    try {
      body = JSON.parse(await error.error.text());
    } catch {
      body = null;
    }
    return toProblemDetails(
      new HttpErrorResponse({
        error: body,
        headers: error.headers,
        status: error.status,
        statusText: error.statusText,
        url: error.url ?? undefined,
      }),
    );
  }
  return toProblemDetails(error);
}

/** `filename` of a `Content-Disposition: attachment; filename="..."` header. */
export function attachmentFileName(header: string | null): string | null {
  if (!header) {
    return null;
  }
  const encoded = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // Fall back to the plain filename below.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : null;
}
