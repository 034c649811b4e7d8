import { EXTENSIONS } from './extensions';
import { addResponseHeader } from './response-headers';
import { isReference, operationsOf, type Document } from './walk';

interface Deprecation {
  since: string;
  sunset: string;
  replacement?: string;
  link?: string;
}

/**
 * Operations marked with `@Deprecated(...)` get `deprecated: true`, a sentence with the dates and
 * the replacement at the end of their description, and the `Deprecation` and `Sunset` headers on
 * their 2xx responses. The extension itself is removed.
 */
export function documentDeprecations(document: Document): void {
  for (const { operation } of operationsOf(document)) {
    const deprecation = operation[EXTENSIONS.deprecation] as Deprecation | undefined;
    if (!deprecation) continue;
    delete operation[EXTENSIONS.deprecation];
    operation.deprecated = true;
    const note =
      `**Deprecated** since ${deprecation.since.slice(0, 10)}; stops working on ${deprecation.sunset.slice(0, 10)}.` +
      (deprecation.replacement ? ` Use ${deprecation.replacement} instead.` : '') +
      (deprecation.link ? ` See ${deprecation.link}.` : '');
    operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!/^2/.test(status) || !response || isReference(response)) continue;
      addResponseHeader(response, 'Deprecation');
      addResponseHeader(response, 'Sunset');
    }
  }
}
