import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, RedirectCommand, type RouterStateSnapshot, provideRouter } from '@angular/router';
import { Permission } from '@depot/contracts';

import { AuthService } from './auth.service';
import { permissionGuard } from './permission.guard';

function run(guard: ReturnType<typeof permissionGuard>): unknown {
  return TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, { url: '/products/import' } as RouterStateSnapshot),
  );
}

describe('permissionGuard', () => {
  let permissions: Permission[];

  beforeEach(() => {
    permissions = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: AuthService,
          useValue: {
            isAuthenticated: () => true,
            hasPermission: (permission: Permission) => permissions.includes(permission),
          },
        },
      ],
    });
  });

  it('lets a user with the permission in', () => {
    permissions = [Permission.CatalogProductsWrite];
    expect(run(permissionGuard(Permission.CatalogProductsWrite))).toBe(true);
  });

  it('accepts any one of the alternatives', () => {
    permissions = [Permission.InventoryStockAdjust];
    expect(run(permissionGuard(Permission.CatalogProductsWrite, Permission.InventoryStockAdjust))).toBe(true);
  });

  it('shows the 403 page, keeping the asked-for address, to a user without it', () => {
    permissions = [Permission.CatalogProductsRead];
    const result = run(permissionGuard(Permission.CatalogProductsWrite, Permission.InventoryStockAdjust));
    expect(result).toBeInstanceOf(RedirectCommand);
    const command = result as RedirectCommand;
    expect(command.redirectTo.toString()).toBe('/forbidden');
    expect(command.navigationBehaviorOptions?.browserUrl).toBe('/products/import');
  });
});
