import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type CurrentUserDto, type RoleDto, type SessionDto } from '@depot/contracts';

import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { currentUser, problemBody, settle, userDto, pageOf } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { UserDetailComponent } from './user-detail.component';

const ROLES = [
  { name: 'admin', description: 'Everything', permissions: [] },
  { name: 'clerk', description: 'Catalog work', permissions: [] },
  { name: 'viewer', description: 'Read-only', permissions: [] },
] as unknown as RoleDto[];

const SESSION: SessionDto = {
  id: 's-1',
  createdAt: '2026-01-02T10:00:00.000Z',
  lastUsedAt: '2026-01-02T11:00:00.000Z',
  expiresAt: '2026-02-02T10:00:00.000Z',
  ip: '198.51.100.2',
  userAgent: 'curl/8.5.0',
  current: false,
};

describe('UserDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());
  const me = signal<CurrentUserDto | null>(currentUser([]));

  beforeEach(async () => {
    permissions.set(
      new Set([
        Permission.IdentityUsersRead,
        Permission.IdentityUsersManage,
        Permission.IdentityRolesRead,
        Permission.IdentitySessionsManage,
      ]),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin/users/:id', component: UserDetailComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            currentUser: me,
            hasPermission: (permission: Permission) => permissions().has(permission),
          } satisfies Partial<AuthService>,
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
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

  async function open(): Promise<HTMLElement> {
    await harness.navigateByUrl('/admin/users/u-1');
    http.expectOne('/api/v1/roles').flush(pageOf(ROLES));
    http.expectOne('/api/v1/users/u-1').flush(userDto());
    http.expectOne('/api/v1/users/u-1/sessions').flush(pageOf([SESSION]));
    return render();
  }

  function roleBox(root: HTMLElement, name: string): HTMLInputElement {
    const box = Array.from(root.querySelectorAll('mat-checkbox')).find(
      (checkbox) => checkbox.querySelector('.role-name')?.textContent?.trim() === name,
    );
    return box!.querySelector('input')!;
  }

  function button(root: ParentNode, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  async function confirm(label: string): Promise<void> {
    await render();
    button(document.querySelector('mat-dialog-container')!, label).click();
    await settle();
  }

  it('replaces the roles with the version it loaded', async () => {
    let root = await open();
    expect(roleBox(root, 'clerk').checked).toBe(true);
    expect(button(root, 'Save roles').disabled).toBe(true);

    roleBox(root, 'viewer').click();
    root = await render();
    button(root, 'Save roles').click();

    const request = http.expectOne('/api/v1/users/u-1/roles');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ version: 2, roles: ['clerk', 'viewer'] });
    request.flush(userDto({ roles: ['clerk', 'viewer'], version: 3 }));
    root = await render();
    expect(root.textContent).toContain('version 3');
    expect(button(root, 'Save roles').disabled).toBe(true);
  });

  it('explains a conflict and reloads the latest roles on request', async () => {
    let root = await open();
    roleBox(root, 'admin').click();
    root = await render();
    button(root, 'Save roles').click();
    http
      .expectOne('/api/v1/users/u-1/roles')
      .flush(problemBody(409, 'REQUEST.VERSION_CONFLICT', 'Stale.'), { status: 409, statusText: 'Conflict' });
    root = await render();

    expect(root.textContent).toContain('This user was changed by someone else');
    button(root, 'Reload latest').click();
    http.expectOne('/api/v1/users/u-1').flush(userDto({ roles: ['viewer'], version: 5 }));
    root = await render();
    expect(roleBox(root, 'viewer').checked).toBe(true);
    expect(roleBox(root, 'admin').checked).toBe(false);
    expect(root.textContent).not.toContain('This user was changed by someone else');
  });

  it('disables the user after confirmation', async () => {
    let root = await open();
    button(root, 'Disable user').click();
    await confirm('Disable user');

    http.expectOne('/api/v1/users/u-1/disable').flush(userDto({ status: 'disabled', version: 3 }));
    http.expectOne('/api/v1/users/u-1/sessions').flush(pageOf([]));
    root = await render();
    expect(root.textContent).toContain('Disabled');
    expect(button(root, 'Enable user')).toBeTruthy();
  });

  it('resets the second factor of a user who has one', async () => {
    await harness.navigateByUrl('/admin/users/u-1');
    http.expectOne('/api/v1/roles').flush(pageOf(ROLES));
    http.expectOne('/api/v1/users/u-1').flush(userDto({ mfaEnabled: true }));
    http.expectOne('/api/v1/users/u-1/sessions').flush(pageOf([]));
    let root = await render();

    button(root, 'Reset two-factor').click();
    await confirm('Reset two-factor');
    http.expectOne('/api/v1/users/u-1/mfa/reset').flush(userDto({ mfaEnabled: false, version: 3 }));
    http.expectOne('/api/v1/users/u-1').flush(userDto({ mfaEnabled: false, version: 3 }));
    root = await render();
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent?.includes('Reset two-factor'))).toBe(
      false,
    );
  });

  it('ends one session, and all of them after confirmation', async () => {
    let root = await open();
    root.querySelector<HTMLButtonElement>('tr.session-row button')?.click();
    const one = http.expectOne('/api/v1/users/u-1/sessions/s-1');
    expect(one.request.method).toBe('DELETE');
    one.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/v1/users/u-1/sessions').flush(pageOf([SESSION]));
    root = await render();

    button(root, 'End all sessions').click();
    await confirm('End all sessions');
    const all = http.expectOne(
      (request) => request.method === 'DELETE' && request.url === '/api/v1/users/u-1/sessions',
    );
    all.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/v1/users/u-1/sessions').flush(pageOf([]));
    root = await render();
    expect(root.textContent).toContain('No active sessions.');
  });

  it('shows roles read-only and no actions to readers', async () => {
    permissions.set(new Set([Permission.IdentityUsersRead]));
    await harness.navigateByUrl('/admin/users/u-1');
    http.expectOne('/api/v1/users/u-1').flush(userDto());
    const root = await render();

    expect(root.querySelector('mat-checkbox')).toBeNull();
    expect(root.textContent).toContain('clerk');
    expect(root.textContent).not.toContain('Disable user');
    expect(root.textContent).not.toContain('Sessions');
  });

  it("shows the user's history to auditors only", async () => {
    const root = await open();
    expect(root.textContent).not.toContain('History');

    permissions.set(new Set([...permissions(), Permission.AuditRead]));
    await render();
    http
      .expectOne((request) => request.url === '/api/v1/audit-events' && request.params.get('entityType') === 'user')
      .flush({
        items: [
          {
            id: 'a-1',
            occurredAt: '2026-11-23T10:00:00.000Z',
            actorType: 'user',
            actorId: 'u-admin',
            actorLabel: 'admin@depot.local',
            action: 'identity.user.roles_changed',
            entityType: 'user',
            entityId: 'u-1',
            changes: { roles: { before: ['viewer'], after: ['clerk'] } },
            requestId: 'r-1',
            ip: '127.0.0.1',
          },
        ],
        nextCursor: null,
      });
    await render();
    expect(root.textContent).toContain('History');
    expect(root.textContent).toContain('User roles changed');
    expect(root.textContent).not.toContain('identity.user.roles_changed');
  });
});
