import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@depot/contracts';

import { StubPageComponent } from '../../../testing/stub-page.component';
import { AuthService } from '../../core/auth/auth.service';
import { dashboardGuard } from './dashboard.guard';

describe('dashboardGuard', () => {
  const signedIn = signal(true);
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  async function land(url: string, held: Permission[]): Promise<string> {
    permissions.set(new Set(held));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
          { path: 'dashboard', canActivate: [dashboardGuard], component: StubPageComponent, data: { text: 'dash' } },
          { path: '**', component: StubPageComponent },
        ]),
        {
          provide: AuthService,
          useValue: {
            isAuthenticated: signedIn,
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
          } satisfies Partial<AuthService>,
        },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router).url;
  }

  beforeEach(() => signedIn.set(true));

  it('opens the dashboard for a user who may read stock', async () => {
    expect(await land('/', [Permission.InventoryStockRead, Permission.CatalogProductsRead])).toBe('/dashboard');
  });

  it('sends a user without stock access to the first page they may open, not to a forbidden page', async () => {
    expect(await land('/', [Permission.CatalogProductsRead])).toBe('/products');
  });

  it('sends a user who may open none of the navigation to their profile', async () => {
    expect(await land('/dashboard', [])).toBe('/profile');
  });

  it('sends a visitor who is not signed in to the login page', async () => {
    signedIn.set(false);
    expect(await land('/dashboard', [])).toBe('/login?returnUrl=%2Fdashboard');
  });
});
