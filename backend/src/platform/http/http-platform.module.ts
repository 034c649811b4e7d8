import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { BulkRunner } from './bulk/bulk-runner';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RouteRegistry } from './route-registry';
import { SpaFallback } from './spa-fallback';
import { createValidationPipe } from './validation';

/** Global validation, the problem+json error filter and the bulk-request runner. */
@Global()
@Module({
  providers: [
    SpaFallback,
    RouteRegistry,
    BulkRunner,
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
  exports: [SpaFallback, RouteRegistry, BulkRunner],
})
export class HttpPlatformModule {}
