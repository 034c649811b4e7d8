import { ErrorCode } from '@depot/contracts';

export interface ProblemEntry {
  /** The HTTP status this code is usually sent with (`ApiProblemCodes({ status, code })` names another). */
  status: number;
  /** A typical `detail`, for the examples in the document. */
  detail: string;
}

/**
 * Every stable error code with its usual status and a typical detail. Typed as a complete record
 * so a new `ErrorCode` does not compile until it is described here; the document's problem
 * examples and the `x-problem-codes` of each response come from this table.
 */
export const PROBLEM_CATALOGUE: Record<ErrorCode, ProblemEntry> = {
  [ErrorCode.ValidationFailed]: { status: 400, detail: 'The request has invalid fields.' },
  [ErrorCode.MalformedBody]: { status: 400, detail: 'The body is not valid JSON.' },
  [ErrorCode.UnsupportedMediaType]: { status: 415, detail: 'Unsupported Content-Type; send application/json.' },
  [ErrorCode.PayloadTooLarge]: { status: 413, detail: 'The request body is larger than the server accepts.' },
  [ErrorCode.NotFound]: { status: 404, detail: 'No route or resource at this address.' },
  [ErrorCode.MethodNotAllowed]: { status: 405, detail: 'This path does not accept this method; see Allow.' },
  [ErrorCode.MalformedUrl]: { status: 400, detail: 'The path is not a valid URL (bad percent-encoding).' },
  [ErrorCode.UriTooLong]: { status: 414, detail: 'A path segment is longer than the server accepts.' },
  [ErrorCode.BadRequest]: { status: 400, detail: 'The request cannot be processed.' },
  [ErrorCode.Conflict]: { status: 409, detail: 'The request conflicts with the current state of the data.' },
  [ErrorCode.Unauthenticated]: {
    status: 401,
    detail: 'Sign in first: the access token or API key is missing or invalid.',
  },
  [ErrorCode.InvalidCredentials]: { status: 401, detail: 'Invalid email or password.' },
  [ErrorCode.InvalidRefreshToken]: {
    status: 401,
    detail: 'The refresh token is missing, expired or revoked; sign in again.',
  },
  [ErrorCode.Forbidden]: { status: 403, detail: 'This action requires the permission "catalog.products.write".' },
  [ErrorCode.MfaRequired]: { status: 401, detail: 'Enter the code from your authenticator app.' },
  [ErrorCode.InvalidMfaCode]: {
    status: 401,
    detail: 'The code is not valid. Enter the current code from your authenticator app, or an unused recovery code.',
  },
  [ErrorCode.MfaEnrollmentRequired]: {
    status: 403,
    detail: 'Your role requires multi-factor authentication: set it up under your profile first.',
  },
  [ErrorCode.TooManyRequests]: { status: 429, detail: 'Too many attempts; wait before trying again.' },
  [ErrorCode.PasswordChangeRequired]: {
    status: 403,
    detail: 'Your administrator set a temporary password: choose your own under your profile first.',
  },
  [ErrorCode.InvalidPasswordToken]: {
    status: 400,
    detail: 'This link is invalid, already used or expired. Ask for a new one.',
  },
  [ErrorCode.UserNotFound]: { status: 404, detail: 'No user with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.EmailTaken]: { status: 409, detail: 'A user with e-mail ada@example.com already exists.' },
  [ErrorCode.RoleNotFound]: { status: 404, detail: 'No role with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.RoleNameTaken]: { status: 409, detail: 'A role named "Warehouse lead" already exists.' },
  [ErrorCode.RoleBuiltIn]: { status: 409, detail: '"admin" is a built-in role and cannot be deleted.' },
  [ErrorCode.RoleInUse]: { status: 409, detail: 'The role is still assigned to 3 users; remove it from them first.' },
  [ErrorCode.ScopeNotHeld]: { status: 403, detail: 'You cannot grant scopes you do not hold: users.manage.' },
  [ErrorCode.ApiKeyNotFound]: { status: 404, detail: 'No API key with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.SessionNotFound]: { status: 404, detail: 'No active session 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.WrongPassword]: { status: 400, detail: 'The current password is not correct.' },
  [ErrorCode.VersionConflict]: {
    status: 409,
    detail: 'The product was changed by someone else (your version 3 is stale). Reload it and apply your change again.',
  },
  [ErrorCode.Unavailable]: { status: 503, detail: 'The database is unreachable; retry after Retry-After seconds.' },
  [ErrorCode.Internal]: { status: 500, detail: 'Something went wrong on our side; quote the requestId.' },
  [ErrorCode.ProductNotFound]: { status: 404, detail: 'No product with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.SkuTaken]: {
    status: 409,
    detail: 'A product with SKU "CHAIR-OAK-01" already exists (SKUs are compared case-insensitively).',
  },
  [ErrorCode.InvalidCursor]: { status: 400, detail: 'The cursor is malformed or from another list.' },
  [ErrorCode.WebhookNotFound]: {
    status: 404,
    detail: 'No webhook endpoint with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.',
  },
  [ErrorCode.WebhookDeliveryNotFound]: {
    status: 404,
    detail: 'No delivery with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.',
  },
  [ErrorCode.MfaAlreadyEnabled]: {
    status: 409,
    detail: 'Two-step verification is already on; turn it off first to set it up again.',
  },
  [ErrorCode.MfaNotSetUp]: {
    status: 409,
    detail: 'Start the setup first: there is no authenticator secret to confirm.',
  },
  [ErrorCode.MailNotFound]: {
    status: 404,
    detail: 'No outgoing message with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.',
  },
  [ErrorCode.MailNotRetryable]: { status: 409, detail: 'Only a failed message can be sent again; this one is sent.' },
  [ErrorCode.BarcodeTaken]: { status: 409, detail: 'Another product already has barcode 4006381333931.' },
  [ErrorCode.CategoryNotFound]: { status: 404, detail: 'No category with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.CategoryCycle]: {
    status: 409,
    detail: 'A category cannot be moved into itself or one of its descendants.',
  },
  [ErrorCode.CategoryTooDeep]: { status: 409, detail: 'Categories may be nested at most 5 levels deep.' },
  [ErrorCode.CategoryNotEmpty]: {
    status: 409,
    detail: 'The category still holds 2 categories and 14 products; move or delete them first.',
  },
  [ErrorCode.CategoryNameTaken]: { status: 409, detail: 'A category named "Chairs" already exists at this level.' },
  [ErrorCode.WarehouseNotFound]: { status: 404, detail: 'No warehouse with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.WarehouseCodeTaken]: { status: 409, detail: 'A warehouse with code "BER-1" already exists.' },
  [ErrorCode.WarehouseInactive]: {
    status: 409,
    detail: 'Warehouse BER-1 is inactive and accepts no stock movements.',
  },
  [ErrorCode.ProductInactive]: { status: 409, detail: 'Product CHAIR-OAK-01 is archived; its stock cannot be moved.' },
  [ErrorCode.InsufficientStock]: {
    status: 409,
    detail: 'Not enough stock of CHAIR-OAK-01 in BER-1: 3 available, 5 requested.',
  },
  [ErrorCode.SameWarehouse]: { status: 400, detail: 'A transfer needs two different warehouses.' },
  [ErrorCode.IdempotencyKeyReused]: {
    status: 422,
    detail: 'This Idempotency-Key was already used with a different request; use a new key for a new request.',
  },
  [ErrorCode.MalformedCsv]: { status: 400, detail: 'Line 1: the header lacks the required column "sku".' },
  [ErrorCode.ImportRowsInvalid]: {
    status: 422,
    detail: '2 problem(s) in the file; nothing was imported. Fix them and upload again.',
  },
  [ErrorCode.MovementNotFound]: {
    status: 404,
    detail: 'No stock movement with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.',
  },
  [ErrorCode.IdempotencyNotSupported]: {
    status: 400,
    detail:
      'This operation cannot honour an Idempotency-Key (its answer carries a secret or a new session); send it without one.',
  },
  [ErrorCode.PreconditionFailed]: {
    status: 412,
    detail: 'The product changed since the version in If-Match; read it again (new ETag) and reapply your change.',
  },
  [ErrorCode.IdempotencyKeyInProgress]: {
    status: 409,
    detail: 'A request with this Idempotency-Key is still being processed; retry shortly to get its result.',
  },
  [ErrorCode.SupplierNotFound]: { status: 404, detail: 'No supplier with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.CustomerNotFound]: { status: 404, detail: 'No customer with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.PartnerCodeTaken]: { status: 409, detail: 'A supplier with code "NORDHOLZ" already exists.' },
  [ErrorCode.PartnerInactive]: {
    status: 409,
    detail: 'The supplier NORDHOLZ is inactive; activate it before ordering.',
  },
  [ErrorCode.PurchaseOrderNotFound]: {
    status: 404,
    detail: 'No purchase order with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.',
  },
  [ErrorCode.SalesOrderNotFound]: {
    status: 404,
    detail: 'No sales order with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.',
  },
  [ErrorCode.InvalidOrderTransition]: {
    status: 409,
    detail: 'Cannot receive purchase order PO-2026-000042: it is draft.',
  },
  [ErrorCode.OrderLinesShort]: {
    status: 409,
    detail:
      'Sales order SO-2026-000017 cannot be confirmed; not enough stock for CHAIR-OAK-01 (requested 5, available 3).',
  },
  [ErrorCode.OrderLineQuantityExceeded]: {
    status: 409,
    detail: 'Line 1 has 2 open; 5 cannot be received.',
  },
  [ErrorCode.CurrencyMismatch]: {
    status: 400,
    detail: "Product CHAIR-OAK-01 is not priced in USD; give the line's amount explicitly.",
  },
  [ErrorCode.InvoiceNotFound]: { status: 404, detail: 'No invoice with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.InvoiceOverpaid]: {
    status: 409,
    detail: 'The payment of 200.00 EUR exceeds the 129.00 EUR still owed on INV-2026-000123.',
  },
  [ErrorCode.InvoiceNotPayable]: {
    status: 409,
    detail: 'CN-2026-000004 is a credit note; payments and credits apply to invoices.',
  },
  [ErrorCode.SavedViewNotFound]: { status: 404, detail: 'No saved view with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.SavedViewNotOwner]: {
    status: 403,
    detail: 'Only the owner of the view "Low-priced red" or an administrator may change it.',
  },
  [ErrorCode.SavedViewLimitReached]: {
    status: 409,
    detail: 'You already have 50 views for this list; delete one first.',
  },
  [ErrorCode.CompanySettingsIncomplete]: {
    status: 409,
    detail: 'Fill in the company settings before issuing invoices: missing legalName, iban.',
  },
  [ErrorCode.CompanyLogoNotFound]: { status: 404, detail: 'No company logo has been uploaded.' },
  [ErrorCode.TaxRateNotFound]: { status: 404, detail: 'No tax rate with id 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10.' },
  [ErrorCode.TaxRateOverlap]: {
    status: 409,
    detail:
      'From 2021-01-01 the standard class already has "Standard 19 %"; end it the day before the new rate starts.',
  },
  [ErrorCode.DocumentNotAvailable]: {
    status: 409,
    detail: 'SO-2026-000042 has shipped nothing yet, so it has no delivery note.',
  },
};
