import { InjectionToken } from '@angular/core';

/**
 * Base URL of the Depot REST API. Relative by default because the backend serves the built UI
 * from the same origin (and `ng serve` proxies `/api`).
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '/api/v1',
});

/** Whether `url` targets the API below `baseUrl` (so it may carry the access token). */
export function isApiUrl(url: string, baseUrl: string): boolean {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  return url === base || url.startsWith(`${base}/`) || url.startsWith(`${base}?`);
}
