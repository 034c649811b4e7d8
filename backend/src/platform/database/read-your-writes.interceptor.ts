import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ClsService } from 'nestjs-cls';
import { catchError, concatMap, from, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RequestContext } from '../context/request-context';
import { RecentWriters } from './recent-writers';

/** Methods that never write. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes for the read replica: once a signed-in caller's unsafe request (POST, PUT,
 * PATCH, DELETE) has run, successful or not (a failed request may still have written its audit
 * row), the caller is remembered as a recent writer before the answer leaves, so the next
 * report they ask for comes from the primary. A no-op without DATABASE_READ_URL.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  private readonly enabled: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cls: ClsService<RequestContext>,
    private readonly recentWriters: RecentWriters,
  ) {
    this.enabled = config.database.read.url !== undefined;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.enabled || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return next.handle();
    const remember = async (): Promise<void> => {
      const userId = this.cls.isActive() ? this.cls.get('principal')?.userId : undefined;
      if (userId) await this.recentWriters.remember(userId);
    };
    return next.handle().pipe(
      concatMap((value: unknown) => from(remember().then(() => value))),
      catchError((error: unknown) =>
        from(
          remember().then(() => {
            throw error;
          }),
        ),
      ),
    );
  }
}
