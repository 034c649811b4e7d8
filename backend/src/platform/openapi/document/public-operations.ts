import { EXTENSIONS } from './extensions';
import { operationsOf, type Document } from './walk';

/**
 * Public operations (`@Public()`: health probes, sign-in, refresh, sign-out, password reset) get
 * `security: []`, which says "no credentials needed" explicitly instead of leaving the reader (and
 * linters) to guess. Every other operation declares its schemes through `@Authenticated()`.
 */
export function markPublicOperations(document: Document): void {
  for (const { operation } of operationsOf(document)) {
    if (operation[EXTENSIONS.public] === true) {
      operation.security = [];
      delete operation[EXTENSIONS.public];
    }
  }
}
