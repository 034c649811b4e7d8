import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { DevMailDto } from '@depot/contracts';

import { MailboxComponent } from './mailbox.component';

const MAIL: DevMailDto = {
  id: 'm-1',
  to: 'ivy@depot.local',
  subject: 'You are invited to Depot',
  template: 'invite',
  html: '<p style="color: navy">Hello <script>alert(1)</script><a href="/reset-password?token=t">Choose</a></p>',
  text: 'Hello\n\nhttp://localhost/reset-password?token=t',
  attachments: [],
  createdAt: '2026-01-02T10:00:00.000Z',
};

describe('MailboxComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/mailbox', component: MailboxComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('shows the selected message in a fully sandboxed frame', async () => {
    await harness.navigateByUrl('/admin/mailbox?id=m-1');
    http.expectOne((request) => request.url === '/api/v1/dev/mailbox').flush({ items: [MAIL], nextCursor: null });
    const root = await render();

    expect(root.querySelector('.message-link')?.textContent).toContain('You are invited to Depot');
    const frame = root.querySelector('iframe');
    expect(frame?.getAttribute('sandbox')).toBe('');
    expect(frame?.srcdoc).toBe(MAIL.html);
    expect(root.querySelector('h2')?.textContent).toBe('You are invited to Depot');
  });

  it('names the files a message came with', async () => {
    await harness.navigateByUrl('/admin/mailbox?id=m-2');
    http
      .expectOne((request) => request.url === '/api/v1/dev/mailbox')
      .flush({
        items: [
          {
            ...MAIL,
            id: 'm-2',
            template: 'document',
            subject: 'Invoice INV-2026-000123 from Depot Demo GmbH',
            attachments: [{ fileName: 'INV-2026-000123.pdf', contentType: 'application/pdf', sizeBytes: 23456 }],
          },
          MAIL,
        ],
        nextCursor: null,
      });
    const root = await render();
    expect(root.querySelector('.attachments')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'INV-2026-000123.pdf · 23.5 kB',
    );
  });

  it('shows the text version on request', async () => {
    await harness.navigateByUrl('/admin/mailbox?id=m-1');
    http.expectOne((request) => request.url === '/api/v1/dev/mailbox').flush({ items: [MAIL], nextCursor: null });
    let root = await render();

    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Text')
      ?.click();
    root = await render();

    expect(root.querySelector('iframe')).toBeNull();
    expect(root.querySelector('pre')?.textContent).toContain('reset-password?token=t');
  });

  it('says so when the server has no development mailbox', async () => {
    await harness.navigateByUrl('/admin/mailbox');
    http
      .expectOne((request) => request.url === '/api/v1/dev/mailbox')
      .flush({ title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    const root = await render();
    expect(root.textContent).toContain('This server has no development mailbox');
  });
});
