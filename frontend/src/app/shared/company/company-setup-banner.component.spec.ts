import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Permission } from '@depot/contracts';

import { companySettingsDto, emptyCompanySettingsDto } from '../../../testing/company-settings-data';
import { problemBody, settle } from '../../../testing/test-helpers';
import { AuthService } from '../../core/auth/auth.service';
import { CompanySetupBannerComponent } from './company-setup-banner.component';

const SETTINGS_URL = '/api/v1/settings/company';

describe('CompanySetupBannerComponent', () => {
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(() => {
    permissions.set(new Set([Permission.InventoryStockRead, Permission.SettingsCompanyManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(CompanySetupBannerComponent);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function update(root: HTMLElement): Promise<HTMLElement> {
    await settle();
    TestBed.tick();
    return root;
  }

  it('asks an admin to fill in the company details, naming what is missing, with a link to them', async () => {
    const root = await render();
    http.expectOne(SETTINGS_URL).flush(emptyCompanySettingsDto({ missing: ['legalName', 'vatIdOrTaxNumber', 'iban'] }));
    await update(root);

    const banner = root.querySelector('[role="status"]');
    expect(banner?.textContent).toContain('Fill in your company details before issuing the first invoice.');
    expect(banner?.textContent).toContain('Still missing: legal name, VAT ID or tax number, and IBAN.');
    expect(banner?.querySelector('a')?.getAttribute('href')).toBe('/admin/settings');
  });

  it('says nothing once the company can issue invoices', async () => {
    const root = await render();
    http.expectOne(SETTINGS_URL).flush(companySettingsDto());
    await update(root);
    expect(root.textContent?.trim()).toBe('');
  });

  it('asks nothing of the server for users who may not edit the settings', async () => {
    permissions.set(new Set([Permission.InventoryStockRead]));
    const root = await render();
    http.expectNone(SETTINGS_URL);
    expect(root.textContent?.trim()).toBe('');
  });

  it('stays quiet when the settings cannot be read', async () => {
    const root = await render();
    http
      .expectOne(SETTINGS_URL)
      .flush(problemBody(503, 'SERVER.UNAVAILABLE', 'Down.'), { status: 503, statusText: 'Unavailable' });
    await update(root);
    expect(root.textContent?.trim()).toBe('');
  });
});
