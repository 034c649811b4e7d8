import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DatabaseNotifications } from '../../../platform/database/database-notifications';
import { ApiKeyPrincipalResolver } from '../api-keys/api-key-principal.resolver';
import { SessionPrincipalResolver } from '../sessions/session-principal.resolver';

/** Channel on which a committed credential change tells every instance to drop its caches. */
export const CREDENTIALS_CHANNEL = 'depot_credentials';

/**
 * Makes revocations (API keys, sessions, disabled users, changed roles and permissions) take
 * effect on the next request on every instance: the change NOTIFYs in its own transaction,
 * PostgreSQL delivers it to every instance's listener on commit, and each one drops its
 * principal caches. While an instance's listener is down the caches are off (see the resolvers),
 * and they are dropped again when it reconnects.
 */
@Injectable()
export class CredentialRevocations implements OnModuleInit {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: DatabaseNotifications,
    private readonly sessions: SessionPrincipalResolver,
    private readonly apiKeys: ApiKeyPrincipalResolver,
  ) {}

  onModuleInit(): void {
    this.notifications.subscribe(CREDENTIALS_CHANNEL, () => this.dropCaches());
    this.notifications.onReconnect(() => this.dropCaches());
  }

  /** Call inside the transaction that changes credentials; instances drop caches once it commits. */
  async announce(): Promise<void> {
    // This instance forgets at once too; the notification clears again after commit.
    this.dropCaches();
    await this.txHost.tx.query(`SELECT pg_notify('${CREDENTIALS_CHANNEL}', '')`);
  }

  private dropCaches(): void {
    this.sessions.clear();
    this.apiKeys.clear();
  }
}
