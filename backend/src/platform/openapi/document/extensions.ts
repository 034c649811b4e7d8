/**
 * Operation extensions that decorators set and the post-processors under document/ read. Only
 * `x-permission` and `x-problem-codes` stay in the published document; the others are replaced
 * by what they mean (`security: []`, derived problem codes, `deprecated: true` and headers).
 */
export const EXTENSIONS = {
  /** `@Public()`: no credentials needed → `security: []`. */
  public: 'x-public',
  /** `@AllowWithoutMfa()`: open to users who must still enrol in MFA or change their password. */
  allowWithoutMfa: 'x-allow-without-mfa',
  /** `@ApiProblemCodes(...)` on an operation; on each error response, the codes it can carry. */
  problemCodes: 'x-problem-codes',
  /** `@Deprecated(...)`: dates, replacement and link of a deprecated operation. */
  deprecation: 'x-deprecation',
  /** `@ETagged()`, `@IfMatch()`: the 200 answer carries an `ETag`. */
  etag: 'x-etag',
} as const;
