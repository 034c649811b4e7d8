import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseNotifications } from './database-notifications';
import { dataSourceOptions } from './data-source-options';
import { ReadReplica } from './read-replica';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { RecentWriters } from './recent-writers';
import { StatementCountingLogger } from './statement-counter';

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
    ClsModule.forRoot({
      global: true,
      middleware: { mount: true },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  ],
  providers: [
    DatabaseNotifications,
    RecentWriters,
    ReadReplica,
    { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
  ],
  exports: [DatabaseNotifications, ReadReplica],
})
export class DatabaseModule {}
