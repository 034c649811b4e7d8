import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import type { BulkResult } from '@depot/contracts';

import { provideFakeRealtime } from '../../../testing/fake-realtime';
import { settle } from '../../../testing/test-helpers';
import { API_BASE_URL } from '../../core/config/api-base-url.token';
import { type PriceChange, changeOf, openPriceChangeDialog } from './price-change-dialog.component';

jest.setTimeout(20_000);

const PREVIEW: BulkResult = {
  dryRun: true,
  results: [
    {
      id: 'a',
      status: 'ok',
      label: 'A-1 Apple',
      before: { priceMinor: 1000, currency: 'EUR' },
      after: { priceMinor: 900, currency: 'EUR' },
    },
    { id: 'b', status: 'failed', label: 'B-1 Banana', error: { code: 'X', detail: 'No product with id b.' } },
  ],
  summary: { ok: 1, failed: 1, unchanged: 0 },
};

describe('PriceChangeDialogComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
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
  });

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const button = (text: string) =>
    [...overlay().querySelectorAll('button')].find((candidate) => candidate.textContent?.trim().startsWith(text))!;

  it('previews old -> new per product without writing, then applies only the previewed change', async () => {
    let answer: PriceChange | null | undefined;
    openPriceChangeDialog(TestBed.inject(MatDialog), ['a', 'b']).subscribe((change) => (answer = change));
    await settle();
    expect(button('Apply').disabled).toBe(true);

    const input = overlay().querySelector<HTMLInputElement>('input[type="number"]')!;
    input.value = '-10';
    input.dispatchEvent(new Event('input'));
    button('Preview').click();
    const request = http.expectOne('/api/v1/products/bulk');
    expect(request.request.body).toEqual({
      action: 'changePrice',
      ids: ['a', 'b'],
      mode: 'percent',
      value: -10,
      dryRun: true,
    });
    request.flush(PREVIEW);
    await settle();

    const table = overlay().querySelector('table')!;
    expect(table.textContent).toContain('A-1 Apple');
    expect(table.textContent).toContain('€10.00');
    expect(table.textContent).toContain('€9.00');
    expect(table.textContent).toContain('No product with id b.');
    expect(button('Apply to 1').disabled).toBe(false);

    button('Apply to 1').click();
    await settle();
    expect(answer).toEqual({ mode: 'percent', value: -10 });
  });

  it('turns the form into the API change: percent as typed, amounts in minor units', () => {
    expect(changeOf({ mode: 'percent', value: 12.5 })).toEqual({ mode: 'percent', value: 12.5 });
    expect(changeOf({ mode: 'amount', value: -1.5 })).toEqual({ mode: 'amount', value: -150 });
    expect(changeOf({ mode: 'percent', value: 0 })).toBeNull();
    expect(changeOf({ mode: 'percent', value: -101 })).toBeNull();
    expect(changeOf({ mode: 'percent', value: 1.234 })).toBeNull();
    expect(changeOf({ mode: 'amount', value: null })).toBeNull();
  });
});
