import { applyDecorators, Header } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { EXTENSIONS } from '../openapi/document/extensions';

export interface DeprecationOptions {
  /** When the operation was deprecated (announced in docs/api-changelog.md). */
  since: Date;
  /** When it stops working: at least six months after `since` (see the deprecation policy). */
  sunset: Date;
  /** What to use instead, e.g. `GET /api/v1/stock-levels`. */
  replacement?: string;
  /** A page about the change, sent as `Link: <…>; rel="deprecation"`. */
  link?: string;
}

/** Smallest notice between deprecation and sunset the policy allows (docs/api-changelog.md). */
export const MIN_DEPRECATION_NOTICE_DAYS = 180;

/**
 * The response headers of a deprecated operation: `Deprecation` (RFC 9745, `@` + Unix seconds),
 * `Sunset` (RFC 8594, an HTTP date) and, with a link, `Link: <…>; rel="deprecation"`.
 */
export function deprecationHeaders(options: DeprecationOptions): Record<string, string> {
  const noticeDays = (options.sunset.getTime() - options.since.getTime()) / 86_400_000;
  if (!(noticeDays >= MIN_DEPRECATION_NOTICE_DAYS)) {
    throw new Error(`A deprecation needs at least ${MIN_DEPRECATION_NOTICE_DAYS} days before its sunset.`);
  }
  const headers: Record<string, string> = {
    Deprecation: `@${Math.floor(options.since.getTime() / 1000)}`,
    Sunset: options.sunset.toUTCString(),
  };
  if (options.link) headers.Link = `<${options.link}>; rel="deprecation"; type="text/html"`;
  return headers;
}

/**
 * Marks an operation deprecated: every successful response carries `Deprecation` and `Sunset`
 * (and `Link`), and the OpenAPI document says `deprecated: true` with the dates and the
 * replacement in the description.
 */
export function Deprecated(options: DeprecationOptions): MethodDecorator {
  const headers = deprecationHeaders(options);
  return applyDecorators(
    ...Object.entries(headers).map(([name, value]) => Header(name, value)),
    ApiExtension(EXTENSIONS.deprecation, {
      since: options.since.toISOString(),
      sunset: options.sunset.toISOString(),
      ...(options.replacement ? { replacement: options.replacement } : {}),
      ...(options.link ? { link: options.link } : {}),
    }),
  );
}
