import type { ClsStore } from 'nestjs-cls';
import type { Principal } from '../auth/principal';

/** Per-request facts that audit rows, outbox events and logs carry. Held in nestjs-cls. */
export interface RequestContext extends ClsStore {
  requestId?: string;
  ip?: string;
  userAgent?: string;
  principal?: Principal;
}

/** Actor recorded on audit rows and events. */
export interface Actor {
  type: 'user' | 'api_key' | 'system' | 'anonymous';
  id: string | null;
  label: string | null;
}

export function actorOf(principal: Principal | undefined): Actor {
  if (!principal) return { type: 'system', id: null, label: null };
  if (principal.kind === 'api_key') return { type: 'api_key', id: principal.apiKeyId ?? null, label: principal.email };
  return { type: 'user', id: principal.userId, label: principal.email };
}
