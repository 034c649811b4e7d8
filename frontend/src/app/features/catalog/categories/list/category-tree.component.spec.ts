import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type CategoryDto } from '@depot/contracts';

import { pageOf, problemBody, settle } from '../../../../../testing/test-helpers';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { AuthService } from '../../../../core/auth/auth.service';
import { CategoryTreeComponent } from './category-tree.component';

const URL = '/api/v1/categories';

function node(id: string, path: string[], parentId: string | null, extra: Partial<CategoryDto> = {}): CategoryDto {
  return {
    id,
    name: path[path.length - 1],
    parentId,
    path,
    depth: path.length,
    productCount: 0,
    childCount: 0,
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...extra,
  };
}

const TOOLS = node('tools', ['Tools'], null, { childCount: 2, productCount: 1 });
const HAND = node('hand', ['Tools', 'Hand tools'], 'tools', { childCount: 1 });
const HAMMERS = node('hammers', ['Tools', 'Hand tools', 'Hammers'], 'hand', { productCount: 3 });
const SAWS = node('saws', ['Tools', 'Saws'], 'tools');
const GARDEN = node('garden', ['Garden'], null);
const TREE = [GARDEN, TOOLS, HAND, HAMMERS, SAWS];

// The first test of a file compiles the Material components it renders, which is slow on a busy machine.
jest.setTimeout(20_000);

describe('CategoryTreeComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.CatalogProductsRead, Permission.CatalogCategoriesWrite]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'categories', component: CategoryTreeComponent },
          { path: 'products', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
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
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function open(tree: CategoryDto[] = TREE): Promise<HTMLElement> {
    await harness.navigateByUrl('/categories');
    http.expectOne(URL).flush(pageOf(tree));
    return render();
  }

  function rowNames(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('.category-row .category-name')).map((name) => name.textContent ?? '');
  }

  function row(root: HTMLElement, path: string): HTMLElement {
    const found = root.querySelector<HTMLElement>(`.category-row[data-path="${path}"]`);
    if (!found) {
      throw new Error(`No row ${path}`);
    }
    return found;
  }

  function byLabel(root: ParentNode, label: string): HTMLButtonElement {
    const found = root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
    if (!found) {
      throw new Error(`No button "${label}"`);
    }
    return found;
  }

  function dialog(): HTMLElement {
    const found = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!found) {
      throw new Error('no dialog');
    }
    return found;
  }

  function dialogButton(text: string): HTMLButtonElement {
    const found = Array.from(dialog().querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No dialog button "${text}"`);
    }
    return found;
  }

  function typeName(value: string): void {
    const input = dialog().querySelector<HTMLInputElement>('input');
    if (!input) {
      throw new Error('no name input');
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the roots with counts and expands and collapses branches', async () => {
    const root = await open();

    expect(rowNames(root)).toEqual(['Garden', 'Tools']);
    expect(row(root, 'Tools').textContent).toContain('1 product · 2 subcategories');
    expect(row(root, 'Tools').querySelector('a.counts')?.getAttribute('href')).toBe('/products?categoryId=tools');
    const toggle = byLabel(root, 'Expand Tools');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    await render();
    expect(rowNames(root)).toEqual(['Garden', 'Tools', 'Hand tools', 'Saws']);
    expect(byLabel(root, 'Collapse Tools').getAttribute('aria-expanded')).toBe('true');

    byLabel(root, 'Expand Hand tools').click();
    await render();
    expect(rowNames(root)).toEqual(['Garden', 'Tools', 'Hand tools', 'Hammers', 'Saws']);
    expect(row(root, 'Tools / Hand tools / Hammers').textContent).toContain('3 products');

    byLabel(root, 'Collapse Tools').click();
    await render();
    expect(rowNames(root)).toEqual(['Garden', 'Tools']);
  });

  it('creates a root category and reloads the tree', async () => {
    const root = await open();

    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'New category')
      ?.click();
    await render();
    expect(dialog().querySelector('h2')?.textContent).toBe('New category');
    typeName(' Paint ');
    dialogButton('Create').click();
    await render();

    const request = http.expectOne(URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Paint', parentId: null });
    request.flush(node('paint', ['Paint'], null), { status: 201, statusText: 'Created' });
    await render();

    http.expectOne(URL).flush(pageOf([...TREE, node('paint', ['Paint'], null)]));
    await render();
    expect(rowNames(root)).toEqual(['Garden', 'Paint', 'Tools']);
    expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain('Created Paint.');
  });

  it('creates a child and shows it under its expanded parent', async () => {
    const root = await open();

    byLabel(row(root, 'Garden'), 'Add a subcategory to Garden').click();
    await render();
    expect(dialog().querySelector('h2')?.textContent).toBe('New category in Garden');
    typeName('Hoses');
    dialogButton('Create').click();
    await render();
    const request = http.expectOne(URL);
    expect(request.request.body).toEqual({ name: 'Hoses', parentId: 'garden' });
    request.flush(node('hoses', ['Garden', 'Hoses'], 'garden'));
    await render();

    http
      .expectOne(URL)
      .flush(
        pageOf([
          { ...GARDEN, childCount: 1 },
          node('hoses', ['Garden', 'Hoses'], 'garden'),
          TOOLS,
          HAND,
          HAMMERS,
          SAWS,
        ]),
      );
    await render();
    expect(rowNames(root)).toEqual(['Garden', 'Hoses', 'Tools']);
  });

  it('shows a taken sibling name on the name field and keeps the dialog open', async () => {
    const root = await open();

    byLabel(row(root, 'Tools'), 'Rename Tools').click();
    await render();
    expect(dialog().querySelector('input')?.value).toBe('Tools');
    typeName('Garden');
    dialogButton('Rename').click();
    await render();
    const request = http.expectOne(`${URL}/tools`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 1, name: 'Garden' });
    request.flush(problemBody(409, 'CATALOG.CATEGORY_NAME_TAKEN', 'A category named Garden already exists here.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await render();

    expect(dialog().querySelector('mat-error')?.textContent).toContain('A category named Garden already exists here.');
  });

  it('moves a category, offering every parent except its own subtree', async () => {
    const root = await open();
    byLabel(root, 'Expand Tools').click();
    await render();

    byLabel(row(root, 'Tools / Hand tools'), 'Move Hand tools').click();
    await render();
    expect(dialog().textContent).toContain('Now in: Tools');
    dialog().querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await render();
    const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((option) => option.textContent?.trim())).toEqual([
      '(Top level)',
      'Garden',
      'Tools',
      'Tools / Saws',
    ]);
    options[1].click();
    await render();
    dialogButton('Move').click();
    await render();

    const request = http.expectOne(`${URL}/hand`);
    expect(request.request.body).toEqual({ version: 1, parentId: 'garden' });
    request.flush(
      problemBody(409, 'CATALOG.CATEGORY_TOO_DEEP', 'Moving Hand tools there would make the tree too deep.'),
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain(
      'Moving Hand tools there would make the tree too deep.',
    );

    // Moving to the top level sends parentId null.
    dialog().querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => option.textContent?.trim() === '(Top level)')
      ?.click();
    await render();
    dialogButton('Move').click();
    await render();
    const toRoot = http.expectOne(`${URL}/hand`);
    expect(toRoot.request.body).toEqual({ version: 1, parentId: null });
    toRoot.flush({ ...HAND, parentId: null, path: ['Hand tools'], depth: 1 });
    await render();
    http.expectOne(URL).flush(pageOf(TREE));
    await render();
  });

  it('deletes an empty category after confirmation', async () => {
    const root = await open();

    byLabel(row(root, 'Garden'), 'Delete Garden').click();
    await render();
    expect(dialog().textContent).toContain('Delete category?');
    dialogButton('Delete').click();
    await render();

    const request = http.expectOne(`${URL}/garden`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await render();
    http.expectOne(URL).flush(pageOf([TOOLS, HAND, HAMMERS, SAWS]));
    await render();
    expect(rowNames(root)).toEqual(['Tools']);
  });

  it('does not offer to delete a category that is not empty, and says why', async () => {
    const root = await open();

    const remove = byLabel(row(root, 'Tools'), 'Delete Tools');
    expect(remove.getAttribute('aria-disabled')).toBe('true');
    expect(remove.getAttribute('aria-describedby')).not.toBeNull();
    remove.click();
    await render();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });

  it('shows the server refusal when a category turned out not to be empty', async () => {
    const root = await open();

    byLabel(row(root, 'Garden'), 'Delete Garden').click();
    await render();
    dialogButton('Delete').click();
    await render();
    http
      .expectOne(`${URL}/garden`)
      .flush(problemBody(409, 'CATALOG.CATEGORY_NOT_EMPTY', 'Garden still has products.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await render();
    http.expectOne(URL).flush(pageOf([{ ...GARDEN, productCount: 1 }, TOOLS, HAND, HAMMERS, SAWS]));
    await render();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not delete Garden: Garden still has products.',
    );
    expect(row(root, 'Garden').textContent).toContain('1 product');
  });

  it('hides every write action from readers', async () => {
    permissions.set(new Set([Permission.CatalogProductsRead]));
    const root = await open();

    expect(root.textContent).not.toContain('New category');
    expect(root.querySelector('.row-actions')).toBeNull();
    expect(rowNames(root)).toEqual(['Garden', 'Tools']);
  });

  it("opens a category's history for auditors, read-only", async () => {
    permissions.set(new Set([Permission.CatalogProductsRead, Permission.AuditRead]));
    const root = await open();
    const historyButton = root.querySelector<HTMLButtonElement>('button[aria-label="History of Garden"]');
    expect(historyButton).not.toBeNull();
    expect(root.querySelector('button[aria-label="Rename Garden"]')).toBeNull();

    historyButton!.click();
    await render();
    http
      .expectOne((request) => request.url === '/api/v1/audit-events' && request.params.get('entityType') === 'category')
      .flush({ items: [], nextCursor: null });
    await render();
    expect(dialog().textContent).toContain('History of category Garden');
    dialogButton('Close').click();
    await render();
  });

  it('offers a retry when the tree cannot be loaded', async () => {
    await harness.navigateByUrl('/categories');
    http.expectOne(URL).flush(problemBody(500, 'X', 'Something broke.'), { status: 500, statusText: 'Server Error' });
    const root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Something broke.');

    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Retry')
      ?.click();
    http.expectOne(URL).flush(pageOf(TREE));
    await render();
    expect(rowNames(root)).toEqual(['Garden', 'Tools']);
  });
});
