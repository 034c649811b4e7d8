import { AuditEventEntity } from '../../modules/audit/audit-event.entity';
import { ProductEntity } from '../../modules/catalog/products/product.entity';
import { RoleEntity } from '../../modules/identity/roles/role.entity';
import { RefreshTokenEntity } from '../../modules/identity/sessions/refresh-token.entity';
import { SessionEntity } from '../../modules/identity/sessions/session.entity';
import { UserEntity } from '../../modules/identity/users/user.entity';
import { OutboxEventEntity } from '../../platform/events/outbox-event.entity';
import { ApiKeyEntity } from '../../modules/identity/api-keys/api-key.entity';
import { MfaRecoveryCodeEntity } from '../../modules/identity/mfa/mfa-recovery-code.entity';
import { PasswordTokenEntity } from '../../modules/identity/password-reset/password-token.entity';
import { DevMailEntity } from '../../modules/mail/dev-mail.entity';
import { WebhookDeliveryEntity } from '../../modules/notifications/webhooks/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../../modules/notifications/webhooks/webhook-endpoint.entity';

/**
 * Every entity of the schema, for the CLI data sources that run without the Nest modules
 * (`db:migration:generate`, `db:seed:large`, `db:rotate-encryption-key`). The app itself gets
 * them from the modules: each registers its own with `TypeOrmModule.forFeature` and the
 * database module loads them (`autoLoadEntities`). Add an entity here too when a module adds one.
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
