import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';

import { problemBody, settle, pageOf } from '../../../../../testing/test-helpers';
import { endpointDto } from '../../../../../testing/webhook-data';
import { WebhookListComponent } from './webhook-list.component';

describe('WebhookListComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
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
    const fixture = TestBed.createComponent(WebhookListComponent);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists the endpoints with their events and status, linking to each', async () => {
    const root = render();
    http
      .expectOne((request) => request.url === '/api/v1/webhooks')
      .flush(
        pageOf([
          endpointDto(),
          endpointDto({
            id: 'wh-2',
            url: 'https://erp.example.com/in',
            description: '',
            eventTypes: ['product.created', 'product.updated', 'stock.changed', 'category.created'],
            enabled: false,
            disabledReason: 'failing for 3 days',
            failingSince: '2026-01-01T08:00:00.000Z',
          }),
        ]),
      );
    const element = await root;
    await settle();

    const rows = Array.from(element.querySelectorAll('tr.webhook-row'));
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Shop stock sync');
    expect(rows[0].textContent).toContain('Enabled');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/admin/webhooks/wh-1');
    expect(rows[1].textContent).toContain('Disabled');
    expect(rows[1].textContent).toContain('failing for 3 days');
    expect(rows[1].textContent).toContain('Failing since');
    expect(rows[1].textContent).toContain('+1 more');
  });

  it('says when there are none, and when loading failed', async () => {
    const root = render();
    http.expectOne((request) => request.url === '/api/v1/webhooks').flush(pageOf([]));
    expect((await root).textContent).toContain('No webhooks yet.');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const root = render();
    http
      .expectOne((request) => request.url === '/api/v1/webhooks')
      .flush(problemBody(500, 'INTERNAL', 'Server trouble.'), { status: 500, statusText: 'Server Error' });
    const element = await root;
    await settle();
    expect(element.textContent).toContain('Could not load webhook endpoints: Server trouble.');
    expect(element.textContent).not.toContain('No webhooks yet.');
  });
});
