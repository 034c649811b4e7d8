import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { IconComponent } from '../../shared/ui/icon/icon.component';
import { ConnectivityService } from './connectivity.service';

/** How often the countdown is redrawn; finer than a second so that it never skips a number. */
const TICK_MS = 250;

/**
 * Says that Depot is unavailable while requests wait out an outage, counts down to the next
 * attempt and offers to try at once. Nothing blocks: the page stays usable, its loaders keep
 * spinning, and the banner goes away by itself when the server answers again.
 *
 * The live region is always in the page (empty while all is well), so that screen readers
 * announce the message when it appears; the countdown stays outside it, or it would be read out
 * every second.
 */
@Component({
  selector: 'app-outage-banner',
  imports: [MatButton, IconComponent],
  templateUrl: './outage-banner.component.html',
  styleUrl: './outage-banner.component.scss',
  host: { '[class]': "'placement-' + placement()" },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutageBannerComponent {
  readonly #connectivity = inject(ConnectivityService);

  /** `inline`: a strip in the page's flow (the shell); `floating`: over the page's bottom; `centered`: alone on an empty page. */
  readonly placement = input<'inline' | 'floating' | 'centered'>('inline');

  protected readonly outage = this.#connectivity.outage;
  readonly #now = signal(Date.now());
  protected readonly secondsLeft = computed(() => {
    const outage = this.outage();
    return outage ? Math.max(0, Math.ceil((outage.retryAt - this.#now()) / 1000)) : 0;
  });

  constructor() {
    effect((onCleanup) => {
      if (!this.outage()) {
        return;
      }
      this.#now.set(Date.now());
      const timer = setInterval(() => this.#now.set(Date.now()), TICK_MS);
      onCleanup(() => clearInterval(timer));
    });
  }

  protected retryNow(): void {
    this.#connectivity.retryNow();
  }
}
