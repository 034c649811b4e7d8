import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { StubPageComponent } from '../../../../testing/stub-page.component';
import { ForgotPasswordPageComponent } from './forgot-password-page.component';

describe('ForgotPasswordPageComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'forgot-password', component: ForgotPasswordPageComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('asks for a link and always gives the same answer', async () => {
    await harness.navigateByUrl('/forgot-password');
    let root = await render();
    const input = root.querySelector<HTMLInputElement>('input[type="email"]')!;
    input.value = ' someone@depot.local ';
    input.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

    const request = http.expectOne('/api/v1/auth/password/forgot');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'someone@depot.local' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    root = await render();

    expect(root.querySelector('[role="status"]')?.textContent).toContain(
      'If an account exists for someone@depot.local, we have sent it an e-mail',
    );
    expect(root.querySelector('form')).toBeNull();
  });

  it('validates the address before asking the server', async () => {
    await harness.navigateByUrl('/forgot-password');
    let root = await render();
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    root = await render();

    expect(root.textContent).toContain('Enter your email address.');
    http.expectNone('/api/v1/auth/password/forgot');
  });
});
