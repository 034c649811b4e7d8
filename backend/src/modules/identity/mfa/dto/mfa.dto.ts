import {
  MFA_LIMITS,
  PASSWORD_LIMITS,
  type DisableMfaRequest,
  type EnableTotpRequest,
  type EnableTotpResponse,
  type TotpSetupResponse,
} from '@depot/contracts';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class TotpSetupResponseDto implements TotpSetupResponse {
  /** Base32 secret, for typing into an authenticator app by hand. @example JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP */
  secret!: string;
  /** @example otpauth://totp/Depot:ada%40depot.local?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Depot */
  otpauthUrl!: string;
  /** The otpauth URL as a QR code (PNG data URL). @example data:image/png;base64,iVBORw0KGgo... */
  qrCodeDataUrl!: string;
}

export class EnableTotpDto implements EnableTotpRequest {
  /** Current 6-digit code from the authenticator app. @example 492039 */
  @IsString()
  @Matches(new RegExp(MFA_LIMITS.totpPattern), { message: 'code must be the 6 digits shown by the app' })
  code!: string;
}

export class EnableTotpResponseDto implements EnableTotpResponse {
  /** Single-use recovery codes, shown only now. @example ["7gk2m-x9p4q", "b3w8r-0dz6n"] */
  recoveryCodes!: string[];
}

export class DisableMfaDto implements DisableMfaRequest {
  /** The current password. @example depot-demo-password */
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_LIMITS.maxLength)
  password!: string;
}
