import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, WAREHOUSE_LIMITS } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { problemBody, settle } from '../../../../testing/test-helpers';
import { button, field, typeInto, warehouse } from '../testing/inventory-fixtures';
import { WAREHOUSE_CONFLICT_MESSAGE, openWarehouseDialog } from './warehouse-dialog.component';

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('WarehouseDialogComponent', () => {
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

  function errorOf(label: string): string | null {
    return field(pane(), label).querySelector('mat-error')?.textContent?.trim() ?? null;
  }

  it('creates a warehouse with an upper-case code', async () => {
    const closed = firstValueFrom(openWarehouseDialog(dialog, {}));
    await render();
    typeInto(pane(), 'Code', 'ber-1');
    typeInto(pane(), 'Name', ' Berlin ');
    await render();
    expect(pane().querySelector('mat-slide-toggle')).toBeNull();
    button(pane(), 'Create warehouse').click();

    const request = http.expectOne('/api/v1/warehouses');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ code: 'BER-1', name: 'Berlin', address: null });
    request.flush(warehouse({ code: 'BER-1', name: 'Berlin' }), { status: 201, statusText: 'Created' });
    await render();
    await expect(closed).resolves.toMatchObject({ code: 'BER-1' });
  });

  it('checks the code against the shared pattern and length', async () => {
    void firstValueFrom(openWarehouseDialog(dialog, {}));
    await render();
    typeInto(pane(), 'Code', '-BAD CODE');
    await render();
    expect(errorOf('Code')).toMatch(/upper-case letters, digits/);

    typeInto(pane(), 'Code', 'A'.repeat(WAREHOUSE_LIMITS.codeMaxLength + 1));
    await render();
    expect(errorOf('Code')).toBe(`Use at most ${WAREHOUSE_LIMITS.codeMaxLength} characters.`);
    button(pane(), 'Create warehouse').click();
    await render();
    http.expectNone('/api/v1/warehouses');
  });

  it('shows a taken code at the field', async () => {
    void firstValueFrom(openWarehouseDialog(dialog, {}));
    await render();
    typeInto(pane(), 'Code', 'WH-A');
    typeInto(pane(), 'Name', 'Another A');
    button(pane(), 'Create warehouse').click();
    http
      .expectOne('/api/v1/warehouses')
      .flush(problemBody(409, ErrorCode.WarehouseCodeTaken, 'The code WH-A is already used.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await render();
    expect(errorOf('Code')).toBe('The code WH-A is already used.');
  });

  it('edits with the loaded version, explains a conflict and loads the latest version', async () => {
    const closed = firstValueFrom(openWarehouseDialog(dialog, { warehouse: warehouse({ version: 3 }) }));
    await render();
    pane().querySelector<HTMLButtonElement>('mat-slide-toggle button')?.click();
    typeInto(pane(), 'Name', 'Warehouse A (closed)');
    await render();
    button(pane(), 'Save').click();

    const stale = http.expectOne('/api/v1/warehouses/w-a');
    expect(stale.request.method).toBe('PATCH');
    expect(stale.request.body).toEqual({
      version: 3,
      code: 'WH-A',
      name: 'Warehouse A (closed)',
      address: null,
      active: false,
    });
    stale.flush(problemBody(409, ErrorCode.VersionConflict, 'Stale'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(pane().textContent).toContain(WAREHOUSE_CONFLICT_MESSAGE);
    expect(button(pane(), 'Save').disabled).toBe(true);

    button(pane(), 'Load latest').click();
    http.expectOne('/api/v1/warehouses/w-a').flush(warehouse({ version: 4, name: 'Warehouse A, renamed' }));
    await render();
    expect(pane().textContent).not.toContain(WAREHOUSE_CONFLICT_MESSAGE);
    expect(field(pane(), 'Name').querySelector('input')?.value).toBe('Warehouse A, renamed');

    button(pane(), 'Save').click();
    const retry = http.expectOne('/api/v1/warehouses/w-a');
    expect(retry.request.body).toMatchObject({ version: 4 });
    retry.flush(warehouse({ version: 5, name: 'Warehouse A, renamed' }));
    await render();
    await expect(closed).resolves.toMatchObject({ version: 5 });
  });
});
