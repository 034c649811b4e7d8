import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { DevMailDto } from '@depot/contracts';
import { map } from 'rxjs';

import { DateTimePipe } from '../../../shared/format/date-time.pipe';
import { HttpStatus } from '../../../shared/http/http-status';
import { problemMessage, toProblemDetails } from '../../../shared/http/problem-details';
import { IconComponent } from '../../../shared/ui/icon/icon.component';
import { MailboxService } from './data-access/mailbox.service';

const PAGE_SIZE = 50;

/**
 * The development mailbox: e-mails the server kept instead of sending (invitations, password
 * resets). The selected message (`?id=` in the URL) shows its HTML in a fully sandboxed iframe
 * (`sandbox=""`: no scripts, no forms, an opaque origin), or its text.
 */
@Component({
  selector: 'app-mailbox',
  imports: [RouterLink, DateTimePipe, MatButton, MatProgressBar, IconComponent],
  templateUrl: './mailbox.component.html',
  styleUrl: './mailbox.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailboxComponent {
  readonly #mailbox = inject(MailboxService);

  protected readonly messages = signal<DevMailDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly unavailable = signal(false);
  protected readonly view = signal<'html' | 'text'>('html');

  protected readonly selectedId = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('id'))),
    { requireSync: true },
  );
  protected readonly selected = computed(
    () => this.messages().find((message) => message.id === this.selectedId()) ?? null,
  );
  protected readonly html = computed(() => this.selected()?.html || null);
  private readonly frame = viewChild<ElementRef<HTMLIFrameElement>>('frame');

  constructor() {
    this.load();
    // The untrusted e-mail HTML goes into an iframe with an empty `sandbox`. It is set on the
    // element itself: a `[srcdoc]` binding would run it through Angular's sanitizer (which strips
    // the e-mail's styles) and would add that code to the initial bundle.
    effect(() => {
      const frame = this.frame()?.nativeElement;
      const html = this.html();
      if (frame && html !== null && frame.srcdoc !== html) {
        frame.srcdoc = html;
      }
    });
  }

  /** "12.4 kB" (the server lists what it attached, not the content). */
  protected fileSize(bytes: number): string {
    return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
  }

  protected load(): void {
    this.#fetch(null);
  }

  protected loadOlder(): void {
    const cursor = this.nextCursor();
    if (cursor) {
      this.#fetch(cursor);
    }
  }

  #fetch(cursor: string | null): void {
    this.loading.set(true);
    this.#mailbox.list({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }).subscribe({
      next: (page) => {
        this.loading.set(false);
        this.error.set(null);
        this.messages.update((messages) => (cursor ? [...messages, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        const problem = toProblemDetails(error);
        this.unavailable.set(problem.status === HttpStatus.NotFound);
        this.error.set(problemMessage(problem));
      },
    });
  }
}
