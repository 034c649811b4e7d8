import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@depot/contracts';

import { currentUser, problemBody, tokenResponse } from '../../../../testing/test-helpers';
import { LoginNoticeService } from '../../../core/auth/login-notice.service';
import { INVALID_MFA_CODE_MESSAGE, LoginPageComponent, OUTAGE_MESSAGE } from './login-page.component';
import { StubPageComponent } from '../../../../testing/stub-page.component';

describe('LoginPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'login', component: LoginPageComponent },
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

  function fill(root: HTMLElement, email: string, password: string): void {
    for (const [selector, value] of [
      ['input[type="email"]', email],
      ['input[type="password"]', password],
    ]) {
      const input = root.querySelector<HTMLInputElement>(selector);
      if (!input) {
        throw new Error(`missing ${selector}`);
      }
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  function submit(root: HTMLElement): void {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  }

  it('signs in and goes back to the page that asked for it', async () => {
    await harness.navigateByUrl('/login?returnUrl=%2Fproducts%3Fq%3Dbolt');
    const root = await render();
    expect(root.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Sign in');

    fill(root, 'admin@depot.local', 'depot-demo-password');
    submit(root);
    http.expectOne('/api/v1/auth/login').flush(tokenResponse('t'));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    await render();

    expect(router.url).toBe('/products?q=bolt');
  });

  it('goes to the start page (the dashboard) when there is no (safe) return URL', async () => {
    await harness.navigateByUrl('/login?returnUrl=https%3A%2F%2Fevil.example');
    const root = await render();

    fill(root, 'admin@depot.local', 'depot-demo-password');
    submit(root);
    http.expectOne('/api/v1/auth/login').flush(tokenResponse('t'));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
    await render();

    expect(router.url).toBe('/');
  });

  it('shows the server message for a wrong password, ready for another try', async () => {
    await harness.navigateByUrl('/login');
    const root = await render();

    fill(root, 'admin@depot.local', 'wrong-password');
    submit(root);
    http
      .expectOne('/api/v1/auth/login')
      .flush(problemBody(401, 'AUTH.INVALID_CREDENTIALS', 'Invalid email or password.'), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await render();

    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Invalid email or password.');
    expect(document.activeElement).toBe(root.querySelector('input[type="password"]'));
    expect(router.url).toBe('/login');
  });

  it('says how long to wait when throttled', async () => {
    await harness.navigateByUrl('/login');
    const root = await render();

    fill(root, 'admin@depot.local', 'wrong-password');
    submit(root);
    http.expectOne('/api/v1/auth/login').flush(problemBody(429, 'AUTH.TOO_MANY_ATTEMPTS', 'Too many requests.'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '60' },
    });
    await render();

    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Too many sign-in attempts. Try again in 60 seconds.',
    );
  });

  it.each([
    ['answers 503', 503],
    ['cannot be reached', 0],
  ])('says Depot is unavailable when the server %s, and stays ready for another try', async (_name, status) => {
    await harness.navigateByUrl('/login');
    const root = await render();

    fill(root, 'admin@depot.local', 'depot-demo-password');
    submit(root);
    const login = http.expectOne('/api/v1/auth/login');
    if (status === 0) {
      login.error(new ProgressEvent('error'));
    } else {
      login.flush(problemBody(503, 'SERVER.UNAVAILABLE', 'The service is temporarily unavailable; retry shortly.'), {
        status: 503,
        statusText: 'Service Unavailable',
      });
    }
    await render();

    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe(OUTAGE_MESSAGE);
    expect(router.url).toBe('/login');
    expect(root.querySelector<HTMLButtonElement>('button[type="submit"]')?.disabled).toBe(false);
  });

  it('validates the fields before calling the server', async () => {
    await harness.navigateByUrl('/login');
    const root = await render();

    submit(root);
    await render();

    expect(root.textContent).toContain('Enter your email address.');
    expect(root.textContent).toContain('Enter your password.');
    http.expectNone('/api/v1/auth/login');
  });
  describe('with two-factor authentication', () => {
    const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };

    function codeInput(root: HTMLElement): HTMLInputElement {
      const input = root.querySelector<HTMLInputElement>('input[name="mfaCode"]');
      if (!input) {
        throw new Error('no code field');
      }
      return input;
    }

    async function reachCodeStep(): Promise<HTMLElement> {
      await harness.navigateByUrl('/login?returnUrl=%2Fadmin%2Fusers');
      let root = await render();
      fill(root, 'ada@depot.local', 'correct horse battery');
      submit(root);
      http
        .expectOne('/api/v1/auth/login')
        .flush(problemBody(401, 'AUTH.MFA_REQUIRED', 'Enter the code from your authenticator app.'), UNAUTHORIZED);
      root = await render();
      return root;
    }

    function enterCode(root: HTMLElement, code: string): void {
      const input = codeInput(root);
      input.value = code;
      input.dispatchEvent(new Event('input'));
      submit(root);
    }

    it('asks for the code after the password and signs in with both', async () => {
      let root = await reachCodeStep();
      expect(root.textContent).toContain('Two-factor authentication');
      expect(root.querySelector('input[type="password"]')).toBeNull();
      expect(root.querySelector('[role="alert"]')).toBeNull();
      expect(document.activeElement).toBe(codeInput(root));

      enterCode(root, '123 456');
      const login = http.expectOne('/api/v1/auth/login');
      expect(login.request.body).toEqual({
        email: 'ada@depot.local',
        password: 'correct horse battery',
        mfaCode: '123456',
      });
      login.flush(tokenResponse('t'));
      http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.IdentityUsersRead], { mfaEnabled: true }));
      root = await render();

      expect(router.url).toBe('/admin/users');
    });

    it('accepts a recovery code instead', async () => {
      const root = await reachCodeStep();
      enterCode(root, 'abcd-efgh-ijkl');
      const login = http.expectOne('/api/v1/auth/login');
      expect(login.request.body.mfaCode).toBe('abcd-efgh-ijkl');
      login.flush(tokenResponse('t'));
      http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead]));
      await render();
    });

    it('says so when the code is wrong and lets the user try again', async () => {
      let root = await reachCodeStep();
      enterCode(root, '000000');
      http
        .expectOne('/api/v1/auth/login')
        .flush(problemBody(401, 'AUTH.INVALID_MFA_CODE', 'Invalid code.'), UNAUTHORIZED);
      root = await render();

      expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe(INVALID_MFA_CODE_MESSAGE);
      expect(document.activeElement).toBe(codeInput(root));
      expect(router.url).toMatch(/^\/login/);
    });

    it('goes back to the password step on request', async () => {
      let root = await reachCodeStep();
      Array.from(root.querySelectorAll('button'))
        .find((button) => button.textContent?.includes('Use a different account'))
        ?.click();
      root = await render();

      expect(root.querySelector('input[name="mfaCode"]')).toBeNull();
      expect(root.querySelector<HTMLInputElement>('input[type="email"]')?.value).toBe('ada@depot.local');
    });
  });

  it('shows why the user was sent here, once', async () => {
    TestBed.inject(LoginNoticeService).set('Your session has ended. Sign in again to continue.');
    await harness.navigateByUrl('/login');
    const root = await render();

    expect(root.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Your session has ended. Sign in again to continue.',
    );
    expect(TestBed.inject(LoginNoticeService).message()).toBeNull();
  });

  it('links to the forgotten password page', async () => {
    await harness.navigateByUrl('/login');
    const root = await render();
    expect(root.querySelector('a[href="/forgot-password"]')?.textContent?.trim()).toBe('Forgot password?');
  });
});
