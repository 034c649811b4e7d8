import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission } from '@depot/contracts';

import { AuthService } from '../../../../core/auth/auth.service';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { problemBody, settle } from '../../../../../testing/test-helpers';
import { deliveryDto, endpointDto } from '../../../../../testing/webhook-data';
import { WEBHOOK_CONFLICT_MESSAGE, WebhookDetailComponent } from './webhook-detail.component';

const DELIVERIES = '/api/v1/webhooks/wh-1/deliveries';

describe('WebhookDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set([Permission.NotificationsWebhooksManage]));

  beforeEach(async () => {
    permissions.set(new Set([Permission.NotificationsWebhooksManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'admin/webhooks/:id', component: WebhookDetailComponent },
          { path: '**', component: StubPageComponent, data: { text: 'webhook list' } },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
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
    return harness.routeNativeElement as HTMLElement;
  }

  function flushDeliveries(items = [deliveryDto()], nextCursor: string | null = null): void {
    http.expectOne((req) => req.url === DELIVERIES && !req.params.has('cursor')).flush({ items, nextCursor });
  }

  async function open(endpoint = endpointDto(), deliveries = [deliveryDto()], nextCursor: string | null = null) {
    await harness.navigateByUrl('/admin/webhooks/wh-1');
    http.expectOne('/api/v1/webhooks/wh-1').flush(endpoint);
    await render();
    flushDeliveries(deliveries, nextCursor);
    return render();
  }

  function button(root: ParentNode, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows the endpoint, its settings and its delivery log', async () => {
    const root = await open(
      endpointDto({ enabled: false, disabledReason: 'failing for 3 days', failingSince: '2026-01-01T08:00:00.000Z' }),
    );
    expect(root.querySelector('h1')?.textContent).toContain('Shop stock sync');
    expect(root.textContent).toContain('https://hooks.example.com/depot');
    expect(root.textContent).toContain('Depot switched this endpoint off: failing for 3 days');
    expect(root.textContent).toContain('Deliveries have failed since');
    expect(root.querySelector('button[role="switch"]')?.getAttribute('aria-checked')).toBe('false');
    expect(root.querySelector<HTMLInputElement>('input[formcontrolname="url"]')?.value).toBe(
      'https://hooks.example.com/depot',
    );

    const row = root.querySelector('tr.delivery-row')!;
    expect(row.textContent).toContain('Failed');
    expect(row.querySelector('td[data-column="attempts"]')?.textContent?.trim()).toBe('3');
    expect(row.textContent).toContain('500');
    expect(row.textContent).toContain('42 ms');
    expect(row.textContent).toContain('HTTP 500');
  });

  it('saves the settings with the version it loaded', async () => {
    let root = await open();
    expect(button(root, 'Save changes').disabled).toBe(true);
    type(root, 'input[formcontrolname="description"]', 'ERP sync');
    root = await render();
    button(root, 'Save changes').click();

    const request = http.expectOne('/api/v1/webhooks/wh-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      version: 2,
      url: 'https://hooks.example.com/depot',
      description: 'ERP sync',
      eventTypes: ['product.updated'],
    });
    request.flush(endpointDto({ description: 'ERP sync', version: 3 }));
    root = await render();
    expect(root.textContent).toContain('version 3');
    expect(button(root, 'Save changes').disabled).toBe(true);
  });

  it('explains a conflict and reloads the current settings', async () => {
    let root = await open();
    type(root, 'input[formcontrolname="description"]', 'Mine');
    root = await render();
    button(root, 'Save changes').click();
    http
      .expectOne('/api/v1/webhooks/wh-1')
      .flush(problemBody(409, 'REQUEST.VERSION_CONFLICT', 'Stale.'), { status: 409, statusText: 'Conflict' });
    await render();

    const reload = http.expectOne('/api/v1/webhooks/wh-1');
    expect(reload.request.method).toBe('GET');
    reload.flush(endpointDto({ description: 'Theirs', version: 7 }));
    root = await render();
    expect(root.textContent).toContain(WEBHOOK_CONFLICT_MESSAGE);
    expect(root.querySelector<HTMLInputElement>('input[formcontrolname="description"]')?.value).toBe('Theirs');
    expect(root.textContent).toContain('version 7');
  });

  it('shows the server refusing a new URL on the URL field', async () => {
    let root = await open();
    type(root, 'input[formcontrolname="url"]', 'http://10.0.0.1/x');
    root = await render();
    button(root, 'Save changes').click();
    http.expectOne('/api/v1/webhooks/wh-1').flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'The webhook URL is not allowed.', {
        errors: [{ field: 'url', message: 'url must not point to a private, loopback or link-local address' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    root = await render();
    expect(root.querySelector('mat-form-field')?.textContent).toContain('The URL must not point to a private');
  });

  it('switches the endpoint off and on with the current version', async () => {
    let root = await open();
    root.querySelector<HTMLElement>('button[role="switch"]')!.click();
    let request = http.expectOne('/api/v1/webhooks/wh-1');
    expect(request.request.body).toEqual({ version: 2, enabled: false });
    request.flush(endpointDto({ enabled: false, version: 3 }));
    root = await render();
    expect(root.textContent).toContain('Disabled');

    root.querySelector<HTMLElement>('button[role="switch"]')!.click();
    request = http.expectOne('/api/v1/webhooks/wh-1');
    expect(request.request.body).toEqual({ version: 3, enabled: true });
    request.flush(endpointDto({ enabled: true, version: 4 }));
    root = await render();
    expect(root.textContent).toContain('Enabled');
  });

  it('sends a test event and shows it in the log', async () => {
    let root = await open(endpointDto(), []);
    expect(root.textContent).toContain('No deliveries yet.');
    button(root, 'Send test event').click();
    http.expectOne('/api/v1/webhooks/wh-1/test').flush(deliveryDto({ status: 'pending', attempts: 0 }));
    await render();
    flushDeliveries([deliveryDto({ status: 'pending', attempts: 0, responseStatus: null, lastError: null })]);
    root = await render();
    expect(root.querySelector('tr.delivery-row')?.textContent).toContain('Pending');
  });

  it('opens a delivery to show what was sent and what came back, and replays it', async () => {
    let root = await open();
    const toggle = root.querySelector<HTMLButtonElement>('tr.delivery-row button.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    root = await render();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = root.querySelector('tr.detail-row')!;
    expect(detail.textContent).toContain('"type": "webhook.test"');
    expect(detail.textContent).toContain('"error": "boom"');

    button(root, 'Replay').click();
    const replay = http.expectOne('/api/v1/webhooks/wh-1/deliveries/d-1/replay');
    expect(replay.request.method).toBe('POST');
    replay.flush(deliveryDto({ id: 'd-2', status: 'pending' }));
    await render();
    flushDeliveries([deliveryDto({ id: 'd-2', status: 'pending' }), deliveryDto()]);
    root = await render();
    expect(root.querySelectorAll('tr.delivery-row')).toHaveLength(2);
  });

  it('pages to older deliveries with the cursor and back', async () => {
    let root = await open(endpointDto(), [deliveryDto({ id: 'd-3' }), deliveryDto({ id: 'd-2' })], 'cursor-1');
    button(root, 'Next').click();
    await render();
    const older = http.expectOne((req) => req.url === DELIVERIES && req.params.get('cursor') === 'cursor-1');
    older.flush({ items: [deliveryDto({ id: 'd-1' })], nextCursor: null });
    root = await render();
    expect(root.querySelectorAll('tr.delivery-row')).toHaveLength(1);
    expect(button(root, 'Next').disabled).toBe(true);
  });

  it('deletes the endpoint after confirmation and goes back to the list', async () => {
    const root = await open();
    button(root, 'Delete webhook').click();
    await render();
    button(document.querySelector('mat-dialog-container')!, 'Delete webhook').click();
    await settle();
    const request = http.expectOne('/api/v1/webhooks/wh-1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect((await render()).textContent).toContain('webhook list');
  });

  it('says so when the endpoint does not exist', async () => {
    await harness.navigateByUrl('/admin/webhooks/wh-1');
    http
      .expectOne('/api/v1/webhooks/wh-1')
      .flush(problemBody(404, 'NOTIFICATIONS.WEBHOOK_NOT_FOUND', 'No webhook.'), { status: 404, statusText: 'Nope' });
    expect((await render()).textContent).toContain('This webhook does not exist');
  });

  it("shows the endpoint's history to auditors only", async () => {
    const root = await open();
    expect(root.querySelector('app-record-history')).toBeNull();

    permissions.set(new Set([Permission.NotificationsWebhooksManage, Permission.AuditRead]));
    await render();
    http
      .expectOne(
        (request) => request.url === '/api/v1/audit-events' && request.params.get('entityType') === 'webhook_endpoint',
      )
      .flush({ items: [], nextCursor: null });
    await render();
    expect(root.querySelector('app-record-history')).not.toBeNull();
  });
});
