import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { StubPageComponent } from '../../../../testing/stub-page.component';
import { problemBody } from '../../../../testing/test-helpers';
import { LoginNoticeService } from '../../../core/auth/login-notice.service';
import { PASSWORD_SET_NOTICE, ResetPasswordPageComponent } from './reset-password-page.component';

describe('ResetPasswordPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'reset-password', component: ResetPasswordPageComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function fill(root: HTMLElement, password: string, confirm = password): void {
    const [first, second] = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="password"]'));
    first.value = password;
    first.dispatchEvent(new Event('input'));
    second.value = confirm;
    second.dispatchEvent(new Event('input'));
  }

  function submit(root: HTMLElement): void {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  }

  it('sets the new password with the token from the link and goes to the login page', async () => {
    await harness.navigateByUrl('/reset-password?token=tok-123');
    let root = await render();
    expect(root.querySelector('h1')?.textContent).toBe('Choose a new password');

    fill(root, 'violet tractor umbrella 42');
    submit(root);
    const request = http.expectOne('/api/v1/auth/password/reset');
    expect(request.request.body).toEqual({ token: 'tok-123', newPassword: 'violet tractor umbrella 42' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    root = await render();

    expect(router.url).toBe('/login');
    expect(TestBed.inject(LoginNoticeService).take()).toBe(PASSWORD_SET_NOTICE);
  });

  it('speaks of setting a password for an invitation', async () => {
    await harness.navigateByUrl('/reset-password?token=tok-123&invite=1');
    const root = await render();
    expect(root.querySelector('h1')?.textContent).toBe('Set your password');
    expect(root.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Set password');
  });

  it('checks that both entries match before sending', async () => {
    await harness.navigateByUrl('/reset-password?token=tok-123');
    let root = await render();
    fill(root, 'violet tractor umbrella 42', 'violet tractor umbrella 43');
    submit(root);
    root = await render();

    expect(root.textContent).toContain('The passwords do not match.');
    http.expectNone('/api/v1/auth/password/reset');
  });

  it('shows the password policy message on the field', async () => {
    await harness.navigateByUrl('/reset-password?token=tok-123');
    let root = await render();
    fill(root, 'password1234');
    submit(root);
    http.expectOne('/api/v1/auth/password/reset').flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'The request has 1 invalid field.', {
        errors: [{ field: 'newPassword', message: 'This password is too common.' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    root = await render();

    const field = root.querySelector('mat-form-field');
    expect(field?.querySelector('mat-error')?.textContent?.trim()).toBe('This password is too common.');
    expect(router.url).toMatch(/^\/reset-password/);
  });

  it('explains an expired or used link and offers a new one', async () => {
    await harness.navigateByUrl('/reset-password?token=old');
    let root = await render();
    fill(root, 'violet tractor umbrella 42');
    submit(root);
    http
      .expectOne('/api/v1/auth/password/reset')
      .flush(problemBody(400, 'AUTH.INVALID_PASSWORD_TOKEN', 'Invalid or expired token.'), {
        status: 400,
        statusText: 'Bad Request',
      });
    root = await render();

    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('This link has expired or was already used.');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('/forgot-password');
  });

  it('says so when the link has no token', async () => {
    await harness.navigateByUrl('/reset-password');
    const root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('This link is incomplete.');
    expect(root.querySelector('form')).toBeNull();
  });
});
