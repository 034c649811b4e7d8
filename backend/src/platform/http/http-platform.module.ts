import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RouteRegistry } from './route-registry';
import { SpaFallback } from './spa-fallback';
import { createValidationPipe } from './validation';

/** Global validation and the problem+json error filter. */
@Global()
@Module({
  providers: [
    SpaFallback,
    RouteRegistry,
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
  exports: [SpaFallback, RouteRegistry],
})
export class HttpPlatformModule {}
