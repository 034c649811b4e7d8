import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type MailMessageDto } from '@depot/contracts';

import { AuthService } from '../../../../core/auth/auth.service';
import { problemBody, settle } from '../../../../../testing/test-helpers';
import { MailMessageListComponent } from './mail-message-list.component';

// Material tables and form fields render slowly in jsdom.
jest.setTimeout(20_000);

function mailMessage(overrides: Partial<MailMessageDto> = {}): MailMessageDto {
  return {
    id: 'm-1',
    to: 'ada@depot.local',
    template: 'password-reset',
    subject: 'Reset your Depot password',
    status: 'sent',
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: '2026-01-02T10:00:01.000Z',
    lastError: null,
    sentAt: '2026-01-02T10:00:01.000Z',
    requestId: 'req-1',
    createdAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

const FAILED = mailMessage({
  id: 'm-2',
  to: 'bob@depot.local',
  template: 'invite',
  subject: 'You are invited to Depot',
  status: 'failed',
  attempts: 6,
  sentAt: null,
  lastError: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:587',
});

describe('MailMessageListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.MailMessagesRead, Permission.MailMessagesManage]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin/mail', component: MailMessageListComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: AuthService,
          useValue: {
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
            currentUser: signal(null),
          } satisfies Partial<AuthService>,
        },
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

  function expectList(): TestRequest {
    return http.expectOne((request) => request.url === '/api/v1/mail-messages');
  }

  function rows(root: HTMLElement): HTMLElement[] {
    return Array.from(root.querySelectorAll<HTMLElement>('tr.mail-row'));
  }

  function buttonByText(root: HTMLElement, text: string): HTMLButtonElement | undefined {
    return Array.from(root.querySelectorAll('button')).find((element) => element.textContent?.trim() === text);
  }

  it('lists messages with their status, attempts and last error, offering Retry only for failed ones', async () => {
    await harness.navigateByUrl('/admin/mail');
    const request = expectList();
    expect(request.request.params.get('limit')).toBe('25');
    expect(request.request.params.get('includeTotal')).toBe('true');
    request.flush({
      items: [
        mailMessage(),
        FAILED,
        mailMessage({
          id: 'm-3',
          status: 'retrying',
          attempts: 2,
          sentAt: null,
          nextAttemptAt: '2026-01-02T10:05:00.000Z',
          lastError: '421 try later',
        }),
      ],
      nextCursor: null,
    });
    const root = await render();

    const [sent, failed, retrying] = rows(root);
    expect(sent.querySelector('.badge')?.textContent?.trim()).toBe('Sent');
    expect(sent.textContent).toContain('ada@depot.local');
    expect(sent.textContent).toContain('Reset your Depot password');
    expect(sent.querySelector('button')).toBeNull();
    expect(failed.querySelector('.badge')?.textContent?.trim()).toBe('Failed');
    expect(failed.querySelector('td[data-column="attempts"]')?.textContent?.trim()).toBe('6');
    expect(failed.textContent).toContain('ECONNREFUSED');
    expect(failed.querySelector('button')?.getAttribute('aria-label')).toBe(
      'Send the message to bob@depot.local again',
    );
    expect(retrying.querySelector('.badge')?.textContent?.trim()).toBe('Retrying');
    expect(retrying.textContent).toContain('Next try');
    expect(retrying.querySelector('button')).toBeNull();
  });

  it('queues a failed message again and shows the list as it is now', async () => {
    await harness.navigateByUrl('/admin/mail');
    expectList().flush({ items: [FAILED], nextCursor: null });
    const root = await render();

    buttonByText(root, 'Retry')?.click();
    const retry = http.expectOne('/api/v1/mail-messages/m-2/retry');
    expect(retry.request.method).toBe('POST');
    retry.flush({ ...FAILED, status: 'queued', attempts: 0 });
    expectList().flush({ items: [{ ...FAILED, status: 'queued', attempts: 0 }], nextCursor: null });
    await render();

    expect(rows(root)[0].querySelector('.badge')?.textContent?.trim()).toBe('Queued');
    expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
      'Queued the message to bob@depot.local again.',
    );
  });

  it('says why a retry was refused and reloads the list', async () => {
    await harness.navigateByUrl('/admin/mail');
    expectList().flush({ items: [FAILED], nextCursor: null });
    const root = await render();

    buttonByText(root, 'Retry')?.click();
    http
      .expectOne('/api/v1/mail-messages/m-2/retry')
      .flush(problemBody(409, 'MAIL.NOT_RETRYABLE', 'Only a failed message can be sent again; this one is queued.'), {
        status: 409,
        statusText: 'Conflict',
      });
    expectList().flush({ items: [{ ...FAILED, status: 'queued' }], nextCursor: null });
    await render();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not send the message to bob@depot.local again: Only a failed message can be sent again',
    );
  });

  it('hides Retry from users who may only read', async () => {
    permissions.set(new Set([Permission.MailMessagesRead]));
    await harness.navigateByUrl('/admin/mail');
    expectList().flush({ items: [FAILED], nextCursor: null });
    const root = await render();
    expect(buttonByText(root, 'Retry')).toBeUndefined();
  });

  it('filters by status and recipient through the URL, and pages with the cursor', async () => {
    await harness.navigateByUrl('/admin/mail?status=failed&to=bob@depot.local');
    const first = expectList();
    expect(first.request.params.get('status')).toBe('failed');
    expect(first.request.params.get('to')).toBe('bob@depot.local');
    first.flush({ items: [FAILED], nextCursor: 'c1' });
    const root = await render();

    buttonByText(root, 'Next')?.click();
    await render();
    const older = expectList();
    expect(older.request.params.get('cursor')).toBe('c1');
    expect(older.request.params.get('status')).toBe('failed');
    older.flush({ items: [], nextCursor: null });
    await render();
    expect(root.textContent).toContain('No messages match the filters.');
  });

  it('drops a status the API does not know instead of sending it', async () => {
    await harness.navigateByUrl('/admin/mail?status=lost');
    expect(expectList().request.params.has('status')).toBe(false);
  });

  it('shows a server error with a way to try again', async () => {
    await harness.navigateByUrl('/admin/mail');
    expectList().flush(problemBody(500, 'SERVER.INTERNAL', 'Server trouble.'), {
      status: 500,
      statusText: 'Server Error',
    });
    const root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'Could not load outgoing mail: Server trouble.',
    );
    expect(root.textContent).not.toContain('No e-mail sent yet.');

    buttonByText(root, 'Retry')?.click();
    expectList().flush({ items: [], nextCursor: null });
    await render();
    expect(root.textContent).toContain('No e-mail sent yet.');
  });
});
