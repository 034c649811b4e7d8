import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, type StockTransferResultDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { problemBody, settle } from '../../../../testing/test-helpers';
import { PRODUCT_ID, button, choose, field, level, movement, typeInto, warehouse } from '../testing/inventory-fixtures';
import { openTransferStockDialog } from './transfer-stock-dialog.component';

const TRANSFERS_URL = '/api/v1/stock/transfers';

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('TransferStockDialogComponent', () => {
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

  async function open() {
    const closed = firstValueFrom(
      openTransferStockDialog(dialog, { productId: PRODUCT_ID, sku: 'WIDGET-1', productName: 'Widget' }),
    );
    await render();
    http
      .expectOne((request) => request.url === '/api/v1/warehouses')
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B', name: 'Warehouse B' })], nextCursor: null });
    http
      .expectOne((request) => request.url === '/api/v1/stock-levels')
      .flush({ items: [level({ available: 8 })], nextCursor: null });
    await render();
    return { closed };
  }

  it('shows what is available in the source and moves a positive quantity to another warehouse', async () => {
    const { closed } = await open();
    await choose(pane(), 'From warehouse', 'WH-A', render);
    expect(field(pane(), 'From warehouse').textContent).toContain('8 available in WH-A');
    await choose(pane(), 'To warehouse', 'WH-B', render);
    typeInto(pane(), 'Quantity', '4');
    await render();
    button(pane(), 'Transfer stock').click();

    const request = http.expectOne(TRANSFERS_URL);
    expect(request.request.body).toEqual({
      productId: PRODUCT_ID,
      fromWarehouseId: 'w-a',
      toWarehouseId: 'w-b',
      quantity: 4,
    });
    expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBeTruthy();
    const result: StockTransferResultDto = {
      transferId: 't-1',
      movements: [
        movement({ id: 'm-out', type: 'transfer_out', onHandChange: -4 }),
        movement({ id: 'm-in', type: 'transfer_in', warehouseId: 'w-b', warehouseCode: 'WH-B', onHandChange: 4 }),
      ],
      from: level({ onHand: 6, available: 4 }),
      to: level({ warehouseId: 'w-b', warehouseCode: 'WH-B', onHand: 4, reserved: 0, available: 4 }),
    };
    request.flush(result, { status: 201, statusText: 'Created' });
    await render();
    await expect(closed).resolves.toEqual(result);
  });

  it('refuses the same warehouse as source and destination without asking the server', async () => {
    await open();
    await choose(pane(), 'From warehouse', 'WH-A', render);
    await choose(pane(), 'To warehouse', 'WH-A', render);
    typeInto(pane(), 'Quantity', '1');
    button(pane(), 'Transfer stock').click();
    await render();

    expect(field(pane(), 'To warehouse').querySelector('mat-error')?.textContent).toContain(
      'Choose a warehouse other than the source.',
    );
    http.expectNone(TRANSFERS_URL);

    await choose(pane(), 'To warehouse', 'WH-B', render);
    expect(field(pane(), 'To warehouse').querySelector('mat-error')).toBeNull();
  });

  it('shows the server’s insufficient-stock detail at the quantity', async () => {
    await open();
    await choose(pane(), 'From warehouse', 'WH-A', render);
    await choose(pane(), 'To warehouse', 'WH-B', render);
    typeInto(pane(), 'Quantity', '50');
    button(pane(), 'Transfer stock').click();
    http.expectOne(TRANSFERS_URL).flush(problemBody(409, ErrorCode.InsufficientStock, 'Only 8 available in WH-A.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await render();

    expect(field(pane(), 'Quantity').querySelector('mat-error')?.textContent).toContain('Only 8 available in WH-A.');
  });
});
