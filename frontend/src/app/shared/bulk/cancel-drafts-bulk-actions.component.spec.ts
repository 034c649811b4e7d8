import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { provideFakeRealtime } from '../../../testing/fake-realtime';
import { settle } from '../../../testing/test-helpers';
import { API_BASE_URL } from '../../core/config/api-base-url.token';
import { CancelDraftsBulkActionsComponent } from './cancel-drafts-bulk-actions.component';

jest.setTimeout(20_000);

describe('CancelDraftsBulkActionsComponent', () => {
  it('cancels the selected drafts of its collection after a confirmation', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: API_BASE_URL, useValue: '/api/v1' },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const fixture = TestBed.createComponent(CancelDraftsBulkActionsComponent);
    fixture.componentRef.setInput('ids', ['o-1', 'o-2']);
    fixture.componentRef.setInput('collection', 'purchase-orders');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    [...element.querySelectorAll('button')].find((button) => button.textContent?.includes('Cancel drafts'))!.click();
    await settle();
    const overlay = document.querySelector('.cdk-overlay-container')!;
    expect(overlay.textContent).toContain('Cancel 2 draft purchase orders?');
    [...overlay.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Cancel drafts')!.click();
    await settle();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/purchase-orders/bulk');
    expect(request.request.body).toMatchObject({ action: 'cancel', ids: ['o-1', 'o-2'] });
    request.flush({ dryRun: false, results: [], summary: { ok: 2, failed: 0, unchanged: 0 } });
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });
});
