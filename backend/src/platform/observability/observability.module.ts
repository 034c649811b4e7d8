import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** Prometheus metrics for every module (see metrics.ts). */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class ObservabilityModule {}
