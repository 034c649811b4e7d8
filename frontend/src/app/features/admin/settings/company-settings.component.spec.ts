import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { COMPANY_LIMITS, COMPANY_SETTINGS_ID, Permission, type CompanySettingsDto } from '@depot/contracts';

import { companySettingsDto, emptyCompanySettingsDto } from '../../../../testing/company-settings-data';
import { problemBody, settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { button, choose, field, typeInto } from '../../inventory/testing/inventory-fixtures';
import { COMPANY_CONFLICT_MESSAGE, CompanySettingsComponent } from './company-settings.component';

const SETTINGS_URL = '/api/v1/settings/company';
const LOGO_URL = `${SETTINGS_URL}/logo`;

describe('CompanySettingsComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.SettingsCompanyManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/settings', component: CompanySettingsComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
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
    await settle();
    harness.fixture.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  async function open(settings: CompanySettingsDto = companySettingsDto()): Promise<HTMLElement> {
    await harness.navigateByUrl('/admin/settings');
    http.expectOne(SETTINGS_URL).flush(settings);
    return render();
  }

  function input(root: HTMLElement, label: string): HTMLInputElement {
    return field(root, label).querySelector<HTMLInputElement>('input, textarea')!;
  }

  function snackBarText(): string {
    return document.querySelector('.cdk-overlay-container')?.textContent ?? '';
  }

  function chooseLogo(root: HTMLElement, file: File): void {
    const fileInput = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
    fileInput.dispatchEvent(new Event('change'));
  }

  function png(bytes = 64): File {
    return new File([new Uint8Array(bytes)], 'logo.png', { type: 'image/png' });
  }

  it('shows the stored settings in sections with clear headings, with nothing to save yet', async () => {
    const root = await open();
    expect(button(root, 'Save changes').disabled).toBe(true);
    expect(root.querySelector('h1')?.textContent).toContain('Company settings');
    expect(Array.from(root.querySelectorAll('h2')).map((heading) => heading.textContent?.trim())).toEqual([
      'Company',
      'Address',
      'Tax',
      'Contact',
      'Bank account',
      'Documents',
      'Logo',
    ]);
    expect(input(root, 'Legal name').value).toBe('Depot Demo GmbH');
    expect(input(root, 'IBAN').value).toBe('DE89370400440532013000');
    expect(field(root, 'Country').textContent).toContain('Germany');
    expect(field(root, 'Default language').textContent).toContain('English');
    expect(field(root, 'Default currency').textContent).toContain('EUR – Euro');
    expect(field(root, 'Invoices').textContent).toContain(`Numbers look like INV-${new Date().getFullYear()}-000001`);
    expect(root.querySelector('.missing')).toBeNull();
    expect(root.textContent).toContain('No logo yet');
  });

  it('offers the countries by name and the languages in their own words', async () => {
    const root = await open();
    field(root, 'Default language').querySelector<HTMLElement>('.mat-mdc-select-trigger')!.click();
    await render();
    expect(Array.from(document.querySelectorAll('mat-option')).map((option) => option.textContent?.trim())).toEqual([
      'English',
      'Deutsch',
    ]);
    document.querySelector('.cdk-overlay-container')?.replaceChildren();

    await choose(root, 'Country', 'Austria', render);
    expect(field(root, 'Country').textContent).toContain('Austria');
  });

  it('lists in words what invoices still need while the settings are incomplete', async () => {
    const root = await open(emptyCompanySettingsDto({ missing: ['legalName', 'vatIdOrTaxNumber', 'iban'] }));
    const banner = root.querySelector('.missing')!;
    expect(banner.textContent).toContain('Invoices cannot be issued yet.');
    expect(Array.from(banner.querySelectorAll('li')).map((item) => item.textContent?.trim())).toEqual([
      'legal name',
      'VAT ID or tax number',
      'IBAN',
    ]);
  });

  it('saves every field with the version it loaded, shows the answer and confirms it', async () => {
    let root = await open(emptyCompanySettingsDto());
    typeInto(root, 'Legal name', ' Depot Demo GmbH ');
    typeInto(root, 'IBAN', 'DE89 3704 0044 0532 0130 00');
    root = await render();
    button(root, 'Save changes').click();
    root = await render();
    expect(button(root, 'Saving…').disabled).toBe(true);

    const request = http.expectOne(SETTINGS_URL);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual(
      expect.objectContaining({
        version: 1,
        legalName: 'Depot Demo GmbH',
        iban: 'DE89 3704 0044 0532 0130 00',
        street: null,
        countryCode: null,
        paymentTermsDays: 14,
        numberPrefixes: { invoice: 'INV', credit_note: 'CN', sales_order: 'SO', purchase_order: 'PO' },
      }),
    );
    request.flush(
      emptyCompanySettingsDto({
        legalName: 'Depot Demo GmbH',
        iban: 'DE89370400440532013000',
        missing: ['street', 'postalCode', 'city', 'countryCode', 'vatIdOrTaxNumber'],
        version: 2,
      }),
    );
    root = await render();
    expect(input(root, 'IBAN').value).toBe('DE89370400440532013000');
    // Nothing left to save until the next change.
    expect(button(root, 'Save changes').disabled).toBe(true);
    expect(root.textContent).not.toContain('You have unsaved changes.');
    expect(root.querySelector('.missing')?.textContent).not.toContain('IBAN');
    expect(snackBarText()).toContain('Saved the company settings.');
  });

  it('drops unsaved changes on request', async () => {
    let root = await open();
    typeInto(root, 'City', 'Hamburg');
    root = await render();
    expect(root.textContent).toContain('You have unsaved changes.');
    button(root, 'Discard changes').click();
    root = await render();
    expect(input(root, 'City').value).toBe('Berlin');
    expect(button(root, 'Save changes').disabled).toBe(true);
    http.expectNone(SETTINGS_URL);
  });

  it('sends nothing while a field is invalid and says which', async () => {
    let root = await open();
    typeInto(root, 'Invoices', 'IN-V');
    typeInto(root, 'Payment terms (days)', '400');
    root = await render();
    button(root, 'Save changes').click();
    root = await render();
    http.expectNone(SETTINGS_URL);
    expect(field(root, 'Invoices').textContent).toContain('Use 1 to 8 capital letters or digits');
    expect(field(root, 'Invoices').textContent).not.toContain('Numbers look like');
    expect(field(root, 'Payment terms (days)').textContent).toContain('from 0 to 365');
    expect(root.textContent).toContain('Please correct the highlighted fields.');
  });

  it("puts the server's field errors on their fields", async () => {
    let root = await open();
    typeInto(root, 'IBAN', 'DE00 1234');
    root = await render();
    button(root, 'Save changes').click();
    http.expectOne(SETTINGS_URL).flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'The request is not valid.', {
        errors: [
          { field: 'iban', message: 'iban: not a valid IBAN (check digits or length)', code: 'isIban' },
          {
            field: 'numberPrefixes.invoice',
            message: 'a number prefix is 1 to 8 upper-case letters or digits',
            code: 'matches',
          },
          { field: 'website', message: 'website must be a URL address', code: 'isUrl' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    root = await render();
    expect(field(root, 'IBAN').textContent).toContain('Not a valid IBAN (check digits or length)');
    expect(field(root, 'Invoices').textContent).toContain('A number prefix is 1 to 8 upper-case letters or digits');
    expect(field(root, 'Website').textContent).toContain('The website must be a URL address');
    expect(root.textContent).toContain('Please correct the highlighted fields.');

    // Editing the field clears the server's message.
    typeInto(root, 'IBAN', 'DE89370400440532013000');
    root = await render();
    expect(field(root, 'IBAN').textContent).not.toContain('Not a valid IBAN');
  });

  it('tells the user to reload after someone else saved, and reloads on request', async () => {
    let root = await open();
    typeInto(root, 'City', 'Hamburg');
    root = await render();
    button(root, 'Save changes').click();
    http
      .expectOne(SETTINGS_URL)
      .flush(problemBody(409, 'REQUEST.VERSION_CONFLICT', 'Stale.'), { status: 409, statusText: 'Conflict' });
    root = await render();
    expect(root.textContent).toContain(COMPANY_CONFLICT_MESSAGE);
    expect(button(root, 'Save changes').disabled).toBe(true);

    button(root, 'Reload').click();
    const reload = http.expectOne(SETTINGS_URL);
    expect(reload.request.method).toBe('GET');
    reload.flush(companySettingsDto({ city: 'Potsdam', version: 4 }));
    root = await render();
    expect(root.textContent).not.toContain(COMPANY_CONFLICT_MESSAGE);
    expect(input(root, 'City').value).toBe('Potsdam');
    typeInto(root, 'City', 'Hamburg');
    root = await render();
    expect(button(root, 'Save changes').disabled).toBe(false);
  });

  it('treats a failed precondition as the same conflict', async () => {
    let root = await open();
    typeInto(root, 'Phone', '+49 30 1234567');
    root = await render();
    button(root, 'Save changes').click();
    http
      .expectOne(SETTINGS_URL)
      .flush(problemBody(409, 'REQUEST.PRECONDITION_FAILED', 'Stale.'), { status: 409, statusText: 'Conflict' });
    root = await render();
    expect(root.textContent).toContain(COMPANY_CONFLICT_MESSAGE);
  });

  it('uploads a PNG logo as the request body and shows it', async () => {
    let root = await open();
    chooseLogo(root, png());
    const request = http.expectOne(LOGO_URL);
    expect(request.request.method).toBe('PUT');
    expect(request.request.headers.get('Content-Type')).toBe('image/png');
    expect(request.request.body).toBeInstanceOf(File);
    request.flush(companySettingsDto({ logoUrl: '/api/v1/settings/company/logo/abc.png', version: 4 }));
    root = await render();
    expect(root.querySelector<HTMLImageElement>('.logo-preview img')?.getAttribute('src')).toBe(
      '/api/v1/settings/company/logo/abc.png',
    );
    expect(button(root, 'Replace logo')).toBeTruthy();
    expect(snackBarText()).toContain('Uploaded the new logo.');
  });

  it('refuses a file of another type or too large before sending it', async () => {
    let root = await open();
    chooseLogo(root, new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    root = await render();
    expect(root.querySelector('.logo-error')?.textContent).toContain('The logo must be a PNG or JPEG image.');

    chooseLogo(root, png(COMPANY_LIMITS.logoMaxBytes + 1));
    root = await render();
    expect(root.querySelector('.logo-error')?.textContent).toContain('the logo may be at most 512 KB');
    http.expectNone(LOGO_URL);
  });

  it("explains the server's refusal of a logo", async () => {
    let root = await open();
    chooseLogo(root, png());
    http.expectOne(LOGO_URL).flush(problemBody(400, 'REQUEST.BAD_REQUEST', 'The file is not a PNG or JPEG image.'), {
      status: 400,
      statusText: 'Bad Request',
    });
    root = await render();
    expect(root.querySelector('.logo-error')?.textContent).toContain('could not be read as a PNG or JPEG image');

    chooseLogo(root, png());
    http
      .expectOne(LOGO_URL)
      .flush(problemBody(413, 'REQUEST.PAYLOAD_TOO_LARGE', 'Too large.'), { status: 413, statusText: 'Too Large' });
    root = await render();
    expect(root.querySelector('.logo-error')?.textContent).toContain('This image is too large');
  });

  it('keeps unsaved edits when the logo changes, and saves them at the new version', async () => {
    let root = await open();
    typeInto(root, 'City', 'Hamburg');
    root = await render();
    chooseLogo(root, png());
    http.expectOne(LOGO_URL).flush(companySettingsDto({ logoUrl: '/logo/1.png', version: 4 }));
    root = await render();
    expect(input(root, 'City').value).toBe('Hamburg');

    button(root, 'Save changes').click();
    const request = http.expectOne(SETTINGS_URL);
    expect(request.request.body).toEqual(expect.objectContaining({ version: 4, city: 'Hamburg' }));
    request.flush(companySettingsDto({ city: 'Hamburg', logoUrl: '/logo/1.png', version: 5 }));
    await render();
  });

  it('removes the logo after confirmation', async () => {
    let root = await open(companySettingsDto({ logoUrl: '/logo/1.png' }));
    button(root, 'Remove logo').click();
    await render();
    button(document.querySelector('mat-dialog-container')!, 'Remove logo').click();
    await settle();
    const request = http.expectOne(LOGO_URL);
    expect(request.request.method).toBe('DELETE');
    request.flush(companySettingsDto({ logoUrl: null, version: 4 }));
    root = await render();
    expect(root.querySelector('.logo-preview img')).toBeNull();
    expect(root.textContent).toContain('No logo yet');
  });

  it("shows the settings' history to auditors", async () => {
    const root = await open();
    expect(root.querySelector('app-record-history')).toBeNull();

    permissions.set(new Set([Permission.SettingsCompanyManage, Permission.AuditRead]));
    await render();
    http
      .expectOne(
        (request) =>
          request.url === '/api/v1/audit-events' &&
          request.params.get('entityType') === 'company_settings' &&
          request.params.get('entityId') === COMPANY_SETTINGS_ID,
      )
      .flush({ items: [], nextCursor: null });
    await render();
    expect(root.querySelector('app-record-history')).not.toBeNull();
  });

  it('offers to try again when the settings cannot be loaded', async () => {
    await harness.navigateByUrl('/admin/settings');
    http
      .expectOne(SETTINGS_URL)
      .flush(problemBody(500, 'SERVER.INTERNAL', 'Something broke.'), { status: 500, statusText: 'Error' });
    let root = await render();
    expect(root.textContent).toContain('Could not load the company settings: Something broke.');
    button(root, 'Retry').click();
    http.expectOne(SETTINGS_URL).flush(companySettingsDto());
    root = await render();
    expect(input(root, 'Legal name').value).toBe('Depot Demo GmbH');
  });
});
