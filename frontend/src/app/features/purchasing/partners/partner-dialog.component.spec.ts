import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, PARTNER_LIMITS } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { problemBody, settle } from '../../../../testing/test-helpers';
import { button, field, typeInto } from '../../inventory/testing/inventory-fixtures';
import { SUPPLIER_ID, partner } from '../testing/purchasing-fixtures';
import { openPartnerDialog, partnerConflictMessage } from './partner-dialog.component';

// Material dialogs render slowly in jsdom.
jest.setTimeout(20_000);

describe('PartnerDialogComponent', () => {
  let http: HttpTestingController;
  let dialog: MatDialog;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    dialog = TestBed.inject(MatDialog);
  });

  afterEach(() => {
    http.verify();
    dialog.closeAll();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  function pane(): HTMLElement {
    const element = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!element) {
      throw new Error('no dialog');
    }
    return element;
  }

  async function render(): Promise<void> {
    TestBed.tick();
    await settle();
  }

  function errorOf(label: string): string | undefined {
    return field(pane(), label).querySelector('mat-error')?.textContent?.trim();
  }

  it('creates a supplier with an upper-case code, trimmed text and empty fields as null', async () => {
    const closed = firstValueFrom(openPartnerDialog(dialog, { kind: 'supplier' }));
    await render();
    expect(pane().querySelector('h2')?.textContent).toBe('New supplier');
    typeInto(pane(), 'Code', 'acme-1');
    typeInto(pane(), 'Name', '  Acme Supplies ');
    typeInto(pane(), 'E-mail', 'orders@acme.test');
    typeInto(pane(), 'Payment terms', '14');
    await render();
    expect(pane().querySelector('mat-slide-toggle')).toBeNull();
    button(pane(), 'Create supplier').click();

    const request = http.expectOne('/api/v1/suppliers');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      code: 'ACME-1',
      name: 'Acme Supplies',
      contactName: null,
      email: 'orders@acme.test',
      phone: null,
      billingAddress: null,
      shippingAddress: null,
      taxId: null,
      paymentTermsDays: 14,
      notes: null,
    });
    request.flush(partner({ code: 'ACME-1' }), { status: 201, statusText: 'Created' });
    await render();
    await expect(closed).resolves.toMatchObject({ code: 'ACME-1' });
  });

  it('creates customers at /customers', async () => {
    void firstValueFrom(openPartnerDialog(dialog, { kind: 'customer' }));
    await render();
    expect(pane().querySelector('h2')?.textContent).toBe('New customer');
    typeInto(pane(), 'Code', 'BIGSHOP');
    typeInto(pane(), 'Name', 'Big Shop');
    button(pane(), 'Create customer').click();
    http.expectOne('/api/v1/customers').flush(partner({ kind: 'customer' }), { status: 201, statusText: 'Created' });
    await render();
  });

  it('checks the shared limits before sending anything', async () => {
    void firstValueFrom(openPartnerDialog(dialog, { kind: 'supplier' }));
    await render();
    typeInto(pane(), 'Code', '-BAD CODE');
    typeInto(pane(), 'Name', 'N'.repeat(PARTNER_LIMITS.nameMaxLength + 1));
    typeInto(pane(), 'E-mail', 'not an address');
    typeInto(pane(), 'Payment terms', String(PARTNER_LIMITS.maxPaymentTermsDays + 1));
    await render();
    button(pane(), 'Create supplier').click();
    await render();
    http.expectNone('/api/v1/suppliers');
    expect(errorOf('Code')).toMatch(/upper-case letters, digits/);
    expect(errorOf('Name')).toBe(`Use at most ${PARTNER_LIMITS.nameMaxLength} characters.`);
    expect(errorOf('E-mail')).toBe('Enter an e-mail address like orders@example.com.');
    expect(errorOf('Payment terms')).toBe(
      `Enter a whole number of days from 0 to ${PARTNER_LIMITS.maxPaymentTermsDays}.`,
    );

    typeInto(pane(), 'Code', 'C'.repeat(PARTNER_LIMITS.codeMaxLength + 1));
    await render();
    expect(errorOf('Code')).toBe(`Use at most ${PARTNER_LIMITS.codeMaxLength} characters.`);
  });

  it('shows a taken code at the field', async () => {
    void firstValueFrom(openPartnerDialog(dialog, { kind: 'supplier' }));
    await render();
    typeInto(pane(), 'Code', 'ACME');
    typeInto(pane(), 'Name', 'Another Acme');
    button(pane(), 'Create supplier').click();
    http
      .expectOne('/api/v1/suppliers')
      .flush(problemBody(409, ErrorCode.PartnerCodeTaken, 'The code ACME is already used.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await render();
    expect(errorOf('Code')).toBe('The code ACME is already used.');
  });

  it('edits with the loaded version, explains a conflict and loads the latest version', async () => {
    const closed = firstValueFrom(openPartnerDialog(dialog, { kind: 'supplier', partner: partner({ version: 3 }) }));
    await render();
    expect(pane().querySelector('h2')?.textContent).toBe('Edit supplier');
    expect(field(pane(), 'Code').querySelector('input')?.value).toBe('ACME');
    pane().querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    typeInto(pane(), 'Contact', 'Road Runner');
    await render();
    button(pane(), 'Save').click();

    const stale = http.expectOne(`/api/v1/suppliers/${SUPPLIER_ID}`);
    expect(stale.request.method).toBe('PATCH');
    expect(stale.request.body).toMatchObject({ version: 3, contactName: 'Road Runner', active: false });
    stale.flush(problemBody(409, ErrorCode.VersionConflict, 'Stale'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(pane().querySelector('[role="alert"]')?.textContent).toContain(partnerConflictMessage('supplier'));
    expect(button(pane(), 'Save').disabled).toBe(true);

    button(pane(), 'Load latest').click();
    http.expectOne(`/api/v1/suppliers/${SUPPLIER_ID}`).flush(partner({ version: 4, name: 'Acme Supplies GmbH' }));
    await render();
    expect(pane().textContent).not.toContain(partnerConflictMessage('supplier'));
    expect(field(pane(), 'Name').querySelector('input')?.value).toBe('Acme Supplies GmbH');

    button(pane(), 'Save').click();
    const retry = http.expectOne(`/api/v1/suppliers/${SUPPLIER_ID}`);
    expect(retry.request.body).toMatchObject({ version: 4, name: 'Acme Supplies GmbH' });
    retry.flush(partner({ version: 5 }));
    await render();
    await expect(closed).resolves.toMatchObject({ version: 5 });
  });
});
