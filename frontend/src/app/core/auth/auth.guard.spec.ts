import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@depot/contracts';
import { type Observable, ReplaySubject, of } from 'rxjs';

import { authGuard, guestGuard } from './auth.guard';
import { permissionGuard } from './permission.guard';
import { AuthService } from './auth.service';
import { safeReturnUrl } from './login-redirect';
import { StubPageComponent } from '../../../testing/stub-page.component';
import { settle } from '../../../testing/test-helpers';

describe('auth guards', () => {
  const authenticated = signal(false);
  const permissions = signal<ReadonlySet<Permission>>(new Set());
  /** The start-up session restore: answered at once unless a test holds it back. */
  let restored: Observable<boolean>;
  let harness: RouterTestingHarness;
  let router: Router;

  beforeEach(async () => {
    authenticated.set(false);
    permissions.set(new Set());
    restored = of(false);
    TestBed.configureTestingModule({
      providers: [
        provideLocationMocks(),
        provideRouter([
          { path: 'login', component: StubPageComponent, data: { text: 'login' }, canActivate: [guestGuard] },
          { path: 'forbidden', component: StubPageComponent, data: { text: 'forbidden' } },
          { path: 'home', component: StubPageComponent, data: { text: 'page' }, canActivate: [authGuard] },
          {
            path: 'products/new',
            component: StubPageComponent,
            data: { text: 'page' },
            canActivate: [authGuard, permissionGuard(Permission.CatalogProductsWrite)],
          },
        ]),
        {
          provide: AuthService,
          useValue: {
            isAuthenticated: authenticated,
            whenRestored: () => restored,
            hasPermission: (permission: Permission) => permissions().has(permission),
          } satisfies Partial<AuthService>,
        },
      ],
    });
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  it('sends signed-out users to the login page with a return URL', async () => {
    await harness.navigateByUrl('/products/new?copy=1');
    expect(router.url).toBe('/login?returnUrl=%2Fproducts%2Fnew%3Fcopy%3D1');
  });

  it('shows the forbidden page without changing the address when a permission is missing', async () => {
    authenticated.set(true);
    permissions.set(new Set([Permission.CatalogProductsRead]));

    await harness.navigateByUrl('/products/new');

    expect(harness.routeNativeElement?.textContent).toContain('forbidden');
    expect(TestBed.inject(Location).path()).toBe('/products/new');
  });

  it('lets users with the permission through', async () => {
    authenticated.set(true);
    permissions.set(new Set([Permission.CatalogProductsWrite]));

    await harness.navigateByUrl('/products/new');

    expect(harness.routeNativeElement?.textContent).toContain('page');
  });

  it('waits for the start-up session restore (e.g. through an outage) before it decides', async () => {
    const restore = new ReplaySubject<boolean>(1);
    restored = restore;
    const navigation = router.navigateByUrl('/home');
    await settle();
    expect(router.url).toBe('/');

    authenticated.set(true);
    restore.next(true);
    restore.complete();
    await navigation;

    expect(router.url).toBe('/home');
  });

  it('sends the user to the login page only once the server said there is no session', async () => {
    const restore = new ReplaySubject<boolean>(1);
    restored = restore;
    const navigation = router.navigateByUrl('/home');
    await settle();
    expect(router.url).toBe('/');

    restore.next(false);
    restore.complete();
    await navigation;

    expect(router.url).toBe('/login?returnUrl=%2Fhome');
  });

  it('keeps signed-in users away from the login page', async () => {
    authenticated.set(true);
    await harness.navigateByUrl('/home');
    await harness.navigateByUrl('/login');
    expect(router.url).not.toContain('/login');
  });
});

describe('safeReturnUrl', () => {
  it.each([
    ['/products?q=bolt', '/products?q=bolt'],
    ['/products/1/edit', '/products/1/edit'],
    [null, '/products'],
    ['', '/products'],
    ['https://evil.example/phish', '/products'],
    ['//evil.example', '/products'],
    ['/\\evil.example', '/products'],
    ['javascript:alert(1)', '/products'],
    ['/login?returnUrl=/x', '/products'],
  ])('accepts only app paths: %s -> %s', (value, expected) => {
    expect(safeReturnUrl(value, '/products')).toBe(expected);
  });
});
