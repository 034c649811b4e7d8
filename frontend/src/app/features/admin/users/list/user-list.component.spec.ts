import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type Page, type RoleDto, type UserDto } from '@depot/contracts';

import { provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { AuthService } from '../../../../core/auth/auth.service';
import { UserListComponent } from './user-list.component';
import { pageOf } from '../../../../../testing/test-helpers';

function user(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    email: 'ada@depot.local',
    displayName: 'Ada Admin',
    status: 'active',
    roles: ['admin'],
    mfaEnabled: false,
    mustChangePassword: false,
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

function page(items: UserDto[], nextCursor: string | null, total?: number): Page<UserDto> {
  return { items, nextCursor, ...(total === undefined ? {} : { total }) };
}

describe('UserListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.IdentityUsersRead, Permission.IdentityUsersManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin/users', component: UserListComponent },
          { path: 'admin/users/:id', component: StubPageComponent },
        ]),
        provideLocationMocks(),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
            currentUser: signal(null),
          } satisfies Partial<AuthService>,
        },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // The saved-views menu of the toolbar asks for the list's views.
    for (const request of http.match((candidate) => candidate.url === '/api/v1/saved-views')) {
      if (!request.cancelled) {
        request.flush({ items: [], nextCursor: null });
      }
    }
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  function expectList(): TestRequest {
    return http.expectOne((request) => request.url === '/api/v1/users');
  }

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function params(): URLSearchParams {
    return new URLSearchParams(router.url.split('?')[1] ?? '');
  }

  async function choose(root: HTMLElement, label: string, option: string): Promise<void> {
    const field = Array.from(root.querySelectorAll('mat-form-field')).find(
      (candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label,
    );
    field?.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((candidate) => candidate.textContent?.trim() === option)
      ?.click();
    await render();
  }

  it('lists users with their roles and status, and the total', async () => {
    await harness.navigateByUrl('/admin/users');
    const request = expectList();
    expect(request.request.params.toString()).toBe('limit=25&includeTotal=true&sort=email');
    request.flush(
      page([user(), user({ id: 'u-2', email: 'vic@depot.local', roles: [], status: 'disabled' })], null, 2),
    );
    const root = await render();

    const rows = root.querySelectorAll('tr.user-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('admin');
    expect(rows[1].textContent).toContain('Disabled');
    expect(rows[1].textContent).toContain('none');
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('1–2 of 2');
    expect(root.querySelector('a[href="/admin/users/new"]')).not.toBeNull();
  });

  it('restores search, role, status, sort and cursor from the URL', async () => {
    await harness.navigateByUrl('/admin/users?q=ada&role=clerk&status=disabled&sort=-createdAt&cursor=c2');
    const request = expectList();
    expect(
      Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)])),
    ).toEqual({
      limit: '25',
      includeTotal: 'true',
      sort: '-createdAt',
      q: 'ada',
      role: 'clerk',
      status: 'disabled',
      cursor: 'c2',
    });
    request.flush(page([], null));
    const root = await render();
    expect(root.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('ada');
  });

  it('puts the role filter, taken from the roles, into the URL and starts from the first page', async () => {
    permissions.set(new Set([...permissions(), Permission.IdentityRolesRead]));
    await harness.navigateByUrl('/admin/users?cursor=c2');
    expectList().flush(page([user()], null));
    http
      .expectOne('/api/v1/roles')
      .flush(pageOf([{ name: 'admin' }, { name: 'warehouse-lead' }] as Partial<RoleDto>[]));
    const root = await render();

    await choose(root, 'Role', 'warehouse-lead');

    expect(params().get('role')).toBe('warehouse-lead');
    expect(params().has('cursor')).toBe(false);
    expect(expectList().request.params.get('role')).toBe('warehouse-lead');
  });

  it('puts the status filter into the URL', async () => {
    await harness.navigateByUrl('/admin/users');
    expectList().flush(page([user()], null, 1));
    const root = await render();

    await choose(root, 'Status', 'Disabled');

    expect(router.url).toBe('/admin/users?status=disabled');
    expectList().flush(page([], null, 0));
  });

  it('pages forward with the next cursor', async () => {
    await harness.navigateByUrl('/admin/users?limit=10');
    expectList().flush(page([user()], 'c2', 30));
    let root = await render();

    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Next')
      ?.click();
    root = await render();

    expect(params().get('cursor')).toBe('c2');
    expect(params().get('limit')).toBe('10');
    expectList().flush(page([user({ id: 'u-11' })], null));
    root = await render();
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('11–11 of 30');
  });

  it('hides "New user" from users who may only read', async () => {
    permissions.set(new Set([Permission.IdentityUsersRead]));
    await harness.navigateByUrl('/admin/users');
    expectList().flush(page([user()], null, 1));
    const root = await render();
    expect(root.textContent).not.toContain('New user');
  });
});
