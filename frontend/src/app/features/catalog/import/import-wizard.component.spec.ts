import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type ImportReportDto } from '@depot/contracts';

import { problemBody, settle } from '../../../../testing/test-helpers';
import { StubPageComponent } from '../../../../testing/stub-page.component';
import { AuthService } from '../../../core/auth/auth.service';
import { ImportWizardComponent } from './import-wizard.component';

const BAD_CSV = 'sku,name,price,currency\r\nOK-1,Fine,1.00,EUR\r\nBAD-1,,abc,EUR\r\n';
const GOOD_CSV = 'sku,name,price,currency\r\nOK-1,Fine,1.00,EUR\r\nBAD-1,Fixed,2.00,EUR\r\n';

function report(overrides: Partial<ImportReportDto> = {}): ImportReportDto {
  return { dryRun: true, rows: 2, created: 2, updated: 0, errors: [], ...overrides };
}

/** jsdom's Blob (and File) has no text(); browsers have had it for years. */
function readText(blob: Blob): Promise<string> {
  return new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

// The first test of a file compiles the Material components it renders, which is slow on a busy machine.
jest.setTimeout(20_000);

describe('ImportWizardComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    Object.defineProperty(Blob.prototype, 'text', {
      configurable: true,
      value(this: Blob): Promise<string> {
        return readText(this);
      },
    });
    permissions.set(new Set([Permission.CatalogProductsRead, Permission.CatalogProductsWrite]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'products/import', component: ImportWizardComponent },
          { path: 'products', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function open(): Promise<HTMLElement> {
    await harness.navigateByUrl('/products/import');
    return render();
  }

  function button(root: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  /** Picks a file through the (hidden) file input, as the "Choose a CSV file" button does. */
  async function chooseFile(root: HTMLElement, name: string, content: string): Promise<void> {
    const input = root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) {
      throw new Error('no file input');
    }
    Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
    input.dispatchEvent(new Event('change'));
    await waitFor(root, () => root.textContent?.includes(name) === true || !!root.querySelector('.field-error'));
  }

  async function waitFor(_root: HTMLElement, condition: () => boolean): Promise<void> {
    for (let tick = 0; tick < 50 && !condition(); tick++) {
      await settle();
      await render();
    }
  }

  function expectImport(kind: string, dryRun: boolean): TestRequest {
    return http.expectOne(`/api/v1/imports/${kind}?dryRun=${dryRun}`);
  }

  function errorRows(root: HTMLElement): string[][] {
    return Array.from(root.querySelectorAll('tr.error-row')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim() ?? ''),
    );
  }

  it('offers only the kinds the user may import', async () => {
    let root = await open();
    expect(Array.from(root.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.trim())).toEqual([
      'Products',
    ]);

    permissions.set(new Set([Permission.CatalogProductsWrite, Permission.InventoryStockAdjust]));
    root = await render();
    expect(Array.from(root.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.trim())).toEqual([
      'Products',
      'Opening stock',
    ]);

    permissions.set(new Set([Permission.CatalogProductsRead]));
    root = await render();
    expect(root.textContent).toContain('You may not import products or opening stock.');
  });

  it('downloads a template with the columns of the chosen kind', async () => {
    permissions.set(new Set([Permission.CatalogProductsWrite, Permission.InventoryStockAdjust]));
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:template';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const root = await open();

    button(root, 'Download the products template').click();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('products-import-template.csv');
    expect((await readText(blobs[0])).split('\r\n')[0]).toBe(
      'sku,name,description,unit,price,cost,currency,barcode,category,reorder_point,reorder_quantity,status,attributes',
    );

    root.querySelectorAll<HTMLInputElement>('mat-radio-button input')[1].click();
    await render();
    button(root, 'Download the opening stock template').click();
    expect((await readText(blobs[1])).split('\r\n')[0]).toBe('sku,warehouse_code,quantity');
  });

  it('checks a file, lists every error, and offers the import only for a clean file', async () => {
    const root = await open();
    expect(button(root, 'Check file').disabled).toBe(true);

    await chooseFile(root, 'products.csv', BAD_CSV);
    expect(button(root, 'Import').disabled).toBe(true);
    button(root, 'Check file').click();
    const check = expectImport('products', true);
    expect(check.request.method).toBe('POST');
    expect(check.request.body).toBe(BAD_CSV);
    expect(check.request.headers.get('Content-Type')).toBe('text/csv');
    check.flush(
      report({
        rows: 2,
        created: 1,
        errors: [
          { row: 2, column: 'name', message: 'Name is required.' },
          { row: 2, column: 'price', message: 'Price must be an amount like 19.99.' },
        ],
      }),
    );
    await render();

    expect(root.textContent).toContain('2 rows checked, 2 errors.');
    expect(errorRows(root)).toEqual([
      ['2', 'name', 'Name is required.'],
      ['2', 'price', 'Price must be an amount like 19.99.'],
    ]);
    expect(button(root, 'Import').disabled).toBe(true);

    await chooseFile(root, 'products-fixed.csv', GOOD_CSV);
    expect(errorRows(root)).toEqual([]);
    button(root, 'Check file').click();
    expectImport('products', true).flush(report({ rows: 2, created: 1, updated: 1 }));
    await render();
    expect(root.textContent).toContain('2 rows checked, no errors: 1 to create, 1 to update.');

    button(root, 'Import').click();
    const commit = expectImport('products', false);
    expect(commit.request.body).toBe(GOOD_CSV);
    commit.flush(report({ dryRun: false, rows: 2, created: 1, updated: 1 }));
    await render();

    expect(root.querySelector('.result')?.textContent).toContain('Imported 2 rows: 1 created, 1 updated.');
    expect(button(root, 'Import').disabled).toBe(true);
  });

  it('shows the report of a refused import: nothing was imported', async () => {
    const root = await open();
    await chooseFile(root, 'products.csv', GOOD_CSV);
    button(root, 'Check file').click();
    expectImport('products', true).flush(report());
    await render();

    button(root, 'Import').click();
    expectImport('products', false).flush(
      {
        ...problemBody(422, 'IMPORT.ROWS_INVALID', 'The file has errors.'),
        report: report({ dryRun: false, errors: [{ row: 1, column: 'sku', message: 'SKU OK-1 is taken.' }] }),
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await render();

    expect(root.textContent).toContain('Some rows have errors, so nothing was imported.');
    expect(errorRows(root)).toEqual([['1', 'sku', 'SKU OK-1 is taken.']]);
  });

  it('explains a malformed file', async () => {
    const root = await open();
    await chooseFile(root, 'products.csv', 'sku,"unterminated');
    button(root, 'Check file').click();
    expectImport('products', true).flush(problemBody(400, 'IMPORT.MALFORMED_CSV', 'Line 1: unterminated quote.'), {
      status: 400,
      statusText: 'Bad Request',
    });
    await render();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not check the file: Line 1: unterminated quote.',
    );
    expect(button(root, 'Import').disabled).toBe(true);
  });

  it('refuses a file that is not CSV before uploading it', async () => {
    const root = await open();
    await chooseFile(root, 'photo.png', 'not csv');

    expect(root.querySelector('.field-error')?.textContent).toContain('photo.png is not a CSV file.');
    expect(button(root, 'Check file').disabled).toBe(true);
  });

  it('takes a dropped file and imports opening stock', async () => {
    permissions.set(new Set([Permission.InventoryStockAdjust]));
    const root = await open();
    const zone = root.querySelector<HTMLElement>('.drop-zone');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', {
      value: { files: [new File(['sku,warehouse_code,quantity\r\nOK-1,MAIN,5\r\n'], 'stock.csv')] },
    });
    zone?.dispatchEvent(drop);
    await waitFor(root, () => root.textContent?.includes('stock.csv') === true);
    expect(drop.defaultPrevented).toBe(true);

    button(root, 'Check file').click();
    expectImport('opening-stock', true).flush(report({ rows: 1, created: 1 }));
    await render();
    button(root, 'Import').click();
    expectImport('opening-stock', false).flush(report({ dryRun: false, rows: 1, created: 1 }));
    await render();
    expect(root.querySelector('.result')?.textContent).toContain('Imported 1 row: 1 created, 0 updated.');
  });
});
