import type { AuditEventDto, CurrentUserDto, Permission, ProductDto, TokenResponse, UserDto } from '@depot/contracts';
import { auditFieldSpec } from '@depot/contracts';

/** Lets pending promise callbacks (and the RxJS work chained on them) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function tokenResponse(accessToken: string): TokenResponse {
  return { tokenType: 'Bearer', accessToken, expiresIn: 900, refreshToken: 'opaque', refreshExpiresIn: 86400 };
}

export function currentUser(permissions: Permission[], overrides: Partial<CurrentUserDto> = {}): CurrentUserDto {
  return {
    id: '8d3f7b52-3c2f-4d7e-9a8a-1c1b2b3c4d5e',
    email: 'admin@depot.local',
    displayName: 'Ada Admin',
    roles: ['admin'],
    permissions,
    mfaEnabled: false,
    mfaRequired: false,
    mustChangePassword: false,
    ...overrides,
  };
}

export function product(overrides: Partial<ProductDto> = {}): ProductDto {
  return {
    id: '0b7e8c1e-1f7d-4a55-9c2b-7d6a1b2c3d4e',
    sku: 'WIDGET-1',
    name: 'Widget',
    description: 'A useful widget',
    unit: 'pcs',
    priceMinor: 1999,
    costMinor: null,
    currency: 'EUR',
    barcode: null,
    categoryId: null,
    attributes: {},
    reorderPoint: 0,
    reorderQuantity: 0,
    preferredSupplierId: null,
    supplierSku: null,
    purchasePriceMinor: null,
    status: 'active',
    taxClass: 'standard',
    version: 3,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-03T11:30:00.000Z',
    ...overrides,
  };
}

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return { type: 'about:blank', title: detail, status, detail, code, requestId: 'req-test', ...extra };
}

export function userDto(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    email: 'chris@depot.local',
    displayName: 'Chris Clerk',
    status: 'active',
    roles: ['clerk'],
    mfaEnabled: false,
    mustChangePassword: false,
    version: 2,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function auditEvent(overrides: Partial<AuditEventDto> = {}): AuditEventDto {
  const entityType = overrides.entityType ?? 'product';
  // Without display-ready changes given, label the raw ones from the contracts (as the API would).
  const fieldChanges =
    overrides.fieldChanges ??
    (overrides.changes !== undefined
      ? Object.entries(overrides.changes ?? {}).map(([field, change]) => {
          const spec = auditFieldSpec(entityType, field);
          return { field, label: spec.label, kind: spec.kind, before: change.before, after: change.after };
        })
      : undefined);
  return {
    id: 'a-1',
    occurredAt: '2026-01-03T11:30:00.000Z',
    actorType: 'user',
    actorId: 'u-1',
    actorLabel: 'Ada Admin',
    action: 'update',
    entityType: 'product',
    entityId: '0b7e8c1e-1f7d-4a55-9c2b-7d6a1b2c3d4e',
    changes: { priceMinor: { before: 1500, after: 1999 } },
    fieldChanges: [{ field: 'priceMinor', label: 'Price', kind: 'money', before: 1500, after: 1999, currency: 'EUR' }],
    entityRef: null,
    actorRef: null,
    requestId: null,
    ip: null,
    ...overrides,
    ...(fieldChanges ? { fieldChanges } : {}),
  };
}

/** A complete one-page list answer, as every API list returns (`{ items, nextCursor, total }`). */
export function pageOf<T>(items: readonly T[]): { items: T[]; nextCursor: null; total: number } {
  return { items: [...items], nextCursor: null, total: items.length };
}
