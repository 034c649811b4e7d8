import { createHash } from 'node:crypto';

/**
 * Depot's entity tags: `"v<version>.<hash>"` for records with a version (the version lets
 * `If-Match` guard a change by it; the hash changes with anything else in the representation),
 * `"<hash>"` otherwise. The hash is 16 base64url characters of SHA-256 of the JSON sent.
 */
export function entityTag(json: string, version: unknown): string {
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 16);
  return Number.isInteger(version) ? `"v${String(version)}.${hash}"` : `"${hash}"`;
}

/** The version an `If-Match` header names: a number, `'*'` (any), or null when it names none. */
export function versionOfIfMatch(header: string): number | '*' | null {
  const value = header.trim();
  if (value === '*') return '*';
  // One tag only: a list would ask "any of these versions", which a change cannot honour.
  const match = /^(?:W\/)?"v(\d{1,9})\.[A-Za-z0-9_-]{16}"$/.exec(value);
  return match ? Number(match[1]) : null;
}

/** Whether `If-None-Match` names the current tag (weak comparison, as RFC 9110 asks for GET). */
export function noneMatch(header: string, tag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = tag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}
