import { bootstrapApplication } from '@angular/platform-browser';

import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { enableDeferredStylesheets } from './app/core/theme/deferred-stylesheets';

enableDeferredStylesheets(document);

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
