import {
  ChangeDetectionStrategy,
  Component,
  type ComponentRef,
  type Type,
  ViewContainerRef,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterOutlet } from '@angular/router';

import { AuthService } from './core/auth/auth.service';
import type { OutageBannerComponent } from './core/connectivity/outage-banner.component';

/**
 * Root component: everything below it is routed (login page or the authenticated shell).
 *
 * The shell shows outages in its own layout. Until there is a shell (signed out, or while the
 * start-up session restore waits for the server) the outage banner floats over the page. It is
 * loaded at start-up, not when needed (in an outage the server may not deliver it), but apart from
 * the initial bundle; by hand, because `@defer` would bring its runtime into the initial bundle.
 */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet /><ng-container #outageBanner />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppComponent {
  readonly #auth = inject(AuthService);
  private readonly bannerSlot = viewChild.required('outageBanner', { read: ViewContainerRef });
  readonly #bannerType = signal<Type<OutageBannerComponent> | null>(null);
  #banner: ComponentRef<OutageBannerComponent> | null = null;

  constructor() {
    void import('./core/connectivity/outage-banner.component').then((m) =>
      this.#bannerType.set(m.OutageBannerComponent),
    );

    effect(() => {
      const type = this.#bannerType();
      const slot = this.bannerSlot();
      const placement = this.#auth.restoring() ? 'centered' : 'floating';
      const wanted = type !== null && !this.#auth.isAuthenticated();
      untracked(() => {
        if (!wanted) {
          slot.clear();
          this.#banner = null;
          return;
        }
        this.#banner ??= slot.createComponent(type);
        this.#banner.setInput('placement', placement);
      });
    });
  }
}
