/**
 * The API's version (`info.version`), semantic: a minor release adds (operations, optional
 * fields, codes, enum values) without breaking clients; a major one would live under /api/v2.
 * Every change is listed in docs/api-changelog.md.
 */
export const API_VERSION = '1.4.0';
