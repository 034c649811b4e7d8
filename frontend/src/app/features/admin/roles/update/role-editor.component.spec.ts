import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PERMISSION_CATALOGUE, Permission, type RoleDto } from '@depot/contracts';

import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { problemBody, settle, pageOf } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { ROLE_IN_USE_MESSAGE, RoleEditorComponent } from './role-editor.component';

function role(overrides: Partial<RoleDto> = {}): RoleDto {
  return {
    id: 'r-1',
    name: 'warehouse-lead',
    description: 'Leads a warehouse team',
    permissions: [Permission.CatalogProductsRead],
    requireMfa: false,
    builtIn: false,
    userCount: 2,
    version: 3,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

describe('RoleEditorComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.IdentityRolesRead, Permission.IdentityRolesManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin/roles/new', component: RoleEditorComponent },
          { path: 'admin/roles/:id', component: RoleEditorComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            currentUser: signal(null),
          } satisfies Partial<AuthService>,
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function open(loaded: RoleDto): Promise<HTMLElement> {
    await harness.navigateByUrl(`/admin/roles/${loaded.id}`);
    http.expectOne('/api/v1/permissions').flush(pageOf(PERMISSION_CATALOGUE));
    http.expectOne(`/api/v1/roles/${loaded.id}`).flush(loaded);
    return render();
  }

  function input(root: HTMLElement, name: string): HTMLInputElement {
    return root.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
  }

  function permissionBox(root: HTMLElement, permission: Permission): HTMLInputElement {
    const box = Array.from(root.querySelectorAll('mat-checkbox')).find(
      (checkbox) => checkbox.querySelector('code')?.textContent?.trim() === permission,
    );
    return box!.querySelector('input')!;
  }

  function mfaToggle(root: HTMLElement): HTMLButtonElement {
    return root.querySelector<HTMLButtonElement>('mat-slide-toggle button')!;
  }

  function button(root: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  it('saves a custom role with its permission matrix and the version it was loaded with', async () => {
    let root = await open(role());

    permissionBox(root, Permission.CatalogProductsWrite).click();
    mfaToggle(root).click();
    root = await render();
    button(root, 'Save').click();

    const request = http.expectOne('/api/v1/roles/r-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      version: 3,
      name: 'warehouse-lead',
      description: 'Leads a warehouse team',
      permissions: [Permission.CatalogProductsRead, Permission.CatalogProductsWrite],
      requireMfa: true,
    });
    request.flush(role({ version: 4, requireMfa: true }));
    root = await render();
    expect(root.textContent).toContain('version 4');
  });

  it('shows a built-in role read-only except for "require MFA", and saves only that', async () => {
    let root = await open(role({ id: 'r-admin', name: 'admin', builtIn: true, permissions: [Permission.AuditRead] }));

    expect(root.textContent).toContain('Built-in roles keep their name and permissions');
    expect(input(root, 'name').disabled).toBe(true);
    expect(input(root, 'description').disabled).toBe(true);
    expect(permissionBox(root, Permission.AuditRead).checked).toBe(true);
    expect(permissionBox(root, Permission.AuditRead).disabled).toBe(true);
    expect(mfaToggle(root).disabled).toBe(false);
    expect(root.textContent).not.toContain('Delete role');

    mfaToggle(root).click();
    root = await render();
    button(root, 'Save').click();
    const request = http.expectOne('/api/v1/roles/r-admin');
    expect(request.request.body).toEqual({ version: 3, requireMfa: true });
    request.flush(role({ id: 'r-admin', name: 'admin', builtIn: true, requireMfa: true, version: 4 }));
    await render();
  });

  it('creates a role and opens it', async () => {
    await harness.navigateByUrl('/admin/roles/new');
    http.expectOne('/api/v1/permissions').flush(pageOf(PERMISSION_CATALOGUE));
    let root = await render();

    input(root, 'name').value = 'auditor';
    input(root, 'name').dispatchEvent(new Event('input'));
    permissionBox(root, Permission.AuditRead).click();
    root = await render();
    button(root, 'Create role').click();

    const request = http.expectOne('/api/v1/roles');
    expect(request.request.body).toEqual({
      name: 'auditor',
      description: '',
      permissions: [Permission.AuditRead],
      requireMfa: false,
    });
    request.flush(role({ id: 'r-new', name: 'auditor', permissions: [Permission.AuditRead] }));
    await render();
    expect(router.url).toBe('/admin/roles/r-new');
    http.expectOne('/api/v1/permissions').flush(pageOf(PERMISSION_CATALOGUE));
    http.expectOne('/api/v1/roles/r-new').flush(role({ id: 'r-new', name: 'auditor' }));
    await render();
  });

  it('puts a taken name on the name field', async () => {
    await harness.navigateByUrl('/admin/roles/new');
    http.expectOne('/api/v1/permissions').flush(pageOf(PERMISSION_CATALOGUE));
    let root = await render();
    input(root, 'name').value = 'clerk';
    input(root, 'name').dispatchEvent(new Event('input'));
    button(root, 'Create role').click();
    http
      .expectOne('/api/v1/roles')
      .flush(problemBody(409, 'IDENTITY.ROLE_NAME_TAKEN', 'A role named "clerk" already exists.'), {
        status: 409,
        statusText: 'Conflict',
      });
    root = await render();

    expect(root.querySelector('mat-error')?.textContent?.trim()).toBe('A role named "clerk" already exists.');
  });

  it('explains why a role that users still hold cannot be deleted', async () => {
    let root = await open(role());

    button(root, 'Delete role').click();
    await render();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button'))
      .find((b) => b.textContent?.trim() === 'Delete role')
      ?.click();
    await settle();
    http
      .expectOne((request) => request.method === 'DELETE' && request.url === '/api/v1/roles/r-1')
      .flush(problemBody(409, 'IDENTITY.ROLE_IN_USE', 'Role in use.'), { status: 409, statusText: 'Conflict' });
    root = await render();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(ROLE_IN_USE_MESSAGE);
    expect(router.url).toBe('/admin/roles/r-1');
  });

  it('lets readers look but not change', async () => {
    permissions.set(new Set([Permission.IdentityRolesRead]));
    const root = await open(role());

    expect(input(root, 'name').disabled).toBe(true);
    expect(permissionBox(root, Permission.CatalogProductsRead).disabled).toBe(true);
    expect(root.textContent).toContain('You can view this role but not change it.');
    expect(root.querySelector('button[type="submit"]')).toBeNull();
  });

  it("shows the role's history to auditors only", async () => {
    permissions.set(new Set([Permission.IdentityRolesRead]));
    const root = await open(role());
    expect(root.querySelector('app-record-history')).toBeNull();

    permissions.set(new Set([Permission.IdentityRolesRead, Permission.AuditRead]));
    await render();
    http
      .expectOne((request) => request.url === '/api/v1/audit-events' && request.params.get('entityId') === 'r-1')
      .flush({ items: [], nextCursor: null });
    await render();
    expect(root.querySelector('app-record-history')).not.toBeNull();
    expect(root.textContent).toContain('History');
  });
});
