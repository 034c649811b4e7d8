import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { routes } from './app.routes';
import { authRefreshInterceptor } from './core/auth/auth-refresh.interceptor';
import { authTokenInterceptor } from './core/auth/auth-token.interceptor';
import { AuthService } from './core/auth/auth.service';
import { ThemeService } from './core/theme/theme.service';
import { PageTitleStrategy } from './core/title/page-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    // Order matters: the refresh interceptor retries through the token interceptor.
    provideHttpClient(withInterceptors([authRefreshInterceptor, authTokenInterceptor])),
    provideAppInitializer(() => {
      inject(ThemeService);
      // Restore the session from the httpOnly refresh cookie before the first navigation.
      return firstValueFrom(inject(AuthService).restoreSession());
    }),
  ],
};
