import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { auditEvent, settle } from '../../../../../testing/test-helpers';
import { AuditListComponent } from './audit-list.component';

const ACTOR = '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10';
const ENTITY = '5c0e8f4a-2b7d-4c1e-9f3a-6d5b4c3a2b1c';

// Material tables and form fields render slowly in jsdom.
jest.setTimeout(20_000);

describe('AuditListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin/audit-log', component: AuditListComponent, data: { source: 'audit' } },
          { path: 'admin/security-log', component: AuditListComponent, data: { source: 'security' } },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // The saved-views menu of the toolbar asks for the list's views.
    for (const request of http.match((candidate) => candidate.url === '/api/v1/saved-views')) {
      if (!request.cancelled) {
        request.flush({ items: [], nextCursor: null });
      }
    }
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  function buttonByText(root: HTMLElement, text: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll('button')).find((element) => element.textContent?.trim() === text);
  }

  function expectList(url: string): TestRequest {
    return http.expectOne((request) => request.url === url);
  }

  describe('export', () => {
    let saved: { href: string; download: string }[];

    beforeEach(() => {
      saved = [];
      // jsdom's Blob has no text(); browsers have had it for years.
      Object.defineProperty(Blob.prototype, 'text', {
        configurable: true,
        value(this: Blob): Promise<string> {
          return new Promise<string>((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result as string);
            reader.readAsText(this);
          });
        },
      });
      Object.assign(URL, {
        createObjectURL: jest.fn(() => 'blob:audit'),
        revokeObjectURL: jest.fn(),
      });
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push({ href: this.getAttribute('href') ?? '', download: this.download });
      });
    });

    it('downloads the CSV of the filters the list shows, without paging, under the name the server gave', async () => {
      await harness.navigateByUrl(
        `/admin/audit-log?action=update&actorId=${ACTOR}&entityType=purchase_order&entityId=${ENTITY}` +
          '&from=2026-11-01&to=2026-11-02&limit=100&cursor=c2',
      );
      expectList('/api/v1/audit-events').flush({ items: [auditEvent()], nextCursor: null });
      const root = await render();

      buttonByText(root, 'Export CSV')?.click();
      await render();
      const request = http.expectOne((candidate) => candidate.url === '/api/v1/audit-events/export.csv');
      expect(request.request.method).toBe('GET');
      expect(request.request.responseType).toBe('blob');
      const params = request.request.params;
      expect(params.keys().sort()).toEqual(['action', 'actorId', 'entityId', 'entityType', 'from', 'to']);
      expect(params.get('action')).toBe('update');
      expect(params.get('actorId')).toBe(ACTOR);
      expect(params.get('entityType')).toBe('purchase_order');
      expect(params.get('entityId')).toBe(ENTITY);
      expect(params.get('from')).toBe(new Date(2026, 10, 1).toISOString());
      expect(params.get('to')).toBe(new Date(2026, 10, 3).toISOString());
      request.flush(new Blob(['occurred_at,actor_type\r\n'], { type: 'text/csv' }), {
        headers: { 'Content-Disposition': 'attachment; filename="audit-log-2026-11-03.csv"' },
      });
      await render();

      expect(saved).toEqual([{ href: 'blob:audit', download: 'audit-log-2026-11-03.csv' }]);
      expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
        'Downloaded audit-log-2026-11-03.csv.',
      );
    });

    it('exports everything when no filter is applied', async () => {
      await harness.navigateByUrl('/admin/audit-log');
      expectList('/api/v1/audit-events').flush({ items: [], nextCursor: null });
      const root = await render();

      buttonByText(root, 'Export CSV')?.click();
      const request = http.expectOne('/api/v1/audit-events/export.csv');
      expect(request.request.params.keys()).toEqual([]);
      request.flush(new Blob([''], { type: 'text/csv' }));
      await render();
      expect(saved).toHaveLength(1);
      expect(saved[0].download).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    });

    it('shows why an export failed', async () => {
      await harness.navigateByUrl('/admin/audit-log');
      expectList('/api/v1/audit-events').flush({ items: [], nextCursor: null });
      const root = await render();

      buttonByText(root, 'Export CSV')?.click();
      http
        .expectOne('/api/v1/audit-events/export.csv')
        .flush(new Blob([JSON.stringify({ title: 'Forbidden', status: 403, detail: 'You may not export.' })]), {
          status: 403,
          statusText: 'Forbidden',
        });
      // The error body is a Blob, read asynchronously.
      for (let tick = 0; tick < 20 && !root.querySelector('[role="alert"]'); tick++) {
        await settle();
        await render();
      }

      expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not export: You may not export.');
      expect(saved).toEqual([]);
    });

    it('is not offered on the security log, which has no export', async () => {
      await harness.navigateByUrl('/admin/security-log');
      expectList('/api/v1/security-events').flush({ items: [], nextCursor: null });
      const root = await render();

      expect(buttonByText(root, 'Export CSV')).toBeUndefined();
    });
  });
});
