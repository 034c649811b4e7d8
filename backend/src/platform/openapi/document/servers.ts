import type { Document } from './walk';

/**
 * Where the API is. Fixed, not read from the configuration: the document served at
 * /api/openapi.json and the committed libs/sdk/openapi.json must be byte-identical, so nothing in
 * it may depend on how this instance was started. `/` makes every path relative to the host that
 * served the document (Swagger UI's "Try it out" then calls the instance it was loaded from).
 */
export const API_SERVERS = [
  { url: '/', description: 'This Depot instance (the host that serves this document)' },
] as const;

export function declareServers(document: Document): void {
  document.servers = API_SERVERS.map((server) => ({ ...server }));
}
