import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { problemBody, settle } from '../../../../../testing/test-helpers';
import { endpointDto } from '../../../../../testing/webhook-data';
import {
  type CreateWebhookDialogResult,
  SECRET_SHOWN_ONCE_WARNING,
  openCreateWebhookDialog,
} from './create-webhook-dialog.component';

const SECRET = 'whsec_the-secret-part';

describe('CreateWebhookDialogComponent', () => {
  let http: HttpTestingController;
  let dialog: MatDialog;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    dialog = TestBed.inject(MatDialog);
  });

  afterEach(() => {
    http.verify();
    dialog.closeAll();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  function pane(): HTMLElement {
    const element = document.querySelector<HTMLElement>('mat-dialog-container');
    if (!element) {
      throw new Error('no dialog');
    }
    return element;
  }

  async function render(): Promise<void> {
    TestBed.tick();
    await settle();
  }

  function button(text: string): HTMLButtonElement {
    const found = Array.from(pane().querySelectorAll('button')).find((b) => b.textContent?.trim().includes(text));
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  function type(selector: string, value: string): void {
    const input = pane().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function tick(eventType: string): void {
    const box = Array.from(pane().querySelectorAll('mat-checkbox')).find(
      (checkbox) => checkbox.querySelector('code')?.textContent?.trim() === eventType,
    );
    box!.querySelector('input')!.click();
  }

  async function open(): Promise<{ closed: Promise<CreateWebhookDialogResult> }> {
    const closed = firstValueFrom(openCreateWebhookDialog(dialog));
    await render();
    return { closed };
  }

  it('offers every event type as a checkbox', async () => {
    await open();
    const codes = Array.from(pane().querySelectorAll('mat-checkbox code')).map((code) => code.textContent?.trim());
    expect(codes).toContain('product.updated');
    expect(codes).toContain('stock.changed');
    expect(codes).toContain('webhook.test');
  });

  it('shows the signing secret once, with a warning, and never hands it out of the dialog', async () => {
    const { closed } = await open();
    type('input[formcontrolname="url"]', ' https://hooks.example.com/depot ');
    type('input[formcontrolname="description"]', 'Shop sync');
    tick('stock.changed');
    tick('product.updated');
    await render();
    button('Register webhook').click();

    const request = http.expectOne('/api/v1/webhooks');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      url: 'https://hooks.example.com/depot',
      description: 'Shop sync',
      eventTypes: ['product.updated', 'stock.changed'],
    });
    request.flush({ ...endpointDto({ eventTypes: ['product.updated', 'stock.changed'] }), secret: SECRET });
    await render();

    expect(pane().querySelector<HTMLInputElement>('input.secret')?.value).toBe(SECRET);
    expect(pane().textContent).toContain(SECRET_SHOWN_ONCE_WARNING);
    expect(button('Copy')).toBeTruthy();

    button('Done, I have copied it').click();
    await render();
    const result = await closed;
    expect(result).toMatchObject({ id: 'wh-1', url: 'https://hooks.example.com/depot' });
    expect(JSON.stringify(result)).not.toContain('the-secret-part');
    expect(document.body.textContent).not.toContain('the-secret-part');

    await open();
    expect(pane().querySelector('input.secret')).toBeNull();
    expect(pane().textContent).toContain('Register a webhook');
  });

  it('needs a URL and at least one event, and checks the URL is http(s)', async () => {
    await open();
    button('Register webhook').click();
    await render();
    expect(pane().textContent).toContain('Enter the URL that should receive the events.');
    expect(pane().textContent).toContain('Choose at least one event.');

    type('input[formcontrolname="url"]', 'ftp://files.example.com');
    await render();
    expect(pane().textContent).toContain('Enter an absolute URL starting with https://');
    http.expectNone('/api/v1/webhooks');
  });

  it('shows the server refusing the URL on the URL field', async () => {
    await open();
    type('input[formcontrolname="url"]', 'http://127.0.0.1:9/x');
    tick('product.updated');
    await render();
    button('Register webhook').click();

    http.expectOne('/api/v1/webhooks').flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'The webhook URL is not allowed.', {
        errors: [
          { field: 'url', message: 'url must not point to a private, loopback or link-local address', code: 'safeUrl' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await render();

    const field = pane().querySelector('mat-form-field')!;
    expect(field.textContent).toContain('The URL must not point to a private, loopback or link-local address');
    expect(pane().querySelector('input.secret')).toBeNull();
  });

  it('cancels without registering anything', async () => {
    const { closed } = await open();
    button('Cancel').click();
    await render();
    await expect(closed).resolves.toBeUndefined();
    http.expectNone('/api/v1/webhooks');
  });
});
