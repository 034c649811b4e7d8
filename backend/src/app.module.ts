import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from './modules/audit/audit.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { IdentityModule } from './modules/identity/identity.module';
import { ImportsModule } from './modules/imports/imports.module';
import { InventoryModule } from './modules/inventory/inventory.module';
import { MailModule } from './modules/mail/mail.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PartnersModule } from './modules/partners/partners.module';
import { PurchasingModule } from './modules/purchasing/purchasing.module';
import { SalesModule } from './modules/sales/sales.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { OperationsModule } from './modules/operations/operations.module';
import { SavedViewsModule } from './modules/saved-views/saved-views.module';
import { SettingsModule } from './modules/settings/settings.module';
import { SearchModule } from './modules/search/search.module';
import { AuthPlatformModule } from './platform/auth/auth-platform.module';
import type { AppConfig } from './platform/config/app-config';
import { ConfigModule } from './platform/config/config.module';
import { CryptoModule } from './platform/crypto/crypto.module';
import { DatabaseModule } from './platform/database/database.module';
import { EventsModule } from './platform/events/events.module';
import { HealthModule } from './platform/health/health.module';
import { HttpPlatformModule } from './platform/http/http-platform.module';
import { LifecycleModule } from './platform/lifecycle/background-workers';
import { LoggingModule } from './platform/logging/logging.module';
import { ObservabilityModule } from './platform/observability/observability.module';
import { RateLimitModule } from './platform/rate-limit/rate-limit.module';
import { DemoDataModule } from './seed/demo-data.module';

/**
 * Platform modules first, then one module per bounded context, then the demo data seeder (it
 * uses the identity module). Nothing else lives here.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        LifecycleModule,
        DatabaseModule,
        ObservabilityModule,
        CryptoModule,
        HttpPlatformModule,
        EventsModule,
        RateLimitModule,
        AuthPlatformModule,
        HealthModule,
        AuditModule,
        MailModule.register(config),
        IdentityModule,
        InventoryModule,
        CatalogModule,
        NotificationsModule,
        ImportsModule,
        PartnersModule,
        PurchasingModule,
        SalesModule,
        DashboardModule,
        OperationsModule,
        SearchModule,
        SavedViewsModule,
        SettingsModule,
        DemoDataModule,
      ],
    };
  }
}
