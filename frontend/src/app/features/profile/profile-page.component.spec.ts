import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type SessionDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { FakeRealtimeService, provideFakeRealtime } from '../../../testing/fake-realtime';
import { StubPageComponent } from '../../../testing/stub-page.component';
import { currentUser, problemBody, settle, tokenResponse, pageOf } from '../../../testing/test-helpers';
import { AuthService } from '../../core/auth/auth.service';
import { LoginNoticeService } from '../../core/auth/login-notice.service';
import { ProfilePageComponent, SIGNED_OUT_EVERYWHERE_NOTICE } from './profile-page.component';

function session(overrides: Partial<SessionDto> = {}): SessionDto {
  return {
    id: 's-1',
    createdAt: '2026-01-02T10:00:00.000Z',
    lastUsedAt: '2026-01-02T11:00:00.000Z',
    expiresAt: '2026-02-02T10:00:00.000Z',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36',
    current: true,
    ...overrides,
  };
}

describe('ProfilePageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  let auth: AuthService;
  let realtime: FakeRealtimeService;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'profile', component: ProfilePageComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    auth = TestBed.inject(AuthService);
    realtime = TestBed.inject(FakeRealtimeService);
    const signedIn = firstValueFrom(auth.useTokens(tokenResponse('old-token')));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    await signedIn;
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
    await harness.navigateByUrl('/profile');
    http
      .expectOne('/api/v1/me/sessions')
      .flush(pageOf([session(), session({ id: 's-2', current: false, userAgent: 'curl/8.5.0', ip: '198.51.100.2' })]));
    return render();
  }

  function typeInto(root: HTMLElement, name: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function button(root: ParentNode, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  it('lists the sessions, marking this one, and ends another', async () => {
    let root = await open();

    const rows = root.querySelectorAll('tr.session-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Chrome on Linux');
    expect(rows[0].textContent).toContain('This session');
    expect(rows[0].querySelector('button')).toBeNull();

    rows[1].querySelector('button')?.click();
    const end = http.expectOne('/api/v1/me/sessions/s-2');
    expect(end.request.method).toBe('DELETE');
    end.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/v1/me/sessions').flush(pageOf([session()]));
    root = await render();
    expect(root.querySelectorAll('tr.session-row')).toHaveLength(1);
  });

  it('changes the password and carries on with the new tokens', async () => {
    let root = await open();
    typeInto(root, 'currentPassword', 'depot-demo-password');
    typeInto(root, 'newPassword', 'violet tractor umbrella 42');
    button(root, 'Change password').click();

    expect(realtime.suspended).toBe(true);
    const change = http.expectOne('/api/v1/me/password');
    expect(change.request.body).toEqual({
      currentPassword: 'depot-demo-password',
      newPassword: 'violet tractor umbrella 42',
    });
    change.flush(tokenResponse('new-token'));
    expect(auth.accessToken()).toBe('new-token');
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    http.expectOne('/api/v1/me/sessions').flush(pageOf([session({ id: 's-3' })]));
    root = await render();
    await settle();

    expect(realtime.suspended).toBe(false);
    expect(auth.isAuthenticated()).toBe(true);
    expect(router.url).toBe('/profile');
  });

  it('shows the password policy and a wrong current password on the fields', async () => {
    let root = await open();
    typeInto(root, 'currentPassword', 'not-it');
    typeInto(root, 'newPassword', 'password1234');
    button(root, 'Change password').click();
    http.expectOne('/api/v1/me/password').flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'The request has 1 invalid field.', {
        errors: [{ field: 'newPassword', message: 'This password is too common.' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    root = await render();
    expect(root.textContent).toContain('This password is too common.');
    expect(realtime.suspended).toBe(false);

    typeInto(root, 'newPassword', 'violet tractor umbrella 42');
    button(root, 'Change password').click();
    http.expectOne('/api/v1/me/password').flush(
      problemBody(400, 'IDENTITY.WRONG_PASSWORD', 'The current password is not correct.', {
        errors: [{ field: 'currentPassword', message: 'currentPassword is not correct' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    root = await render();
    expect(root.textContent).toContain('The current password is not correct.');
    expect(auth.accessToken()).toBe('old-token');
  });

  it('signs out everywhere after confirmation', async () => {
    const root = await open();
    button(root, 'Sign out everywhere').click();
    await render();
    button(document.querySelector('mat-dialog-container')!, 'Sign out everywhere').click();
    await settle();

    const request = http.expectOne(
      (candidate) => candidate.url === '/api/v1/me/sessions' && candidate.method === 'DELETE',
    );
    request.flush(null, { status: 204, statusText: 'No Content' });
    await render();

    expect(auth.isAuthenticated()).toBe(false);
    expect(router.url).toBe('/login');
    expect(TestBed.inject(LoginNoticeService).take()).toBe(SIGNED_OUT_EVERYWHERE_NOTICE);
  });

  it('saves the display name and shows it everywhere', async () => {
    let root = await open();
    typeInto(root, 'displayName', '  Ada Lovelace ');
    root = await render();
    button(root, 'Save name').click();

    const request = http.expectOne('/api/v1/me/profile');
    expect(request.request.body).toEqual({ displayName: 'Ada Lovelace' });
    request.flush({ displayName: 'Ada Lovelace' });
    http.expectOne('/api/v1/auth/me').flush(currentUser([], { displayName: 'Ada Lovelace' }));
    root = await render();

    expect(auth.currentUser()?.displayName).toBe('Ada Lovelace');
    expect(root.querySelector<HTMLInputElement>('input[formcontrolname="displayName"]')?.value).toBe('Ada Lovelace');
  });
});
