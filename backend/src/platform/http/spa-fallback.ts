import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `ng build` puts the admin UI, relative to the compiled backend (dist/backend). */
export const ADMIN_UI_DIR = join(__dirname, '..', '..', '..', 'frontend', 'browser');

/**
 * Single-page-app fallback: a browser navigating to /products/123 gets index.html,
 * while unknown API paths keep their 404 problem.
 */
@Injectable()
export class SpaFallback {
  private indexHtml: Buffer | undefined;
  readonly available = existsSync(join(ADMIN_UI_DIR, 'index.html'));

  accepts(request: FastifyRequest): boolean {
    return (
      this.available &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html')
    );
  }

  serve(reply: FastifyReply): void {
    this.indexHtml ??= readFileSync(join(ADMIN_UI_DIR, 'index.html'));
    void reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(this.indexHtml);
  }
}
