import { IsString, MaxLength, MinLength } from 'class-validator';
import { Optional } from '../../../../platform/http/validators';

/** Browsers send the refresh token in the httpOnly cookie; other clients may send it here. */
export class RefreshDto {
  /** Opaque refresh token from the login or the previous refresh. */
  @Optional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}
