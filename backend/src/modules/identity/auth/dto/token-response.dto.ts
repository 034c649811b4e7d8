import { ApiProperty } from '@nestjs/swagger';
import type { TokenResponse } from '@depot/contracts';

export class TokenResponseDto implements TokenResponse {
  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  tokenType!: 'Bearer';
  /** Short-lived JWT for `Authorization: Bearer`. @example eyJhbGciOiJIUzI1NiJ9... */
  accessToken!: string;
  /** Seconds until the access token expires. @example 900 */
  expiresIn!: number;
  /** Opaque, single-use refresh token (also set as an httpOnly cookie). @example 3q2-7wEXAMPLEq3H0kR0Yl3m9bXw1H6mF7uR2dZk8sY */
  refreshToken!: string;
  /** @example 604800 */
  refreshExpiresIn!: number;
}
