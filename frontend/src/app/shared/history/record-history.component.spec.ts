import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { auditEvent, problemBody, settle } from '../../../testing/test-helpers';
import { provideRouter } from '@angular/router';

import { HISTORY_PAGE_SIZE, RecordHistoryComponent } from './record-history.component';

const ORDER_ID = '5c0e8f4a-2b7d-4c1e-9f3a-6d5b4c3a2b1c';
const isHistory = (request: { url: string }) => request.url === '/api/v1/audit-events';

describe('RecordHistoryComponent', () => {
  let fixture: ComponentFixture<RecordHistoryComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
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

  it("asks for the record's trail and shows who changed which field (by its label) from what to what", async () => {
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
          fieldChanges: [
            {
              field: 'status',
              label: 'Status',
              kind: 'status',
              before: 'draft',
              after: 'submitted',
              beforeDisplay: 'Draft',
              afterDisplay: 'Submitted',
            },
            {
              field: 'supplierId',
              label: 'Supplier',
              kind: 'reference',
              before: null,
              after: 'b7a1',
              beforeDisplay: null,
              afterDisplay: 'ACME · Acme Tools',
              afterRef: { type: 'supplier', id: 'b7a1', name: 'ACME · Acme Tools', url: '/suppliers' },
            },
          ],
        }),
        auditEvent({
          id: 'a-1',
          action: 'create',
          actorType: 'api_key',
          actorLabel: null,
          actorRef: null,
          changes: null,
          fieldChanges: [],
        }),
      ],
      nextCursor: null,
    });
    const root = await render();

    expect(entries(root)).toHaveLength(2);
    expect(entries(root)[0]).toContain('Submitted by Ada Admin');
    const [status, supplier] = Array.from(root.querySelectorAll('.history-entry .change'));
    const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(text(status.querySelector('dt'))).toBe('Status');
    expect(text(status.querySelector('.before'))).toBe('Before: Draft');
    expect(text(status.querySelector('.after'))).toBe('After: Submitted');
    expect(text(supplier.querySelector('dt'))).toBe('Supplier');
    expect(supplier.querySelector('.after a')?.getAttribute('href')).toBe('/suppliers');
    expect(text(supplier.querySelector('.after a'))).toBe('ACME · Acme Tools');
    expect(entries(root)[1]).toContain('Created by API key');
    expect(root.querySelectorAll('.history-entry')[1].querySelector('dl')).toBeNull();
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
    expect(entries(root)[1]).toContain('Created');
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
    expect(entries(root)[0]).toContain('Cancelled');
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
