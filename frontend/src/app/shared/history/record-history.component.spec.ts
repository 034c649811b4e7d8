import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { auditEvent, problemBody, settle } from '../../../testing/test-helpers';
import { HISTORY_PAGE_SIZE, RecordHistoryComponent, fieldChanges } from './record-history.component';

const ORDER_ID = '5c0e8f4a-2b7d-4c1e-9f3a-6d5b4c3a2b1c';
const isHistory = (request: { url: string }) => request.url === '/api/v1/audit-events';

describe('fieldChanges', () => {
  it('lists each changed field with its value before and after as text', () => {
    expect(
      fieldChanges({
        status: { before: 'draft', after: 'submitted' },
        priceMinor: { before: 1500, after: 1999 },
        notes: { before: null, after: '' },
        attributes: { before: { color: 'red' }, after: { color: 'blue' } },
      }),
    ).toEqual([
      { field: 'status', before: 'draft', after: 'submitted' },
      { field: 'priceMinor', before: '1500', after: '1999' },
      { field: 'notes', before: '–', after: '–' },
      { field: 'attributes', before: '{"color":"red"}', after: '{"color":"blue"}' },
    ]);
  });

  it('shortens long values and copes with events without changes', () => {
    const [change] = fieldChanges({ description: { before: 'x'.repeat(200), after: 'y' } });
    expect(change.before).toHaveLength(118);
    expect(change.before.endsWith('…')).toBe(true);
    expect(fieldChanges(null)).toEqual([]);
  });
});

describe('RecordHistoryComponent', () => {
  let fixture: ComponentFixture<RecordHistoryComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RecordHistoryComponent);
    fixture.componentRef.setInput('entityType', 'purchase_order');
    fixture.componentRef.setInput('entityId', ORDER_ID);
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  function entries(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('.history-entry')).map((entry) =>
      (entry.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  function loadMoreButton(root: HTMLElement): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Load more');
  }

  it("asks for the record's trail and shows who changed which field from what to what", async () => {
    await render();
    const request = http.expectOne(isHistory);
    expect(request.request.params.get('entityType')).toBe('purchase_order');
    expect(request.request.params.get('entityId')).toBe(ORDER_ID);
    expect(request.request.params.get('limit')).toBe(String(HISTORY_PAGE_SIZE));
    expect(request.request.params.has('cursor')).toBe(false);
    request.flush({
      items: [
        auditEvent({
          id: 'a-2',
          action: 'submitted',
          entityType: 'purchase_order',
          entityId: ORDER_ID,
          changes: { status: { before: 'draft', after: 'submitted' } },
        }),
        auditEvent({ id: 'a-1', action: 'create', actorType: 'api_key', actorLabel: null, changes: null }),
      ],
      nextCursor: null,
    });
    const root = await render();

    expect(entries(root)).toHaveLength(2);
    expect(entries(root)[0]).toContain('Ada Admin · submitted');
    const row = root.querySelector('.history-entry tbody tr');
    expect(row?.querySelector('th')?.textContent).toBe('status');
    expect(row?.querySelector('.before')?.textContent).toBe('draft');
    expect(row?.querySelector('.after')?.textContent).toBe('submitted');
    expect(entries(root)[1]).toContain('API key · create');
    expect(root.querySelectorAll('.history-entry')[1].querySelector('table')).toBeNull();
    expect(loadMoreButton(root)).toBeUndefined();
  });

  it('appends older changes with "Load more"', async () => {
    await render();
    http.expectOne(isHistory).flush({ items: [auditEvent({ id: 'a-2' })], nextCursor: 'older' });
    const root = await render();

    loadMoreButton(root)?.click();
    const more = http.expectOne(isHistory);
    expect(more.request.params.get('cursor')).toBe('older');
    expect(more.request.params.get('entityId')).toBe(ORDER_ID);
    more.flush({ items: [auditEvent({ id: 'a-1', action: 'create' })], nextCursor: null });
    await render();

    expect(entries(root)).toHaveLength(2);
    expect(entries(root)[1]).toContain('create');
    expect(loadMoreButton(root)).toBeUndefined();
  });

  it('loads the first page again when the page bumps refresh, and once only at the start', async () => {
    fixture.componentRef.setInput('refresh', 3);
    await render();
    http.expectOne(isHistory).flush({ items: [auditEvent({ id: 'a-1' })], nextCursor: null });
    const root = await render();
    http.expectNone(isHistory);

    fixture.componentRef.setInput('refresh', 4);
    await render();
    const again = http.expectOne(isHistory);
    expect(again.request.params.has('cursor')).toBe(false);
    again.flush({
      items: [auditEvent({ id: 'a-2', action: 'cancelled' }), auditEvent({ id: 'a-1' })],
      nextCursor: null,
    });
    await render();

    expect(entries(root)).toHaveLength(2);
    expect(entries(root)[0]).toContain('cancelled');
  });

  it('starts over for another record', async () => {
    await render();
    http.expectOne(isHistory).flush({ items: [auditEvent()], nextCursor: null });
    await render();

    fixture.componentRef.setInput('entityId', 'another-order');
    await render();
    const other = http.expectOne(isHistory);
    expect(other.request.params.get('entityId')).toBe('another-order');
    other.flush({ items: [], nextCursor: null });
    const root = await render();

    expect(entries(root)).toEqual([]);
    expect(root.textContent).toContain('No recorded changes.');
  });

  it('says why the history could not be loaded and retries', async () => {
    await render();
    http.expectOne(isHistory).flush(problemBody(403, 'AUTH.FORBIDDEN', 'You may not read the audit trail.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    const root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('You may not read the audit trail.');

    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Retry')
      ?.click();
    http.expectOne(isHistory).flush({ items: [auditEvent()], nextCursor: null });
    await render();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(entries(root)).toHaveLength(1);
  });
});
