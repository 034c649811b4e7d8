/** Limits of the password reset requests. */
export const PASSWORD_TOKEN_LIMITS = {
  /** Link tokens are 43 characters (256 bits, base64url); longer input is refused outright. */
  tokenMaxLength: 128,
  /** Minutes a reset link stays valid. */
  resetTtlMinutes: 30,
  /** Hours an invitation link stays valid. */
  inviteTtlHours: 72,
} as const;

export interface ForgotPasswordRequest {
  email: string;
}

/** The same answer whether or not an account uses the address. */
export interface ForgotPasswordResponse {
  message: string;
}

/** Sets a new password with the token from a reset or invitation link. */
export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}
