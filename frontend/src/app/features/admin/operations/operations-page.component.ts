import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { HEARTBEAT_INTERVAL_SECONDS, type ComponentState, type OperationsStatusDto } from '@depot/contracts';
import { Subject, catchError, map, merge, of, startWith, switchMap, timer } from 'rxjs';

import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { OperationsStatusService } from './data-access/operations-status.service';

/** How often the page asks again: as often as the processes write their heartbeats. */
export const OPERATIONS_REFRESH_MS = HEARTBEAT_INTERVAL_SECONDS * 1000;

const STATE_LABELS: Record<ComponentState, string> = { ok: 'OK', failing: 'Failing', not_configured: 'Not configured' };

type Loaded = { kind: 'loaded'; status: OperationsStatusDto } | { kind: 'failed'; message: string };

/**
 * `/admin/operations`: the deployment at a glance for administrators — build, the replicas seen
 * in the last minute, database and Redis, the outbox backlog, failing webhooks, the mail queue and
 * the last backup. Refreshes every 15 s (and on demand); a failed refresh keeps the last figures
 * on screen under an error banner.
 */
@Component({
  selector: 'app-operations-page',
  imports: [DateTimePipe, MatButton, MatProgressBar, IconComponent],
  templateUrl: './operations-page.component.html',
  styleUrl: './operations-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OperationsPageComponent {
  readonly #operations = inject(OperationsStatusService);
  readonly #refresh = new Subject<void>();

  readonly #status = signal<OperationsStatusDto | null>(null);
  protected readonly status = this.#status.asReadonly();
  protected readonly error = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly refreshSeconds = HEARTBEAT_INTERVAL_SECONDS;

  protected readonly attention = computed(() => {
    const status = this.#status();
    if (!status) return [];
    const notes: string[] = [];
    if (status.database.status !== 'ok') notes.push('The database is failing.');
    if (status.redis.status === 'failing') notes.push('Redis is failing.');
    if (status.failingWebhooks.length > 0) notes.push(`${status.failingWebhooks.length} webhook endpoint(s) failing.`);
    if (status.mail.failed > 0) notes.push(`${status.mail.failed} e-mail(s) failed.`);
    if (status.lastBackup?.status === 'failed') notes.push('The last backup failed.');
    return notes;
  });

  constructor() {
    merge(timer(0, OPERATIONS_REFRESH_MS), this.#refresh)
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return this.#operations.status().pipe(
            map((status): Loaded => ({ kind: 'loaded', status })),
            catchError((error: unknown) =>
              of<Loaded>({ kind: 'failed', message: problemMessage(toProblemDetails(error)) }),
            ),
            startWith(null),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((result) => {
        if (!result) return;
        this.loading.set(false);
        if (result.kind === 'loaded') {
          this.#status.set(result.status);
          this.error.set(null);
        } else {
          this.error.set(result.message);
        }
      });
  }

  protected refresh(): void {
    this.#refresh.next();
  }

  protected stateLabel(state: ComponentState): string {
    return STATE_LABELS[state];
  }

  protected shortCommit(commit: string | null): string {
    return commit ? commit.slice(0, 12) : 'unknown';
  }

  /** `95 s`, `4 min`, `3 h`, `2 d`: how old something is, for backlog ages. */
  protected age(seconds: number | null): string {
    if (seconds === null) return '—';
    if (seconds < 120) return `${seconds} s`;
    if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
    if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
    return `${Math.round(seconds / 86_400)} d`;
  }

  protected latency(ms: number | null): string {
    return ms === null ? '—' : `${ms} ms`;
  }

  protected size(bytes: number | null): string {
    if (bytes === null) return '—';
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
    if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
    return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GiB`;
  }
}
