import { ChangeDetectionStrategy, Component, InjectionToken, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTooltip } from '@angular/material/tooltip';
import type { DocumentMailDto, MailMessageStatus, ProblemDetails } from '@depot/contracts';
import { EMPTY, type Observable, Subject, catchError, expand, finalize, map, merge, of, switchMap, timer } from 'rxjs';

import { DateTimePipe } from '../format/date-time.pipe';
import { problemMessage, toProblemDetails } from '../http/problem-details';
import { DOCUMENT_LABELS, DocumentsService, type MailedRecordType } from './documents.service';

/** How the list follows e-mails on their way out: every `intervalMs`, at most `maxPolls` times. */
export interface DocumentMailPolling {
  intervalMs: number;
  maxPolls: number;
}

/** Every 2 s for up to 30 s: in development a message is sent within a second or two. */
export const DOCUMENT_MAIL_POLLING = new InjectionToken<DocumentMailPolling>('DOCUMENT_MAIL_POLLING', {
  factory: () => ({ intervalMs: 2000, maxPolls: 15 }),
});

export const MAIL_STATUS_LABELS: Readonly<Record<MailMessageStatus, string>> = {
  queued: 'Queued',
  sending: 'Sending',
  retrying: 'Retrying',
  sent: 'Sent',
  failed: 'Failed',
};

/** Statuses that will still change by themselves. */
const ON_THE_WAY: readonly MailMessageStatus[] = ['queued', 'sending', 'retrying'];

export function mailOnTheWay(mail: Pick<DocumentMailDto, 'status'>): boolean {
  return ON_THE_WAY.includes(mail.status);
}

type Loaded = { mails: DocumentMailDto[] } | { problem: ProblemDetails };

/**
 * The e-mails of a record's documents (`GET /{records}/{id}/emails`), newest first: document, recipient,
 * subject, who sent it and when, and where its delivery stands. While any is still on its way
 * (queued, sending, retrying) the list asks again every few seconds, for a while; the page bumps
 * `refresh` after it sent one. (There are no live events for outgoing mail.)
 */
@Component({
  selector: 'app-document-mails',
  imports: [MatButton, MatProgressBar, MatTooltip, DateTimePipe],
  templateUrl: './document-mails.component.html',
  styleUrl: './document-mails.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentMailsComponent {
  readonly #documents = inject(DocumentsService);
  readonly #polling = inject(DOCUMENT_MAIL_POLLING);

  readonly recordType = input.required<MailedRecordType>();
  readonly recordId = input.required<string>();
  /** Bumped by the page when it sent an e-mail: the list loads again and follows the new one. */
  readonly refresh = input(0);
  /** Accessible name of the list. */
  readonly label = input('E-mails sent, newest first');

  protected readonly mails = signal<DocumentMailDto[]>([]);
  /** The first answer has arrived (until then the empty state would be premature). */
  protected readonly loaded = signal(false);
  protected readonly loading = signal(false);
  protected readonly problem = signal<string | null>(null);
  /** Asking again while some e-mail is on its way. */
  readonly #following = signal(false);
  /** Polling gave up while some e-mail was still on its way: the user can look again. */
  protected readonly waiting = computed(() => !this.#following() && this.mails().some(mailOnTheWay));

  protected readonly documentLabels = DOCUMENT_LABELS;
  protected readonly statusLabels = MAIL_STATUS_LABELS;

  readonly #again = new Subject<void>();

  constructor() {
    const record = computed(() => ({ type: this.recordType(), id: this.recordId(), tick: this.refresh() }));
    merge(toObservable(record), this.#again.pipe(map(() => record())))
      .pipe(
        switchMap(({ type, id }) => this.#follow(type, id)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('problem' in result) {
          this.problem.set(problemMessage(result.problem));
          return;
        }
        this.problem.set(null);
        this.mails.set(result.mails);
        this.loaded.set(true);
      });
  }

  protected reload(): void {
    this.#again.next();
  }

  /** A failed (or retried) delivery says why. */
  protected lastError(mail: DocumentMailDto): string {
    return (mail.status === 'failed' || mail.status === 'retrying') && mail.lastError ? mail.lastError : '';
  }

  /** Loads the list, then again every interval while an e-mail is on its way (at most `maxPolls` times). */
  #follow(type: MailedRecordType, id: string): Observable<Loaded> {
    const load = () => this.#documents.mails(type, id);
    let polls = 0;
    this.loading.set(true);
    this.#following.set(true);
    return load().pipe(
      expand((mails) =>
        mails.some(mailOnTheWay) && polls++ < this.#polling.maxPolls
          ? timer(this.#polling.intervalMs).pipe(switchMap(load))
          : EMPTY,
      ),
      map((mails): Loaded => ({ mails })),
      catchError((error: unknown) => of<Loaded>({ problem: toProblemDetails(error) })),
      finalize(() => this.#following.set(false)),
    );
  }
}
