import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, type StockAdjustmentResultDto } from '@depot/contracts';
import { firstValueFrom } from 'rxjs';

import { problemBody, settle } from '../../../../testing/test-helpers';
import { PRODUCT_ID, button, choose, field, level, movement, typeInto, warehouse } from '../testing/inventory-fixtures';
import { openAdjustStockDialog } from './adjust-stock-dialog.component';
import { UNKNOWN_OUTCOME_MESSAGE } from './stock-dialog-data';

const ADJUSTMENTS_URL = '/api/v1/stock/adjustments';

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('AdjustStockDialogComponent', () => {
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

  async function open(preset: { warehouseId?: string; quantity?: number } = {}) {
    const closed = firstValueFrom(
      openAdjustStockDialog(dialog, { productId: PRODUCT_ID, sku: 'WIDGET-1', productName: 'Widget', ...preset }),
    );
    await render();
    http
      .expectOne((request) => request.url === '/api/v1/warehouses' && request.params.get('active') === 'true')
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B', name: 'Warehouse B' })], nextCursor: null });
    http
      .expectOne((request) => request.url === '/api/v1/stock-levels' && request.params.get('productId') === PRODUCT_ID)
      .flush({ items: [level()], nextCursor: null });
    await render();
    return { closed };
  }

  async function fillRemoveFive(): Promise<void> {
    await choose(pane(), 'Warehouse', 'WH-A', render);
    pane().querySelector<HTMLInputElement>('mat-radio-button[value="remove"] input')?.click();
    typeInto(pane(), 'Quantity', '5');
    await choose(pane(), 'Reason', 'Damaged', render);
  }

  function expectAdjustment(): TestRequest {
    return http.expectOne(ADJUSTMENTS_URL);
  }

  it('sends a signed quantity with the reason, an idempotency key, and closes with the result', async () => {
    const { closed } = await open();
    await fillRemoveFive();
    typeInto(pane(), 'Note (optional)', '  fell off the shelf ');
    await render();
    expect(field(pane(), 'Warehouse').textContent).toContain('On hand 10 · reserved 2 · available 8');
    expect(field(pane(), 'Quantity').textContent).toContain('On hand afterwards: 5');

    button(pane(), 'Adjust stock').click();
    const request = expectAdjustment();
    expect(request.request.body).toEqual({
      productId: PRODUCT_ID,
      warehouseId: 'w-a',
      quantity: -5,
      reasonCode: 'damaged',
      note: 'fell off the shelf',
    });
    expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    const result: StockAdjustmentResultDto = {
      movement: movement({ onHandChange: -5, onHandAfter: 5 }),
      level: level({ onHand: 5, available: 3 }),
    };
    request.flush(result, { status: 201, statusText: 'Created' });
    await render();

    await expect(closed).resolves.toEqual(result);
  });

  it('ignores a second click while the first submission is pending', async () => {
    await open();
    await fillRemoveFive();
    button(pane(), 'Adjust stock').click();
    await render();
    expect(button(pane(), 'Adjust stock').disabled).toBe(true);
    button(pane(), 'Adjust stock').click();
    await render();

    expectAdjustment().flush({ movement: movement(), level: level() }, { status: 201, statusText: 'Created' });
    await render();
  });

  it('retries with the same key after a network error, so the change is applied once', async () => {
    await open();
    await fillRemoveFive();
    button(pane(), 'Adjust stock').click();
    const first = expectAdjustment();
    const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    first.error(new ProgressEvent('error'), { status: 0 });
    await render();
    expect(pane().textContent).toContain(UNKNOWN_OUTCOME_MESSAGE);

    button(pane(), 'Adjust stock').click();
    const second = expectAdjustment();
    expect(second.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
    second.flush({ movement: movement(), level: level() }, { status: 201, statusText: 'Created' });
    await render();
  });

  it('shows the insufficient-stock detail at the quantity and uses a new key for the corrected change', async () => {
    await open();
    await fillRemoveFive();
    button(pane(), 'Adjust stock').click();
    const first = expectAdjustment();
    const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    first.flush(problemBody(409, ErrorCode.InsufficientStock, 'Only 10 on hand in WH-A; cannot remove 1000.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await render();
    expect(field(pane(), 'Quantity').querySelector('mat-error')?.textContent).toContain(
      'Only 10 on hand in WH-A; cannot remove 1000.',
    );
    expect(button(pane(), 'Adjust stock').disabled).toBe(false);

    typeInto(pane(), 'Quantity', '3');
    await render();
    button(pane(), 'Adjust stock').click();
    const second = expectAdjustment();
    expect(second.request.body).toMatchObject({ quantity: -3 });
    expect(second.request.headers.get(IDEMPOTENCY_KEY_HEADER)).not.toBe(key);
    second.flush({ movement: movement(), level: level() }, { status: 201, statusText: 'Created' });
    await render();
  });

  it('requires a warehouse, a whole quantity and a reason before sending', async () => {
    await open();
    typeInto(pane(), 'Quantity', '1.5');
    button(pane(), 'Adjust stock').click();
    await render();

    expect(field(pane(), 'Warehouse').querySelector('mat-error')?.textContent).toContain('Choose a warehouse.');
    expect(field(pane(), 'Quantity').querySelector('mat-error')?.textContent).toContain('whole number');
    expect(field(pane(), 'Reason').querySelector('mat-error')?.textContent).toContain('Choose a reason.');
    http.expectNone(ADJUSTMENTS_URL);
  });

  it('starts from the warehouse and quantity it was opened with', async () => {
    await open({ warehouseId: 'w-b', quantity: 20 });
    await choose(pane(), 'Reason', 'Found', render);
    button(pane(), 'Adjust stock').click();

    const request = expectAdjustment();
    expect(request.request.body).toMatchObject({ warehouseId: 'w-b', quantity: 20, reasonCode: 'found' });
    request.flush({ movement: movement(), level: level() }, { status: 201, statusText: 'Created' });
    await render();
  });
});
