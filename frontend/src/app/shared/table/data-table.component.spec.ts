import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideLocationMocks } from '@angular/common/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Page } from '@depot/contracts';
import { BehaviorSubject, type Observable, Subject, of } from 'rxjs';

import { settle } from '../../../testing/test-helpers';
import { StubPageComponent } from '../../../testing/stub-page.component';
import { DataTableComponent } from './data-table.component';
import { TableCellDirective } from './table-cell.directive';
import type { TableColumn } from './table-column';
import { type TablePageQuery, injectTableList } from './table-list';

interface Row {
  id: string;
  name: string;
  price: number;
}

interface FetchCall {
  query: TablePageQuery;
  answer: Subject<Page<Row>>;
}

let calls: FetchCall[] = [];
let selected: string[] = [];

function rows(from: number, count: number): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `r${from + index}`,
    name: `Row ${from + index}`,
    price: from + index,
  }));
}

@Component({
  selector: 'app-table-host',
  imports: [DataTableComponent, TableCellDirective],
  template: `
    <app-data-table
      [list]="list"
      [columns]="columns"
      label="Things"
      rowClass="thing-row"
      [rowLink]="link"
      [selectable]="true"
      [selectAll]="allIds"
      (selectionChange)="onSelection($event)"
    >
      <button type="button" depotTableToolbar>Saved views</button>
      <button type="button" depotTableSelectionActions>Archive</button>
      <ng-template appCell="name" let-row
        ><a class="name-link" [href]="'/things/' + row.id">{{ row.name }}</a></ng-template
      >
    </app-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class TableHostComponent {
  protected readonly list = injectTableList<Row>({
    sortFields: ['name', 'price'],
    defaultSort: 'name',
    fetch: (query) => {
      const answer = new Subject<Page<Row>>();
      calls.push({ query, answer });
      return answer;
    },
    rowId: (row) => row.id,
  });
  protected readonly columns: readonly TableColumn<Row>[] = [
    { key: 'name', label: 'Name', sortField: 'name', hideable: false, card: 'title' },
    { key: 'price', label: 'Price', sortField: 'price', value: (row) => row.price, align: 'end' },
    { key: 'notes', label: 'Notes', value: () => 'n/a', card: 'hidden' },
    { key: 'secret', label: 'Not sortable', sortField: 'secret', value: () => 'x' },
  ];
  protected readonly link = (row: Row): string[] => ['/things', row.id];
  protected readonly allIds = (): Observable<string[]> => of(rows(0, 1200).map((row) => row.id));

  protected onSelection(ids: string[]): void {
    selected = ids;
  }
}

jest.setTimeout(20_000);

describe('DataTableComponent', () => {
  let harness: RouterTestingHarness;
  let router: Router;
  const phone = new BehaviorSubject(false);

  beforeEach(async () => {
    calls = [];
    selected = [];
    phone.next(false);
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'things', component: TableHostComponent },
          { path: 'things/:id', component: StubPageComponent },
        ]),
        provideLocationMocks(),
        {
          provide: BreakpointObserver,
          useValue: {
            observe: (): Observable<BreakpointState> =>
              new BehaviorSubject<BreakpointState>({ matches: phone.value, breakpoints: {} }),
          },
        },
      ],
    });
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function open(url = '/things'): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(page: Page<Row>): Promise<void> {
    const call = calls.at(-1);
    if (!call) {
      throw new Error('No request');
    }
    call.answer.next(page);
    call.answer.complete();
    await settle();
    await harness.fixture.whenStable();
  }

  function params(): URLSearchParams {
    return new URLSearchParams(router.url.split('?')[1] ?? '');
  }

  function header(root: HTMLElement, key: string): HTMLElement {
    const th = root.querySelector<HTMLElement>(`th[data-column="${key}"]`);
    if (!th) {
      throw new Error(`No column ${key}`);
    }
    return th;
  }

  function bodyRows(root: HTMLElement): HTMLElement[] {
    return Array.from(root.querySelectorAll<HTMLElement>('tbody tr.thing-row'));
  }

  async function settleAll(): Promise<void> {
    await settle();
    await harness.fixture.whenStable();
  }

  it('asks for the first page with the default order and the total, and shows "1–3 of 3"', async () => {
    const root = await open();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toEqual({ limit: 25, includeTotal: true, sort: 'name' });
    await answer({ items: rows(1, 3), nextCursor: null, total: 3 });

    expect(bodyRows(root)).toHaveLength(3);
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('1–3 of 3');
    expect(header(root, 'name').getAttribute('aria-sort')).toBe('ascending');
  });

  it('sorts by a server field when its header is clicked, and flips on the second click', async () => {
    const root = await open();
    await answer({ items: rows(1, 3), nextCursor: null, total: 3 });

    header(root, 'price').querySelector('button')?.click();
    await settleAll();
    expect(params().get('sort')).toBe('price');
    expect(calls.at(-1)?.query.sort).toBe('price');
    await answer({ items: rows(1, 3), nextCursor: null, total: 3 });
    expect(header(root, 'price').getAttribute('aria-sort')).toBe('ascending');

    header(root, 'price').querySelector('button')?.click();
    await settleAll();
    expect(params().get('sort')).toBe('-price');
    expect(calls.at(-1)?.query.sort).toBe('-price');
  });

  it('offers no sorting on a column the server does not allow', async () => {
    const root = await open();
    await answer({ items: rows(1, 1), nextCursor: null, total: 1 });

    expect(header(root, 'secret').querySelector('button')).toBeNull();
    expect(header(root, 'notes').hasAttribute('aria-sort')).toBe(false);
  });

  it('pages forward with the cursor and back with the remembered one, keeping the range text right', async () => {
    const root = await open('/things?limit=10');
    await answer({ items: rows(1, 10), nextCursor: 'c2', total: 12 });
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('1–10 of 12');

    const [previous, next] = Array.from(root.querySelectorAll<HTMLButtonElement>('.pager button'));
    expect(previous?.disabled).toBe(true);
    next?.click();
    await settleAll();
    expect(params().get('cursor')).toBe('c2');
    expect(calls.at(-1)?.query).toEqual({ limit: 10, includeTotal: true, sort: 'name', cursor: 'c2' });
    await answer({ items: rows(11, 2), nextCursor: null, total: 12 });
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('11–12 of 12');

    root.querySelector<HTMLButtonElement>('.pager button')?.click();
    await settleAll();
    expect(params().has('cursor')).toBe(false);
  });

  it('shows a capped total as "10,000+"', async () => {
    const root = await open();
    await answer({ items: rows(1, 25), nextCursor: 'c2', total: 10000, totalCapped: true });
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('1–25 of 10,000+');
  });

  it('shows the error with a Retry that loads again', async () => {
    const root = await open();
    const call = calls[0];
    call?.answer.error(new Error('boom'));
    await settleAll();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Could not load things');
    alert?.querySelector('button')?.click();
    await settleAll();
    expect(calls).toHaveLength(2);
  });

  it('shows the empty state when nothing matches', async () => {
    const root = await open();
    await answer({ items: [], nextCursor: null, total: 0 });
    expect(root.querySelector('.empty')?.textContent).toContain('Nothing to show.');
  });

  it('hides a column from the column chooser and keeps the choice in the URL', async () => {
    const root = await open();
    await answer({ items: rows(1, 2), nextCursor: null, total: 2 });

    root.querySelector<HTMLButtonElement>('.columns-button')?.click();
    await settleAll();
    const items = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="menuitemcheckbox"]'));
    expect(items.map((item) => item.textContent?.trim())).toEqual(['✓ Price', '✓ Notes', '✓ Not sortable']);
    items[1]?.click();
    await settleAll();

    expect(params().get('cols')).toBe('name,price,secret');
    expect(root.querySelector('th[data-column="notes"]')).toBeNull();
    // Choosing columns does not load the rows again.
    expect(calls).toHaveLength(1);
  });

  it('remembers compact density in localStorage', async () => {
    const root = await open();
    await answer({ items: rows(1, 1), nextCursor: null, total: 1 });
    root.querySelector<HTMLButtonElement>('.density-button')?.click();
    await settleAll();
    expect(root.querySelector('.table-card')?.classList).toContain('compact');
    expect(localStorage.getItem('depot.table.density')).toBe('compact');
  });

  it('selects a range with shift-click and shows the selection actions', async () => {
    const root = await open();
    await answer({ items: rows(1, 5), nextCursor: null, total: 5 });
    const boxes = () => Array.from(root.querySelectorAll<HTMLInputElement>('tbody input.row-check'));

    boxes()[1]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    boxes()[3]?.dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await settleAll();

    expect(selected).toEqual(['r2', 'r3', 'r4']);
    expect(boxes().map((box) => box.checked)).toEqual([false, true, true, true, false]);
    expect(root.querySelector('.selection-count')?.textContent).toContain('3 selected');
    expect(root.querySelector('.selection-actions')?.textContent).toContain('Archive');
    const pageBox = root.querySelector<HTMLInputElement>('thead input.page-check');
    expect(pageBox?.indeterminate).toBe(true);
  });

  it('selects the page with the header checkbox, then all matching rows up to 1,000', async () => {
    const root = await open();
    await answer({ items: rows(1, 25), nextCursor: 'c2', total: 1200 });

    root.querySelector<HTMLInputElement>('thead input.page-check')?.click();
    await settleAll();
    expect(selected).toHaveLength(25);

    const selectAll = Array.from(root.querySelectorAll<HTMLButtonElement>('.selection-bar button')).find((button) =>
      button.textContent?.includes('matching'),
    );
    expect(selectAll?.textContent?.trim()).toBe('Select the first 1,000 matching');
    selectAll?.click();
    await settleAll();
    expect(selected).toHaveLength(1000);
    expect(root.querySelector('.selection-note')?.textContent).toContain('1,000 rows selected');
  });

  it('moves the active row with j/k and the arrows and opens it with Enter', async () => {
    const root = await open();
    await answer({ items: rows(1, 3), nextCursor: null, total: 3 });
    const [first] = bodyRows(root);
    expect(bodyRows(root).map((row) => row.tabIndex)).toEqual([0, -1, -1]);

    first?.focus();
    first?.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    await settleAll();
    expect(document.activeElement).toBe(bodyRows(root)[1]);
    bodyRows(root)[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await settleAll();
    expect(document.activeElement).toBe(bodyRows(root)[2]);
    bodyRows(root)[2]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    await settleAll();
    expect(document.activeElement).toBe(bodyRows(root)[1]);
    expect(bodyRows(root).map((row) => row.tabIndex)).toEqual([-1, 0, -1]);

    bodyRows(root)[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settleAll();
    expect(router.url).toBe('/things/r2');
  });

  it('shows each row as a card with its key fields on a phone', async () => {
    phone.next(true);
    const root = await open();
    await answer({ items: rows(1, 2), nextCursor: null, total: 2 });

    expect(root.querySelector('table')).toBeNull();
    const cards = root.querySelectorAll<HTMLElement>('li.card.thing-row');
    expect(cards).toHaveLength(2);
    expect(cards[0]?.querySelector('.card-title')?.textContent).toContain('Row 1');
    const labels = Array.from(cards[0]?.querySelectorAll('dt') ?? []).map((dt) => dt.textContent?.trim());
    expect(labels).toEqual(['Price', 'Not sortable']);
    // The sort header is a select on phones.
    expect(root.querySelector('.sort-select')).not.toBeNull();
  });

  it('projects the toolbar slot', async () => {
    const root = await open();
    await answer({ items: [], nextCursor: null, total: 0 });
    expect(root.querySelector('.toolbar-slot')?.textContent).toContain('Saved views');
  });
});
