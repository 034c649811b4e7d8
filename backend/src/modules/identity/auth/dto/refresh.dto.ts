import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Browsers send the refresh token in the httpOnly cookie; other clients may send it here. */
export class RefreshDto {
  /** Opaque refresh token from the login or the previous refresh. */
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken?: string;
}
