import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { OperationsStatusDto } from '@depot/contracts';

import { OPERATIONS_REFRESH_MS, OperationsPageComponent } from './operations-page.component';

function status(overrides: Partial<OperationsStatusDto> = {}): OperationsStatusDto {
  return {
    checkedAt: '2026-12-03T10:15:31.000Z',
    build: {
      version: '0.1.0',
      commit: 'fef5b5b483b3e7d93cc46d716ceeed6ccd97ea72',
      nodeVersion: '20.20.2',
      environment: 'production',
      tracing: false,
    },
    instances: [
      {
        instanceId: 'i-1',
        role: 'web',
        hostname: 'depot-web-1',
        pid: 1,
        version: '0.1.0',
        startedAt: '2026-12-03T09:00:00.000Z',
        lastSeenAt: '2026-12-03T10:15:30.000Z',
        current: true,
      },
      {
        instanceId: 'i-2',
        role: 'worker',
        hostname: 'depot-worker-1',
        pid: 1,
        version: '0.1.0',
        startedAt: '2026-12-03T09:00:00.000Z',
        lastSeenAt: '2026-12-03T10:15:25.000Z',
        current: false,
      },
    ],
    database: {
      status: 'ok',
      latencyMs: 1.2,
      version: 'PostgreSQL 18.1',
      pool: { max: 5, total: 2, idle: 2, waiting: 0 },
    },
    redis: { status: 'not_configured', latencyMs: null },
    outbox: { pending: 3, oldestAgeSeconds: 95 },
    failingWebhooks: [],
    mail: { pending: 0, failed: 0, oldestPendingAgeSeconds: null },
    lastBackup: null,
    ...overrides,
  };
}

describe('OperationsPageComponent', () => {
  let fixture: ComponentFixture<OperationsPageComponent>;
  let http: HttpTestingController;
  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OperationsPageComponent);
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
    jest.useRealTimers();
  });

  const answer = (body: OperationsStatusDto) => {
    jest.advanceTimersByTime(0);
    http.expectOne('/api/v1/operations/status').flush(body);
    fixture.detectChanges();
  };

  it('shows the build, the replicas and the queues in labelled cards', () => {
    fixture.detectChanges();
    answer(status());
    const headings = [...(fixture.nativeElement as HTMLElement).querySelectorAll('section h2')].map(
      (h) => h.textContent,
    );
    expect(headings).toEqual([
      'Build',
      'Database',
      'Redis',
      'Outbox',
      'Mail queue',
      'Last backup',
      'Replicas',
      'Failing webhooks',
    ]);
    expect(text()).toContain('fef5b5b483b3');
    expect(text()).toContain('depot-worker-1');
    expect(text()).toContain('this one');
    expect(text()).toContain('95 s');
    expect(text()).toContain('Not configured');
    expect(text()).toContain('No backup recorded');
    expect(fixture.nativeElement.querySelector('[data-testid="attention"]')).toBeNull();
  });

  it('asks again every 15 seconds and calls out what needs attention', () => {
    fixture.detectChanges();
    answer(status());
    jest.advanceTimersByTime(OPERATIONS_REFRESH_MS);
    http.expectOne('/api/v1/operations/status').flush(
      status({
        mail: { pending: 1, failed: 2, oldestPendingAgeSeconds: 4000 },
        failingWebhooks: [
          {
            endpointId: 'w-1',
            url: 'https://erp.example.com/hook',
            enabled: false,
            disabledReason: 'failing for more than 432000 s',
            failingSince: '2026-11-28T10:15:30.000Z',
            recentFailures: 12,
          },
        ],
        lastBackup: {
          status: 'failed',
          startedAt: '2026-12-03T02:00:00.000Z',
          finishedAt: '2026-12-03T02:00:01.000Z',
          file: '/backups/depot.depot.gz',
          sizeBytes: null,
          rowCount: null,
          error: 'connection refused',
          hostname: 'backup-job',
        },
      }),
    );
    fixture.detectChanges();
    const attention = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="attention"]');
    expect(attention?.textContent).toContain('1 webhook endpoint(s) failing.');
    expect(attention?.textContent).toContain('2 e-mail(s) failed.');
    expect(attention?.textContent).toContain('The last backup failed.');
    expect(text()).toContain('https://erp.example.com/hook');
    expect(text()).toContain('Switched off');
    expect(text()).toContain('67 min');
  });

  it('keeps the last figures under an error banner when a refresh fails', () => {
    fixture.detectChanges();
    answer(status());
    jest.advanceTimersByTime(OPERATIONS_REFRESH_MS);
    http
      .expectOne('/api/v1/operations/status')
      .flush(
        { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'You may not do this.' },
        { status: 403, statusText: 'Forbidden' },
      );
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'You may not do this.',
    );
    expect(text()).toContain('depot-worker-1');
  });
});
