import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { Permission, type CreatedApiKeyDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { settle } from '../../../../../testing/test-helpers';
import {
  type CreateApiKeyDialogResult,
  KEY_SHOWN_ONCE_WARNING,
  openCreateApiKeyDialog,
} from './create-api-key-dialog.component';

const CREATED: CreatedApiKeyDto = {
  id: 'k-1',
  name: 'Shop import',
  prefix: 'dpk_3f9a1c2b',
  scopes: [Permission.CatalogProductsRead],
  createdAt: '2026-01-02T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  key: 'dpk_3f9a1c2b_the-secret-part',
};

describe('CreateApiKeyDialogComponent', () => {
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

  function button(text: string): HTMLButtonElement {
    const found = Array.from(pane().querySelectorAll('button')).find((b) => b.textContent?.trim().includes(text));
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  function scopeLabels(): string[] {
    return Array.from(pane().querySelectorAll('mat-checkbox code')).map((code) => code.textContent?.trim() ?? '');
  }

  /** Opens the dialog; `closed` settles when it closes (wrapped, so awaiting `open` does not wait for it). */
  async function open(held: Permission[]): Promise<{ closed: Promise<CreateApiKeyDialogResult> }> {
    const closed = firstValueFrom(openCreateApiKeyDialog(dialog, { heldPermissions: held }));
    await render();
    return { closed };
  }

  it('offers only the permissions the user holds as scopes', async () => {
    await open([Permission.CatalogProductsRead, Permission.AuditRead]);
    expect(scopeLabels()).toEqual([Permission.CatalogProductsRead, Permission.AuditRead]);
  });

  it('shows the new key once, with a warning, and never hands the secret out of the dialog', async () => {
    const { closed } = await open([Permission.CatalogProductsRead, Permission.CatalogProductsWrite]);

    const name = pane().querySelector<HTMLInputElement>('input[formcontrolname="name"]')!;
    name.value = 'Shop import';
    name.dispatchEvent(new Event('input'));
    pane().querySelector<HTMLElement>('mat-checkbox input')?.click();
    await render();
    button('Create key').click();

    const request = http.expectOne('/api/v1/api-keys');
    expect(request.request.body).toEqual({ name: 'Shop import', scopes: [Permission.CatalogProductsRead] });
    request.flush(CREATED);
    await render();

    expect(pane().querySelector<HTMLInputElement>('input.key')?.value).toBe(CREATED.key);
    expect(pane().textContent).toContain(KEY_SHOWN_ONCE_WARNING);
    expect(button('Copy')).toBeTruthy();

    button('Done, I have copied it').click();
    await render();
    const result = await closed;
    expect(result).toMatchObject({ id: 'k-1', prefix: 'dpk_3f9a1c2b' });
    expect(JSON.stringify(result)).not.toContain('the-secret-part');
    expect(document.body.textContent).not.toContain('the-secret-part');

    // Opening the dialog again starts from the form: the key is gone for good.
    await open([Permission.CatalogProductsRead]);
    expect(pane().querySelector('input.key')).toBeNull();
    expect(pane().textContent).toContain('Create an API key');
  });

  it('needs a name and at least one scope', async () => {
    await open([Permission.CatalogProductsRead]);
    button('Create key').click();
    await render();

    expect(pane().textContent).toContain('Give the key a name.');
    expect(pane().textContent).toContain('Choose at least one scope.');
    http.expectNone('/api/v1/api-keys');
  });

  it('sends the chosen expiry date as the end of that day', async () => {
    await open([Permission.CatalogProductsRead]);
    const name = pane().querySelector<HTMLInputElement>('input[formcontrolname="name"]')!;
    name.value = 'Temporary';
    name.dispatchEvent(new Event('input'));
    button('Select all').click();
    const expiry = pane().querySelector<HTMLInputElement>('input[type="date"]')!;
    expiry.value = '2099-05-01';
    expiry.dispatchEvent(new Event('input'));
    await render();
    button('Create key').click();

    const request = http.expectOne('/api/v1/api-keys');
    expect(new Date(request.request.body.expiresAt as string)).toEqual(new Date(2099, 4, 1, 23, 59, 59));
    request.flush({ ...CREATED, name: 'Temporary' });
    await render();
  });

  it('cancels without creating anything', async () => {
    const { closed } = await open([Permission.CatalogProductsRead]);
    button('Cancel').click();
    await render();
    await expect(closed).resolves.toBeUndefined();
    http.expectNone('/api/v1/api-keys');
  });
});
