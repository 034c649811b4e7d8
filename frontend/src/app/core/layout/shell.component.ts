import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import {
  MatListItem,
  MatListItemIcon,
  MatListItemTitle,
  MatListSubheaderCssMatStyler,
  MatNavList,
} from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { Permission } from '@depot/contracts';
import { filter, map } from 'rxjs';

import { IconComponent } from '../../shared/ui/icon/icon.component';
import { RouteFocusService } from '../a11y/route-focus.service';
import { AuthService } from '../auth/auth.service';
import { API_BASE_URL } from '../config/api-base-url.token';
import { TopBarSearchComponent } from '../command-palette/top-bar-search.component';
import { OutageBannerComponent } from '../connectivity/outage-banner.component';
import { RealtimeService } from '../realtime/realtime.service';
import { ThemeToggleComponent } from '../theme/theme-toggle.component';
import { ADMIN_NAV_ITEMS, MAILBOX_NAV_ITEM, NAV_ITEMS, type NavItem } from './nav-items';

/** Pages that stay usable while a role requires MFA and it is not set up yet. */
const MFA_SETUP_PATH = '/profile';

/** Below this width the navigation becomes an overlay drawer. */
const NARROW_QUERY = '(max-width: 959.98px)';

/**
 * Application shell: toolbar, permission-aware navigation and the routed page. It exists only
 * while signed in, so it also starts the live updates (the socket follows the session).
 */
@Component({
  selector: 'app-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    MatToolbar,
    MatIconButton,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatListSubheaderCssMatStyler,
    MatAnchor,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatDivider,
    IconComponent,
    ThemeToggleComponent,
    OutageBannerComponent,
    TopBarSearchComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  readonly #auth = inject(AuthService);
  readonly #router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = this.#auth.currentUser;
  /** Whether the server has a development mailbox (asked once, only of users who may read it). */
  readonly #mailboxAvailable = signal(false);
  protected readonly navItems = computed(() => this.#allowed(NAV_ITEMS));
  protected readonly adminNavItems = computed(() =>
    this.#allowed(this.#mailboxAvailable() ? [...ADMIN_NAV_ITEMS, MAILBOX_NAV_ITEM] : ADMIN_NAV_ITEMS),
  );
  /** A role requires MFA and the user has not set it up: only the profile page works until then. */
  protected readonly mfaSetupRequired = computed(() => {
    const user = this.user();
    return !!user && user.mfaRequired && !user.mfaEnabled;
  });
  /** Path of the current page, for highlighting its navigation item. */
  readonly #path = toSignal(
    this.#router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.#currentPath()),
    ),
    { initialValue: this.#currentPath() },
  );
  protected readonly blockedByMfa = computed(
    () =>
      this.mfaSetupRequired() && !(this.#path() === MFA_SETUP_PATH || this.#path().startsWith(`${MFA_SETUP_PATH}/`)),
  );
  /** An administrator set a temporary password: only the profile page works until it is changed. */
  protected readonly blockedByPasswordChange = computed(
    () =>
      !!this.user()?.mustChangePassword &&
      !(this.#path() === MFA_SETUP_PATH || this.#path().startsWith(`${MFA_SETUP_PATH}/`)),
  );
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    inject(RealtimeService);
    // Focus moves to each new page's heading (and its title is announced), as after a page load.
    // Started here rather than at bootstrap: it costs the initial bundle nothing.
    inject(RouteFocusService);
    const http = inject(HttpClient);
    const mailboxUrl = `${inject(API_BASE_URL)}/dev/mailbox?limit=1`;
    effect(() => {
      if (this.#auth.permissions().has(Permission.DevMailboxRead) && !untracked(this.#mailboxAvailable)) {
        http.get(mailboxUrl).subscribe({ next: () => this.#mailboxAvailable.set(true), error: () => undefined });
      }
    });
  }

  protected isActive(path: string): boolean {
    const current = this.#path();
    return current === path || current.startsWith(`${path}/`);
  }

  protected closeIfNarrow(sidenav: MatSidenav): void {
    if (this.narrow()) {
      void sidenav.close();
    }
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  #allowed(items: readonly NavItem[]): NavItem[] {
    const permissions = this.#auth.permissions();
    return items.filter((item) => permissions.has(item.permission));
  }

  #currentPath(): string {
    return this.#router.url.split(/[?#]/)[0];
  }

  protected logout(): void {
    this.#auth.logout().subscribe({
      complete: () => void this.#router.navigateByUrl('/login'),
      error: () => void this.#router.navigateByUrl('/login'),
    });
  }
}
