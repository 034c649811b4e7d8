/** Stable machine-readable error codes carried in `ProblemDetails.code`. */
export const ErrorCode = {
  ValidationFailed: 'REQUEST.VALIDATION_FAILED',
  MalformedBody: 'REQUEST.MALFORMED_BODY',
  UnsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'REQUEST.PAYLOAD_TOO_LARGE',
  NotFound: 'REQUEST.NOT_FOUND',
  MethodNotAllowed: 'REQUEST.METHOD_NOT_ALLOWED',
  /** The path is not valid (bad percent-encoding). */
  MalformedUrl: 'REQUEST.MALFORMED_URL',
  /** A path segment or the whole URL is longer than the server accepts. */
  UriTooLong: 'REQUEST.URI_TOO_LONG',
  /** Any other client error the server recognised but has no more specific code for. */
  BadRequest: 'REQUEST.BAD_REQUEST',
  /** The request conflicts with the current state of the data (a constraint caught it). */
  Conflict: 'REQUEST.CONFLICT',
  Unauthenticated: 'AUTH.UNAUTHENTICATED',
  InvalidCredentials: 'AUTH.INVALID_CREDENTIALS',
  InvalidRefreshToken: 'AUTH.INVALID_REFRESH_TOKEN',
  Forbidden: 'AUTH.FORBIDDEN',
  MfaRequired: 'AUTH.MFA_REQUIRED',
  InvalidMfaCode: 'AUTH.INVALID_MFA_CODE',
  MfaEnrollmentRequired: 'AUTH.MFA_ENROLLMENT_REQUIRED',
  TooManyRequests: 'REQUEST.TOO_MANY_REQUESTS',
  PasswordChangeRequired: 'AUTH.PASSWORD_CHANGE_REQUIRED',
  InvalidPasswordToken: 'AUTH.INVALID_PASSWORD_TOKEN',
  UserNotFound: 'IDENTITY.USER_NOT_FOUND',
  EmailTaken: 'IDENTITY.EMAIL_TAKEN',
  RoleNotFound: 'IDENTITY.ROLE_NOT_FOUND',
  RoleNameTaken: 'IDENTITY.ROLE_NAME_TAKEN',
  RoleBuiltIn: 'IDENTITY.ROLE_BUILT_IN',
  RoleInUse: 'IDENTITY.ROLE_IN_USE',
  ScopeNotHeld: 'IDENTITY.SCOPE_NOT_HELD',
  ApiKeyNotFound: 'IDENTITY.API_KEY_NOT_FOUND',
  SessionNotFound: 'IDENTITY.SESSION_NOT_FOUND',
  WrongPassword: 'IDENTITY.WRONG_PASSWORD',
  VersionConflict: 'REQUEST.VERSION_CONFLICT',
  Unavailable: 'SERVER.UNAVAILABLE',
  Internal: 'SERVER.INTERNAL',
  ProductNotFound: 'CATALOG.PRODUCT_NOT_FOUND',
  SkuTaken: 'CATALOG.SKU_TAKEN',
  InvalidCursor: 'REQUEST.INVALID_CURSOR',
  WebhookNotFound: 'NOTIFICATIONS.WEBHOOK_NOT_FOUND',
  WebhookDeliveryNotFound: 'NOTIFICATIONS.DELIVERY_NOT_FOUND',
  MfaAlreadyEnabled: 'AUTH.MFA_ALREADY_ENABLED',
  MfaNotSetUp: 'AUTH.MFA_NOT_SET_UP',
  MailNotFound: 'MAIL.MESSAGE_NOT_FOUND',
  /** Only a `failed` message can be queued again. */
  MailNotRetryable: 'MAIL.NOT_RETRYABLE',
  BarcodeTaken: 'CATALOG.BARCODE_TAKEN',
  CategoryNotFound: 'CATALOG.CATEGORY_NOT_FOUND',
  CategoryCycle: 'CATALOG.CATEGORY_CYCLE',
  CategoryTooDeep: 'CATALOG.CATEGORY_TOO_DEEP',
  CategoryNotEmpty: 'CATALOG.CATEGORY_NOT_EMPTY',
  CategoryNameTaken: 'CATALOG.CATEGORY_NAME_TAKEN',
  WarehouseNotFound: 'INVENTORY.WAREHOUSE_NOT_FOUND',
  WarehouseCodeTaken: 'INVENTORY.WAREHOUSE_CODE_TAKEN',
  WarehouseInactive: 'INVENTORY.WAREHOUSE_INACTIVE',
  ProductInactive: 'INVENTORY.PRODUCT_ARCHIVED',
  InsufficientStock: 'INVENTORY.INSUFFICIENT_STOCK',
  MovementNotFound: 'INVENTORY.MOVEMENT_NOT_FOUND',
  SameWarehouse: 'INVENTORY.SAME_WAREHOUSE',
  IdempotencyKeyReused: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
  MalformedCsv: 'IMPORT.MALFORMED_CSV',
  ImportRowsInvalid: 'IMPORT.ROWS_INVALID',
  IdempotencyKeyInProgress: 'REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS',
  /** An Idempotency-Key was sent to an operation that cannot honour it (sign-in, secrets shown once...). */
  IdempotencyNotSupported: 'REQUEST.IDEMPOTENCY_NOT_SUPPORTED',
  /** `If-Match` named a version of the resource that is no longer current. */
  PreconditionFailed: 'REQUEST.PRECONDITION_FAILED',
  SupplierNotFound: 'PURCHASING.SUPPLIER_NOT_FOUND',
  CustomerNotFound: 'SALES.CUSTOMER_NOT_FOUND',
  PartnerCodeTaken: 'PARTNERS.CODE_TAKEN',
  PartnerInactive: 'PARTNERS.INACTIVE',
  PurchaseOrderNotFound: 'PURCHASING.ORDER_NOT_FOUND',
  SalesOrderNotFound: 'SALES.ORDER_NOT_FOUND',
  /** The action is not allowed in the order's current status. */
  InvalidOrderTransition: 'ORDERS.INVALID_TRANSITION',
  /** Confirming would reserve more than is available; `shortLines` names the lines. */
  OrderLinesShort: 'SALES.LINES_SHORT',
  /** A receipt or shipment names a line of another order or more than is open. */
  OrderLineQuantityExceeded: 'ORDERS.LINE_QUANTITY_EXCEEDED',
  CurrencyMismatch: 'ORDERS.CURRENCY_MISMATCH',
  InvoiceNotFound: 'SALES.INVOICE_NOT_FOUND',
  /** Payments or credit notes beyond what the invoice still owes. */
  InvoiceOverpaid: 'SALES.INVOICE_OVERPAID',
  InvoiceNotPayable: 'SALES.INVOICE_NOT_PAYABLE',
  SavedViewNotFound: 'VIEWS.NOT_FOUND',
  /** Only the owner of a view (or an administrator) may change or delete it. */
  SavedViewNotOwner: 'VIEWS.NOT_OWNER',
  /** A user keeps at most `SAVED_VIEW_LIMITS.maxViewsPerList` views per list. */
  SavedViewLimitReached: 'VIEWS.LIMIT_REACHED',
  /** An invoice cannot be issued before the company settings name the seller; `missing` lists what is needed. */
  CompanySettingsIncomplete: 'SETTINGS.COMPANY_INCOMPLETE',
  CompanyLogoNotFound: 'SETTINGS.LOGO_NOT_FOUND',
  /** The order has no such document yet (a draft has no confirmation, nothing shipped has no delivery note). */
  DocumentNotAvailable: 'DOCUMENTS.NOT_AVAILABLE',
  TaxRateNotFound: 'TAXES.RATE_NOT_FOUND',
  /** Two rates of one tax class would apply on the same day. */
  TaxRateOverlap: 'TAXES.RATE_OVERLAP',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
