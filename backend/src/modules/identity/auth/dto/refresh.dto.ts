import { IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../../../platform/http/validators';

/** Browsers send the refresh token in the httpOnly cookie; other clients may send it here. */
export class RefreshDto {
  /**
   * Opaque refresh token from the login or the previous refresh.
   * @example rt_4f9c2a7e1b3d5f6a8c0e2b4d6f8a1c3e5b7d9f0a
   */
  @Optional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}
