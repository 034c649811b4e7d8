import { type Observable, defer, from } from 'rxjs';

/**
 * Runs `work` while holding a Web Lock shared by all tabs of this origin, when the browser has
 * the Web Locks API. Refresh tokens are single use and a reused one revokes the whole session, so
 * two tabs must never send the same refresh cookie: the second tab waits for the first, and by
 * then the browser already holds the rotated cookie.
 */
export function withCrossTabLock<T>(name: string, work: () => Promise<T>): Observable<T> {
  return defer(() => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    const result: Promise<T> = locks ? locks.request(name, () => work()).then((value) => value) : work();
    return from(result);
  });
}
