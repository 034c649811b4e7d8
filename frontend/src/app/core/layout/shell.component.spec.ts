import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type CurrentUserDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { provideFakeRealtime } from '../../../testing/fake-realtime';
import { StubPageComponent } from '../../../testing/stub-page.component';
import { currentUser, tokenResponse } from '../../../testing/test-helpers';
import { AuthService } from '../auth/auth.service';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function start(user: CurrentUserDto, url = '/products'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: '',
            component: ShellComponent,
            children: [
              { path: 'profile', component: StubPageComponent, data: { text: 'profile page' } },
              { path: '**', component: StubPageComponent, data: { text: 'some page' } },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthService);
    const signedIn = firstValueFrom(auth.useTokens(tokenResponse('t')));
    http.expectOne('/api/v1/auth/me').flush(user);
    await signedIn;
    harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return harness.fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  function navLabels(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('nav a[mat-list-item]')).map((link) => link.textContent?.trim() ?? '');
  }

  it('shows only the navigation entries the user has permission for', async () => {
    const root = await start(currentUser([Permission.CatalogProductsRead, Permission.IdentityUsersRead]));

    expect(navLabels(root)).toEqual(['Products', 'Categories', 'Users']);
    expect(root.textContent).toContain('Administration');
  });

  it('has no administration group for users without admin permissions', async () => {
    const root = await start(currentUser([Permission.CatalogProductsRead]));

    expect(navLabels(root)).toEqual(['Products', 'Categories']);
    expect(root.textContent).not.toContain('Administration');
  });

  it('offers the mailbox only when the server has one', async () => {
    const root = await start(currentUser([Permission.DevMailboxRead, Permission.AuditRead]));
    http.expectOne('/api/v1/dev/mailbox?limit=1').flush([]);
    await harness.fixture.whenStable();

    expect(navLabels(root)).toEqual(['Audit log', 'Mailbox']);
  });

  it('leaves the mailbox out when the server answers 404', async () => {
    const root = await start(currentUser([Permission.DevMailboxRead]));
    http.expectOne('/api/v1/dev/mailbox?limit=1').flush({}, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();

    expect(navLabels(root)).toEqual([]);
  });

  it('blocks every page but the profile until a required MFA is set up', async () => {
    const root = await start(currentUser([Permission.CatalogProductsRead], { mfaRequired: true, mfaEnabled: false }));

    expect(root.textContent).toContain('Set up two-factor authentication');
    expect(root.textContent).not.toContain('some page');
    expect(root.querySelector('a[href="/profile#mfa"]')).not.toBeNull();

    await harness.navigateByUrl('/profile');
    await harness.fixture.whenStable();
    expect(root.textContent).toContain('profile page');
    expect(root.querySelector('.mfa-required')).toBeNull();
  });
});
