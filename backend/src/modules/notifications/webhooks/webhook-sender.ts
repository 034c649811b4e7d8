import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, literalTargetRefusal } from './safe-target';

export interface SendResult {
  status: number;
  body: string;
  timeMs: number;
}

const MAX_RESPONSE_BYTES = 2000;

/**
 * POSTs one delivery with a total timeout, connecting only to allowed addresses. Redirects are
 * never followed (node:http does not): a 3xx answer is just a status, recorded as a failure.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const target = new URL(url);
  // Node skips the lookup for an address literal, so check those here (the URL may have been
  // registered while private targets were allowed).
  const refused = literalTargetRefusal(target.hostname, options.allowPrivate);
  if (refused) return Promise.reject(refused);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES),
            timeMs: Date.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    // Whole-request deadline, not just socket idle time.
    const deadline = setTimeout(
      () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on('timeout', () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.on('close', () => clearTimeout(deadline));
    request.end(body);
  });
}
