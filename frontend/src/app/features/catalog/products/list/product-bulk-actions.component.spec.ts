import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { settle } from '../../../../../testing/test-helpers';
import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { ProductBulkActionsComponent } from './product-bulk-actions.component';

jest.setTimeout(20_000);

describe('ProductBulkActionsComponent', () => {
  let http: HttpTestingController;

  async function render(ids: string[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: API_BASE_URL, useValue: '/api/v1' },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ProductBulkActionsComponent);
    fixture.componentRef.setInput('ids', ids);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => document.querySelector('.cdk-overlay-container')?.replaceChildren());

  const click = (root: ParentNode, text: string) =>
    [...root.querySelectorAll('button')].find((button) => button.textContent?.trim().endsWith(text))!.click();

  it('offers the product actions', async () => {
    const element = await render(['a']);
    const text = element.textContent ?? '';
    for (const label of ['Archive', 'Activate', 'Move to category', 'Change prices', 'Export selected', 'Clear']) {
      expect(text).toContain(label);
    }
  });

  it('archives the selection after a confirmation', async () => {
    const element = await render(['a', 'b']);
    click(element, 'Archive');
    await settle();
    const overlay = document.querySelector('.cdk-overlay-container')!;
    expect(overlay.textContent).toContain('Archive 2 products?');
    click(overlay, 'Archive');
    await settle();
    const request = http.expectOne('/api/v1/products/bulk');
    expect(request.request.body).toMatchObject({ action: 'archive', ids: ['a', 'b'] });
    request.flush({ dryRun: false, results: [], summary: { ok: 2, failed: 0, unchanged: 0 } });
  });

  it('exports the selection as CSV by ids', async () => {
    const element = await render(['a', 'b']);
    click(element, 'Export selected');
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/products/export.csv');
    expect(request.request.params.get('ids')).toBe('a,b');
    request.flush(new Blob(['sku\n'], { type: 'text/csv' }));
  });
});
