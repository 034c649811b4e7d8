import { InjectionToken } from '@angular/core';

/** The part of a socket.io client socket the realtime service uses (a fake stands in for tests). */
export interface RealtimeSocket {
  readonly connected: boolean;
  auth: { [key: string]: unknown } | ((callback: (data: object) => void) => void);
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  connect(): unknown;
  disconnect(): unknown;
  removeAllListeners(): unknown;
}

/** Opens a socket that authenticates with `token`. */
export type RealtimeSocketFactory = (token: string) => Promise<RealtimeSocket>;

/**
 * socket.io-client is loaded with a dynamic `import()` on first use (after sign-in), so it stays
 * out of the initial bundle and out of the login page. Its automatic reconnection (on by default,
 * unlimited attempts, backoff up to 5 s) is what brings live updates back after an outage or a
 * deploy: keep it on.
 */
export const REALTIME_SOCKET_FACTORY = new InjectionToken<RealtimeSocketFactory>('REALTIME_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (token: string) => {
    const { io } = await import('socket.io-client');
    return io('/', { path: '/socket.io', transports: ['websocket'], auth: { token } });
  },
});
