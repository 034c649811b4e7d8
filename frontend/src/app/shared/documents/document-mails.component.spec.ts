import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MailedDocument, type DocumentMailDto } from '@depot/contracts';

import { documentMail } from '../../../testing/document-mail-data';
import { problemBody, settle } from '../../../testing/test-helpers';
import { DOCUMENT_MAIL_POLLING, DocumentMailsComponent } from './document-mails.component';

const POLL_MS = 20;
const MAX_POLLS = 3;
const URL = '/api/v1/sales-orders/so-1/emails';

describe('DocumentMailsComponent', () => {
  let fixture: ComponentFixture<DocumentMailsComponent>;
  let http: HttpTestingController;

  async function start(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: DOCUMENT_MAIL_POLLING, useValue: { intervalMs: POLL_MS, maxPolls: MAX_POLLS } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DocumentMailsComponent);
    fixture.componentRef.setInput('recordType', 'sales_order');
    fixture.componentRef.setInput('recordId', 'so-1');
    return render();
  }

  async function render(): Promise<HTMLElement> {
    fixture.detectChanges();
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  /** Waits for the next poll of the list (or fails the test if none comes). */
  async function nextPoll(): Promise<ReturnType<HttpTestingController['expectOne']>> {
    for (let waited = 0; waited < POLL_MS * 20; waited += POLL_MS / 2) {
      const pending = http.match(URL);
      if (pending.length) {
        return pending[0];
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS / 2));
    }
    return http.expectOne(URL);
  }

  function chips(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('.mail-status')).map((chip) => chip.textContent?.trim() ?? '');
  }

  afterEach(() => http.verify());

  it('lists each e-mail with its document, recipient, subject, sender and status', async () => {
    let root = await start();
    http.expectOne(URL).flush([
      documentMail({
        id: 'm-2',
        document: MailedDocument.DeliveryNote,
        number: 'SO-2026-000042',
        subject: 'Delivery note SO-2026-000042 from Depot Demo GmbH',
        status: 'sent',
        sentAt: '2026-01-05T10:00:02.000Z',
        sentBy: 'Chris Clerk',
        attachments: ['delivery-note-SO-2026-000042.pdf'],
      }),
      documentMail({ id: 'm-1', document: MailedDocument.OrderConfirmation, number: 'SO-2026-000042', status: 'sent' }),
    ]);
    root = await render();

    const entries = root.querySelectorAll('li.mail-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0].textContent).toContain('Delivery note SO-2026-000042');
    expect(entries[0].textContent).toContain('To anna@nordic.example');
    expect(entries[0].textContent).toContain('Delivery note SO-2026-000042 from Depot Demo GmbH');
    expect(entries[0].textContent).toContain('Chris Clerk');
    expect(entries[0].textContent).toContain('delivery-note-SO-2026-000042.pdf');
    expect(entries[1].textContent).toContain('Order confirmation SO-2026-000042');
    expect(chips(root)).toEqual(['Sent', 'Sent']);
  });

  it('shows every status as a chip, and why a delivery failed on the failed one', async () => {
    let root = await start();
    const statuses: DocumentMailDto['status'][] = ['failed', 'sent', 'retrying', 'sending', 'queued'];
    const mails = statuses.map((status, index) =>
      documentMail({ id: `m-${index}`, status, lastError: status === 'failed' ? '550 mailbox unavailable' : null }),
    );
    http.expectOne(URL).flush(mails);
    root = await render();
    expect(chips(root)).toEqual(['Failed', 'Sent', 'Retrying', 'Sending', 'Queued']);
    const failed = root.querySelector<HTMLElement>('.mail-status.failed')!;
    // Reachable with the keyboard, and named with the reason for screen readers (the tooltip shows it on hover/focus).
    expect(failed.getAttribute('tabindex')).toBe('0');
    expect(failed.getAttribute('aria-label')).toBe('Failed: 550 mailbox unavailable');
    expect(root.querySelector('.mail-status.sent')?.hasAttribute('tabindex')).toBe(false);

    // Some are on their way: the list polls; stop it by answering that all went out.
    (await nextPoll()).flush(mails.map((mail) => ({ ...mail, status: mail.status === 'failed' ? 'failed' : 'sent' })));
    await render();
  });

  it('follows a queued e-mail until it is sent, then stops asking', async () => {
    let root = await start();
    http.expectOne(URL).flush([documentMail({ status: 'queued' })]);
    root = await render();
    expect(chips(root)).toEqual(['Queued']);

    (await nextPoll()).flush([documentMail({ status: 'sending' })]);
    root = await render();
    expect(chips(root)).toEqual(['Sending']);

    (await nextPoll()).flush([documentMail({ status: 'sent', sentAt: '2026-01-05T10:00:02.000Z' })]);
    root = await render();
    expect(chips(root)).toEqual(['Sent']);

    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
    http.expectNone(URL);
    expect(root.querySelector('.waiting')).toBeNull();
  });

  it('gives up after a while and offers to look again', async () => {
    let root = await start();
    http.expectOne(URL).flush([documentMail({ status: 'retrying', lastError: 'Connection refused' })]);
    for (let poll = 0; poll < MAX_POLLS; poll++) {
      (await nextPoll()).flush([documentMail({ status: 'retrying', lastError: 'Connection refused' })]);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 4));
    http.expectNone(URL);
    root = await render();
    expect(root.querySelector('.waiting')?.textContent).toContain('Some e-mails are still on their way.');

    (root.querySelector('.waiting button') as HTMLButtonElement).click();
    http.expectOne(URL).flush([documentMail({ status: 'sent' })]);
    root = await render();
    expect(chips(root)).toEqual(['Sent']);
    expect(root.querySelector('.waiting')).toBeNull();
  });

  it('loads again when the page says it sent one', async () => {
    let root = await start();
    http.expectOne(URL).flush([]);
    root = await render();
    expect(root.textContent).toContain('No e-mails sent yet.');

    fixture.componentRef.setInput('refresh', 1);
    root = await render();
    http.expectOne(URL).flush([documentMail({ status: 'sent' })]);
    root = await render();
    expect(chips(root)).toEqual(['Sent']);
  });

  it('says when the list cannot be loaded, and retries', async () => {
    let root = await start();
    http
      .expectOne(URL)
      .flush(problemBody(403, 'AUTH.FORBIDDEN', 'You may not do this.'), { status: 403, statusText: 'Forbidden' });
    root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not load the e-mails: You may not do this.',
    );
    expect(root.textContent).not.toContain('No e-mails sent yet.');

    (root.querySelector('[role="alert"] button') as HTMLButtonElement).click();
    http.expectOne(URL).flush([]);
    root = await render();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.textContent).toContain('No e-mails sent yet.');
  });
});
