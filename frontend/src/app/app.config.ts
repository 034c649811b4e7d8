import { DOCUMENT } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';

import { preloadSignedInPage, routes } from './app.routes';
import { authRefreshInterceptor } from './core/auth/auth-refresh.interceptor';
import { authTokenInterceptor } from './core/auth/auth-token.interceptor';
import { AuthService } from './core/auth/auth.service';
import { connectivityInterceptor } from './core/connectivity/connectivity.interceptor';
import { ThemeService } from './core/theme/theme.service';
import { PageTitleStrategy } from './core/title/page-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    // Order matters: each interceptor's retries pass through the ones after it (a retry after
    // an outage may need a refresh; a retry after a refresh needs the new token).
    provideHttpClient(withInterceptors([connectivityInterceptor, authRefreshInterceptor, authTokenInterceptor])),
    provideAppInitializer(() => {
      inject(ThemeService);
      // Restore the session from the httpOnly refresh cookie. Not awaited: through an outage it
      // takes as long as the outage, and the app must be up to say so. The guards wait for it.
      const auth = inject(AuthService);
      auth.restoreSession().subscribe();
      if (auth.restoring()) {
        preloadSignedInPage(inject(DOCUMENT).location.pathname);
      }
    }),
  ],
};
