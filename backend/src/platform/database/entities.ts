import { AuditEventEntity } from '../../modules/audit/audit-event.entity';
import { ProductEntity } from '../../modules/catalog/products/product.entity';
import { RoleEntity } from '../../modules/identity/roles/role.entity';
import { RefreshTokenEntity } from '../../modules/identity/sessions/refresh-token.entity';
import { SessionEntity } from '../../modules/identity/sessions/session.entity';
import { UserEntity } from '../../modules/identity/users/user.entity';
import { OutboxEventEntity } from '../events/outbox-event.entity';
import { ApiKeyEntity } from '../../modules/identity/api-keys/api-key.entity';
import { MfaRecoveryCodeEntity } from '../../modules/identity/mfa/mfa-recovery-code.entity';
import { PasswordTokenEntity } from '../../modules/identity/password-reset/password-token.entity';
import { DevMailEntity } from '../../modules/mail/dev-mail.entity';
import { WebhookDeliveryEntity } from '../../modules/notifications/webhooks/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../../modules/notifications/webhooks/webhook-endpoint.entity';

/**
 * Every entity of the schema, for the data source, the migration generator and the CLI.
 * Each module still only touches its own entities (forFeature); this list is wiring only.
 */
export const ENTITIES = [
  UserEntity,
  RoleEntity,
  SessionEntity,
  RefreshTokenEntity,
  ProductEntity,
  OutboxEventEntity,
  AuditEventEntity,
  ApiKeyEntity,
  MfaRecoveryCodeEntity,
  PasswordTokenEntity,
  DevMailEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
];
