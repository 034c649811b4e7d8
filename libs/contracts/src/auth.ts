import type { Permission } from './permissions';

export const PASSWORD_LIMITS = { minLength: 12, maxLength: 128 } as const;
export const EMAIL_MAX_LENGTH = 254;

export interface LoginRequest {
  email: string;
  password: string;
  /** 6-digit TOTP code or a recovery code, when the account has MFA (else 401 AUTH.MFA_REQUIRED). */
  mfaCode?: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface LogoutRequest {
  refreshToken: string;
}

export interface TokenResponse {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Opaque refresh token; single use, rotated on every refresh. */
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface CurrentUserDto {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  permissions: Permission[];
  /** A second factor (TOTP) is set up. */
  mfaEnabled: boolean;
  /** A role requires MFA; until `mfaEnabled`, only enrolment works. */
  mfaRequired: boolean;
  /** An administrator set a temporary password: until it is changed, only the password change works. */
  mustChangePassword: boolean;
}
