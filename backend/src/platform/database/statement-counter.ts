import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ClsServiceManager } from 'nestjs-cls';
import { tap, type Observable } from 'rxjs';
import type { Logger as TypeOrmLogger } from 'typeorm';

const COUNTER = 'sqlStatements';
export const SQL_STATEMENTS_HEADER = 'x-sql-statements';

/**
 * A TypeORM logger that prints nothing and counts the statements of the current request
 * (held in nestjs-cls). Only installed when SQL_STATEMENT_HEADER is on: tests use it to prove
 * that list endpoints run a bounded number of statements (QUALITY P4, no N+1).
 */
export class StatementCountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const cls = ClsServiceManager.getClsService();
    if (!cls.isActive()) return;
    const count = cls.get<number | undefined>(COUNTER);
    if (count !== undefined) cls.set(COUNTER, count + 1);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Starts counting when the handler starts (after guards) and reports the count in a header. */
@Injectable()
export class StatementCountInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const cls = ClsServiceManager.getClsService();
    if (!cls.isActive() || context.getType() !== 'http') return next.handle();
    cls.set(COUNTER, 0);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(tap(() => void reply.header(SQL_STATEMENTS_HEADER, String(cls.get<number>(COUNTER)))));
  }
}
