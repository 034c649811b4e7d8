import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyResolver, PrincipalResolver } from '../../platform/auth/principal';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { ApiKeyPrincipalResolver } from './api-keys/api-key-principal.resolver';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AuthController } from './auth/auth.controller';
import { CredentialRevocations } from './credentials/credential-revocations';
import { MeController } from './me/me.controller';
import { RoleEntity } from './roles/role.entity';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { SessionEntity } from './sessions/session.entity';
import { SessionsController } from './sessions/sessions.controller';
import { UserEntity } from './users/user.entity';
import { UsersController } from './users/users.controller';
import { PasswordPolicy } from './users/password-policy';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { BuiltInRolesSync } from './roles/built-in-roles.sync';
import { SessionPrincipalResolver } from './sessions/session-principal.resolver';
import { SessionsService } from './sessions/sessions.service';
import { PasswordHasher } from './users/password-hasher';
import { UsersService } from './users/users.service';
import { MfaRecoveryCodeEntity } from './mfa/mfa-recovery-code.entity';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';
import { PasswordTokenEntity } from './password-reset/password-token.entity';
import { PasswordResetController } from './password-reset/password-reset.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { PasswordTokensService } from './password-reset/password-tokens.service';

/**
 * Users, roles, sessions and sign-in. Global so the platform's JWT strategy can resolve
 * principals through the PrincipalResolver it provides.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      RoleEntity,
      SessionEntity,
      RefreshTokenEntity,
      ApiKeyEntity,
      MfaRecoveryCodeEntity,
      PasswordTokenEntity,
    ]),
  ],
  controllers: [
    ApiKeysController,
    AuthController,
    MeController,
    RolesController,
    SessionsController,
    UsersController,
    MfaController,
    PasswordResetController,
  ],
  providers: [
    AuthService,
    LoginThrottle,
    UsersService,
    SessionsService,
    PasswordHasher,
    BuiltInRolesSync,
    SessionPrincipalResolver,
    { provide: PrincipalResolver, useExisting: SessionPrincipalResolver },
    ApiKeysService,
    RolesService,
    PasswordPolicy,
    ApiKeyPrincipalResolver,
    CredentialRevocations,
    { provide: ApiKeyResolver, useExisting: ApiKeyPrincipalResolver },
    MfaService,
    PasswordTokensService,
    PasswordResetService,
  ],
  exports: [PrincipalResolver, ApiKeyResolver, UsersService, PasswordHasher, PasswordPolicy, SessionsService],
})
export class IdentityModule {}
