/** Limits of the multi-factor authentication requests. */
export const MFA_LIMITS = {
  /** A login `mfaCode` is a 6-digit TOTP code or a recovery code; anything longer is refused. */
  codeMaxLength: 64,
  totpDigits: 6,
  totpPattern: '^[0-9]{6}$',
  recoveryCodeCount: 10,
} as const;

/** Answer to starting TOTP enrolment; nothing is enforced until it is confirmed with a code. */
export interface TotpSetupResponse {
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: string;
  /** `otpauth://totp/Depot:<email>?secret=...&issuer=Depot` */
  otpauthUrl: string;
  /** The otpauth URL as a QR code, a `data:image/png;base64,...` URL. */
  qrCodeDataUrl: string;
}

export interface EnableTotpRequest {
  /** Current 6-digit code from the authenticator app. */
  code: string;
}

export interface EnableTotpResponse {
  /** Single-use recovery codes; shown only now, store them somewhere safe. */
  recoveryCodes: string[];
}

export interface DisableMfaRequest {
  /** The current password. */
  password: string;
}
