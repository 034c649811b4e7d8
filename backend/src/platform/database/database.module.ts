import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseNotifications } from './database-notifications';
import { dataSourceOptions } from './data-source-options';
import { ReadReplica } from './read-replica';
import { RecentWriters } from './recent-writers';
import { StatementCountingLogger } from './statement-counter';

const GLOBAL_ENHANCERS: unknown[] = [APP_GUARD, APP_INTERCEPTOR];

/**
 * nestjs-cls always registers a global guard and a global interceptor, no-ops unless mounted.
 * Neither is mounted here, yet each would still run on every request (the interceptor through an
 * rxjs chain and an AsyncResource per call): they are left out of the module.
 */
export function withoutGlobalEnhancers(module: DynamicModule): DynamicModule {
  const isEnhancer = (provider: Provider) =>
    typeof provider === 'object' && 'provide' in provider && GLOBAL_ENHANCERS.includes(provider.provide);
  return {
    ...module,
    providers: module.providers?.filter((provider) => !isEnhancer(provider)),
    imports: module.imports?.map((imported) =>
      typeof imported === 'object' && 'module' in imported ? withoutGlobalEnhancers(imported) : imported,
    ),
  };
}

/**
 * TypeORM on PostgreSQL (committed migrations run at start) and one transaction per use
 * case, propagated through nestjs-cls to every service the use case calls. Reporting reads may
 * go to a streaming replica (read-replica.ts, DATABASE_READ_URL).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.database.url) throw new Error('No database URL: the embedded database was not started');
        return {
          ...dataSourceOptions({
            url: config.database.url,
            poolMax: config.database.poolMax,
            ssl: config.database.ssl,
          }),
          // Each module registers its own entities (TypeOrmModule.forFeature).
          autoLoadEntities: true,
          // main.ts migrates before the app starts, under an advisory lock (migrations-runner.ts).
          migrationsRun: false,
          ...(config.database.statementHeader
            ? { logging: ['query' as const], logger: new StatementCountingLogger() }
            : {}),
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
    withoutGlobalEnhancers(
      ClsModule.forRoot({
        global: true,
        // The context is opened by a Fastify hook (platform/context/request-context-hooks.ts).
        middleware: { mount: false },
        plugins: [
          new ClsPluginTransactional({
            imports: [TypeOrmModule],
            adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
          }),
        ],
      }),
    ),
  ],
  providers: [DatabaseNotifications, RecentWriters, ReadReplica],
  exports: [DatabaseNotifications, ReadReplica],
})
export class DatabaseModule {}
