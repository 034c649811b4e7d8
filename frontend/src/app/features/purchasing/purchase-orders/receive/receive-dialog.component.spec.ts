import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, type PurchaseOrderDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { problemBody, settle } from '../../../../../testing/test-helpers';
import { button, choose, field, typeInto, warehouse } from '../../../inventory/testing/inventory-fixtures';
import { UNKNOWN_OUTCOME_MESSAGE } from '../../../inventory/stock-dialogs/stock-dialog-data';
import { ORDER_ID, orderLine, purchaseOrder } from '../../testing/purchasing-fixtures';
import { NOTHING_TO_RECEIVE_MESSAGE, openReceiveDialog } from './receive-dialog.component';

const RECEIPTS_URL = `/api/v1/purchase-orders/${ORDER_ID}/receipts`;

/** Submitted, 4 of 10 chairs already received; 2 boxes open; a third line fully received. */
function partlyReceived(): PurchaseOrderDto {
  return purchaseOrder({
    status: 'partially_received',
    lines: [
      orderLine({ receivedQuantity: 4, openQuantity: 6 }),
      orderLine({
        id: 'line-2',
        lineNo: 2,
        productId: 'p-box',
        sku: 'BOX-CARD-S',
        productName: 'Box',
        quantity: 2,
        openQuantity: 2,
      }),
      orderLine({
        id: 'line-3',
        lineNo: 3,
        productId: 'p-tape',
        sku: 'TAPE-PP-50',
        productName: 'Tape',
        quantity: 5,
        receivedQuantity: 5,
        openQuantity: 0,
      }),
    ],
  });
}

// Material dialogs and selects render slowly in jsdom.
jest.setTimeout(20_000);

describe('ReceiveDialogComponent', () => {
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

  async function open(order = partlyReceived()) {
    const closed = firstValueFrom(openReceiveDialog(dialog, { order }));
    await render();
    http
      .expectOne((request) => request.url === '/api/v1/warehouses' && request.params.get('active') === 'true')
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B', name: 'Warehouse B' })], nextCursor: null });
    await render();
    return { closed };
  }

  function quantity(sku: string): HTMLInputElement {
    return field(pane(), `Receive ${sku}`).querySelector('input')!;
  }

  function errorOf(label: string): string | undefined {
    return field(pane(), label).querySelector('mat-error')?.textContent?.trim();
  }

  it('presets the order’s warehouse and every open line’s open quantity, and leaves out closed lines', async () => {
    await open();
    expect(field(pane(), 'Warehouse').textContent).toContain('WH-A');
    expect(quantity('CHAIR-OAK-01').value).toBe('6');
    expect(quantity('BOX-CARD-S').value).toBe('2');
    expect(field(pane(), 'Receive CHAIR-OAK-01').textContent).toContain('6 open of 10');
    expect(pane().textContent).not.toContain('TAPE-PP-50');
    expect(pane().textContent).toContain('8 units');
  });

  it('receives what was entered into the chosen warehouse, with an idempotency key', async () => {
    const { closed } = await open();
    typeInto(pane(), 'Receive CHAIR-OAK-01', '2');
    typeInto(pane(), 'Receive BOX-CARD-S', '0');
    await choose(pane(), 'Warehouse', 'WH-B', render);
    typeInto(pane(), 'Note (optional)', ' Delivery note 4711 ');
    await render();
    expect(pane().textContent).toContain('2 units');

    button(pane(), 'Receive goods').click();
    const request = http.expectOne(RECEIPTS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    // Lines with nothing to receive are not sent.
    expect(request.request.body).toEqual({
      warehouseId: 'w-b',
      lines: [{ lineId: 'line-1', quantity: 2 }],
      note: 'Delivery note 4711',
    });
    const after = purchaseOrder({ status: 'partially_received', version: 3 });
    request.flush(after);
    await render();
    await expect(closed).resolves.toEqual(after);
  });

  it('allows at most the open quantity of a line, and needs something to receive', async () => {
    await open();
    typeInto(pane(), 'Receive CHAIR-OAK-01', '7');
    typeInto(pane(), 'Receive BOX-CARD-S', '-1');
    await render();
    expect(errorOf('Receive CHAIR-OAK-01')).toBe('At most 6: that is all that is still open.');
    expect(errorOf('Receive BOX-CARD-S')).toBe('Enter a whole number of 0 or more.');
    button(pane(), 'Receive goods').click();
    await render();
    http.expectNone(RECEIPTS_URL);

    typeInto(pane(), 'Receive CHAIR-OAK-01', '0');
    typeInto(pane(), 'Receive BOX-CARD-S', '0');
    await render();
    button(pane(), 'Receive goods').click();
    await render();
    expect(pane().textContent).toContain(NOTHING_TO_RECEIVE_MESSAGE);
    http.expectNone(RECEIPTS_URL);
  });

  it('retries with the same key after a network error, so the goods are booked once', async () => {
    const { closed } = await open();
    button(pane(), 'Receive goods').click();
    const first = http.expectOne(RECEIPTS_URL);
    const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    first.error(new ProgressEvent('error'));
    await render();
    expect(pane().textContent).toContain(UNKNOWN_OUTCOME_MESSAGE);

    button(pane(), 'Receive goods').click();
    const second = http.expectOne(RECEIPTS_URL);
    expect(second.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
    expect(second.request.body).toEqual({
      warehouseId: 'w-a',
      lines: [
        { lineId: 'line-1', quantity: 6 },
        { lineId: 'line-2', quantity: 2 },
      ],
    });
    second.flush(purchaseOrder({ status: 'received' }));
    await render();
    await expect(closed).resolves.toMatchObject({ status: 'received' });
  });

  it('explains when someone else received the goods first', async () => {
    await open();
    button(pane(), 'Receive goods').click();
    http
      .expectOne(RECEIPTS_URL)
      .flush(problemBody(409, ErrorCode.OrderLineQuantityExceeded, 'Line 1 has only 1 open.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await render();
    expect(pane().textContent).toContain('Line 1 has only 1 open. Close this dialog to see the order as it is now.');
  });

  it('shows an inactive warehouse at the field', async () => {
    await open();
    button(pane(), 'Receive goods').click();
    http.expectOne(RECEIPTS_URL).flush(problemBody(409, ErrorCode.WarehouseInactive, 'Warehouse WH-A is inactive.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await render();
    expect(errorOf('Warehouse')).toBe('Warehouse WH-A is inactive.');
  });
});
