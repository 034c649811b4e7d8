import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Permission } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { currentUser, problemBody, settle, tokenResponse } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { MfaSettingsComponent } from './mfa-settings.component';

const SETUP = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  otpauthUrl: 'otpauth://totp/Depot:ada%40depot.local?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Depot',
  qrCodeDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
};

describe('MfaSettingsComponent', () => {
  let http: HttpTestingController;
  let auth: AuthService;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    await signIn({ mfaEnabled: false });
  });

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function signIn(flags: { mfaEnabled: boolean; mfaRequired?: boolean }): Promise<void> {
    const done = firstValueFrom(auth.useTokens(tokenResponse('t')));
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead], flags));
    await done;
  }

  async function create() {
    const fixture = TestBed.createComponent(MfaSettingsComponent);
    await fixture.whenStable();
    return fixture;
  }

  function button(root: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim().includes(text));
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  function typeInto(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (!input) {
      throw new Error(`No input ${selector}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('sets up TOTP: QR code and key, a code to confirm, then the recovery codes once', async () => {
    const fixture = await create();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toContain('Off');

    button(root, 'Set up two-factor authentication').click();
    const setup = http.expectOne('/api/v1/me/mfa/totp/setup');
    expect(setup.request.method).toBe('POST');
    setup.flush(SETUP);
    await fixture.whenStable();

    expect(root.querySelector<HTMLImageElement>('img.qr')?.src).toBe(SETUP.qrCodeDataUrl);
    expect(root.querySelector('img.qr')?.getAttribute('alt')).toMatch(/QR code/);
    expect(root.querySelector('#mfa-secret')?.textContent?.replace(/\s/g, '')).toBe(SETUP.secret);

    typeInto(root, 'input[name="totpCode"]', '123 456');
    button(root, 'Turn on').click();
    const enable = http.expectOne('/api/v1/me/mfa/totp/enable');
    expect(enable.request.body).toEqual({ code: '123456' });
    enable.flush({ recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] });
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead], { mfaEnabled: true }));
    await fixture.whenStable();

    const codes = Array.from(root.querySelectorAll('.codes li')).map((item) => item.textContent?.trim());
    expect(codes).toEqual(['aaaa-bbbb', 'cccc-dddd']);
    expect(root.textContent).toContain('This is the only time they are shown.');
    expect(auth.currentUser()?.mfaEnabled).toBe(true);

    button(root, 'I have saved them').click();
    await fixture.whenStable();
    expect(root.querySelector('.codes')).toBeNull();
    expect(root.textContent).toContain('On');
    expect(root.textContent).not.toContain('aaaa-bbbb');
  });

  it('keeps the setup open with a message on the field when the code is wrong', async () => {
    const fixture = await create();
    const root = fixture.nativeElement as HTMLElement;
    button(root, 'Set up two-factor authentication').click();
    http.expectOne('/api/v1/me/mfa/totp/setup').flush(SETUP);
    await fixture.whenStable();

    typeInto(root, 'input[name="totpCode"]', '000000');
    button(root, 'Turn on').click();
    http
      .expectOne('/api/v1/me/mfa/totp/enable')
      .flush(problemBody(400, 'AUTH.INVALID_MFA_CODE', 'Invalid code.'), { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(root.querySelector('mat-error')?.textContent).toContain('That code did not match.');
    expect(root.querySelector('img.qr')).not.toBeNull();
  });

  it('checks the code has six digits before sending it', async () => {
    const fixture = await create();
    const root = fixture.nativeElement as HTMLElement;
    button(root, 'Set up two-factor authentication').click();
    http.expectOne('/api/v1/me/mfa/totp/setup').flush(SETUP);
    await fixture.whenStable();

    typeInto(root, 'input[name="totpCode"]', '12345');
    button(root, 'Turn on').click();
    await fixture.whenStable();

    expect(root.querySelector('mat-error')?.textContent).toContain('Enter the 6 digits.');
    http.expectNone('/api/v1/me/mfa/totp/enable');
  });

  it('turns MFA off with the password', async () => {
    await signIn({ mfaEnabled: true });
    const fixture = await create();
    const root = fixture.nativeElement as HTMLElement;

    button(root, 'Turn off').click();
    await fixture.whenStable();
    typeInto(root, 'input[name="mfaPassword"]', 'wrong');
    button(root, 'Turn off two-factor authentication').click();
    http.expectOne('/api/v1/me/mfa/disable').flush(
      problemBody(400, 'IDENTITY.WRONG_PASSWORD', 'The password is not correct.', {
        errors: [{ field: 'password', message: 'password is not correct' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(root.querySelector('mat-error')?.textContent).toContain('The password is not correct.');

    typeInto(root, 'input[name="mfaPassword"]', 'depot-demo-password');
    button(root, 'Turn off two-factor authentication').click();
    const disable = http.expectOne('/api/v1/me/mfa/disable');
    expect(disable.request.body).toEqual({ password: 'depot-demo-password' });
    disable.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/v1/auth/me').flush(currentUser([Permission.CatalogProductsRead], { mfaEnabled: false }));
    await fixture.whenStable();
    await settle();

    expect(root.textContent).toContain('Set up two-factor authentication');
  });

  it('does not offer to turn MFA off when a role requires it', async () => {
    await signIn({ mfaEnabled: true, mfaRequired: true });
    const fixture = await create();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.textContent).toContain('cannot be turned off');
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent?.includes('Turn off'))).toBe(false);
  });
});
