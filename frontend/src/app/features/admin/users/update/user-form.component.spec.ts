import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@depot/contracts';

import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { problemBody, userDto } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { USER_CONFLICT_MESSAGE, UserFormComponent } from './user-form.component';

describe('UserFormComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.IdentityUsersRead, Permission.IdentityUsersManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin/users/new', component: UserFormComponent },
          { path: 'admin/users/:id/edit', component: UserFormComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
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

  function type(root: HTMLElement, name: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) {
      throw new Error(`No input ${name}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function chooseRoles(root: HTMLElement, ...names: string[]): Promise<void> {
    root.querySelector<HTMLElement>('mat-select .mat-mdc-select-trigger')?.click();
    await render();
    for (const name of names) {
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => option.textContent?.trim() === name)
        ?.click();
    }
    await render();
  }

  function submit(root: HTMLElement): void {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  }

  it('creates a user and lets the server e-mail an invitation', async () => {
    await harness.navigateByUrl('/admin/users/new');
    let root = await render();
    type(root, 'email', ' new.clerk@depot.local ');
    type(root, 'displayName', 'New Clerk');
    await chooseRoles(root, 'clerk', 'viewer');
    root = await render();
    submit(root);

    const request = http.expectOne('/api/v1/users');
    expect(request.request.body).toEqual({
      email: 'new.clerk@depot.local',
      displayName: 'New Clerk',
      roles: ['clerk', 'viewer'],
    });
    request.flush(userDto({ id: 'u-9', email: 'new.clerk@depot.local' }));
    await render();
    expect(router.url).toBe('/admin/users/u-9');
  });

  it('sends an initial password when chosen instead of the invitation', async () => {
    await harness.navigateByUrl('/admin/users/new');
    let root = await render();
    expect(root.querySelector('input[formcontrolname="initialPassword"]')).toBeNull();
    type(root, 'email', 'pat@depot.local');
    type(root, 'displayName', 'Pat');
    root.querySelector<HTMLInputElement>('mat-radio-button[value="password"] input')?.click();
    root = await render();
    submit(root);
    root = await render();
    expect(root.textContent).toContain('Initial password is required.');
    http.expectNone('/api/v1/users');

    type(root, 'initialPassword', 'amber kettle 7 orbit');
    submit(root);
    const request = http.expectOne('/api/v1/users');
    expect(request.request.body).toEqual({
      email: 'pat@depot.local',
      displayName: 'Pat',
      roles: [],
      initialPassword: 'amber kettle 7 orbit',
    });
    request.flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'Invalid.', {
        errors: [{ field: 'initialPassword', message: 'This password is too easy to guess.' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    root = await render();
    expect(root.textContent).toContain('This password is too easy to guess.');
  });

  it('puts a taken e-mail address on the e-mail field', async () => {
    await harness.navigateByUrl('/admin/users/new');
    let root = await render();
    type(root, 'email', 'clerk@depot.local');
    type(root, 'displayName', 'Again');
    submit(root);
    http
      .expectOne('/api/v1/users')
      .flush(problemBody(409, 'IDENTITY.EMAIL_TAKEN', 'Another user has this e-mail address.'), {
        status: 409,
        statusText: 'Conflict',
      });
    root = await render();

    const field = root.querySelector('input[formcontrolname="email"]')?.closest('mat-form-field');
    expect(field?.querySelector('mat-error')?.textContent?.trim()).toBe('Another user has this e-mail address.');
  });

  it('edits e-mail and name with the version it loaded, and explains a conflict', async () => {
    await harness.navigateByUrl('/admin/users/u-1/edit');
    http.expectOne('/api/v1/users/u-1').flush(userDto());
    let root = await render();
    expect(root.querySelector('mat-select')).toBeNull();
    type(root, 'displayName', 'Christopher Clerk');
    submit(root);

    const request = http.expectOne('/api/v1/users/u-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 2, email: 'chris@depot.local', displayName: 'Christopher Clerk' });
    request.flush(problemBody(409, 'REQUEST.VERSION_CONFLICT', 'Stale.'), { status: 409, statusText: 'Conflict' });
    root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(USER_CONFLICT_MESSAGE);

    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.includes('Reload latest'))
      ?.click();
    http.expectOne('/api/v1/users/u-1').flush(userDto({ displayName: 'Chris C.', version: 3 }));
    root = await render();
    expect(root.querySelector<HTMLInputElement>('input[formcontrolname="displayName"]')?.value).toBe('Chris C.');
    expect(root.textContent).not.toContain(USER_CONFLICT_MESSAGE);
  });
});
