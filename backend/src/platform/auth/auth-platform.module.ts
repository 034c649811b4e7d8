import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccessTokenService } from './access-token.service';
import { AuthenticationGuard } from './authentication.guard';
import { JwtStrategy } from './jwt.strategy';

/** Authentication building blocks shared by all modules. The PrincipalResolver comes from identity. */
@Global()
@Module({
  imports: [PassportModule],
  providers: [AccessTokenService, JwtStrategy, { provide: APP_GUARD, useClass: AuthenticationGuard }],
  exports: [AccessTokenService],
})
export class AuthPlatformModule {}
