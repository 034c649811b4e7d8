import { Injectable } from '@nestjs/common';
import FindMyWay, { type HTTPMethod } from 'find-my-way';

const METHODS: readonly HTTPMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every API route, in a router of its own (the one Fastify uses), so a request that matched no
 * route can be told apart: a known path with another method (405 + `Allow`) or no such path (404).
 */
@Injectable()
export class RouteRegistry {
  private readonly router = FindMyWay({ ignoreTrailingSlash: false, ignoreDuplicateSlashes: false });

  /** Called from Fastify's onRoute hook for each registered route. */
  add(method: string | string[], url: string): void {
    // Only concrete API paths: wildcards (CORS preflight, static files) would match everything.
    if (!url.startsWith('/api/') || url.includes('*')) return;
    for (const one of Array.isArray(method) ? method : [method]) {
      const upper = one.toUpperCase() as HTTPMethod;
      if (!METHODS.includes(upper) || this.router.hasRoute(upper, url)) continue;
      this.router.on(upper, url, () => undefined);
    }
  }

  /** Methods the path answers to; empty when no route has this path. */
  allowedMethods(url: string): string[] {
    const path = url.split('?')[0];
    return METHODS.filter((method) => {
      try {
        return this.router.find(method, path) !== null;
      } catch {
        return false;
      }
    });
  }
}
